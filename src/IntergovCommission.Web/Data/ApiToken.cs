using System.Security.Cryptography;
using System.Text;

namespace IntergovCommission.Web.Data;

/// <summary>
/// A personal access token for the integration API. Only its SHA-256 is stored; the token itself
/// is shown once. It carries its owner's rights, never more; it expires and can be revoked.
/// </summary>
public sealed class ApiToken
{
    public const string Prefix = "igc_";

    private ApiToken() { Name = string.Empty; TokenHash = string.Empty; DisplayPrefix = string.Empty; }

    private ApiToken(Guid id, Guid userId, string name, string tokenHash, string displayPrefix, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        Id = id;
        UserId = userId;
        Name = name;
        TokenHash = tokenHash;
        DisplayPrefix = displayPrefix;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string Name { get; private set; }
    public string TokenHash { get; private set; }
    public string DisplayPrefix { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }

    /// <summary>Creates a token; returns the entity to store and the secret to show once.</summary>
    public static (ApiToken Token, string Secret) Issue(Guid userId, string name, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new ApiToken(Guid.CreateVersion7(), userId, name.Trim(), Hash(secret), secret[..(Prefix.Length + 6)], now, expiresAt), secret);
    }

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret))).ToLowerInvariant();

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public void Touch(DateTimeOffset now) => LastUsedAt = now;
}

/// <summary>The first answer to a write sent with an Idempotency-Key: a retry with the same key gets it again.</summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord() { Key = string.Empty; RequestFingerprint = string.Empty; ContentType = string.Empty; Body = []; }

    public IdempotencyRecord(Guid id, Guid userId, string key, string requestFingerprint, int statusCode, string contentType, byte[] body, DateTimeOffset createdAt)
    {
        Id = id;
        UserId = userId;
        Key = key;
        RequestFingerprint = requestFingerprint;
        StatusCode = statusCode;
        ContentType = contentType;
        Body = body;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string Key { get; private set; }
    public string RequestFingerprint { get; private set; }
    public int StatusCode { get; private set; }
    public string ContentType { get; private set; }
    public byte[] Body { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
