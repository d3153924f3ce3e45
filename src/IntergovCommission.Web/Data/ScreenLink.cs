using System.Security.Cryptography;

namespace IntergovCommission.Web.Data;

/// <summary>
/// A secret address of one session's room screen, for a projector that nobody signs in on: read-only,
/// the room's view only. Stored as the SHA-256 of its secret; a revoked link stops at once.
/// </summary>
public sealed class ScreenLink
{
    private ScreenLink() { TokenHash = string.Empty; Label = string.Empty; }

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public string TokenHash { get; private set; }
    public string Label { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? CreatedByPersonId { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public Guid? RevokedByPersonId { get; private set; }
    public uint Version { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>A new link; returns the entity to store and the secret to show once.</summary>
    public static (ScreenLink Link, string Secret) Issue(Guid sessionId, string label, Guid? byPersonId, DateTimeOffset now)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new ScreenLink
        {
            Id = Guid.CreateVersion7(),
            SessionId = sessionId,
            TokenHash = ApiToken.Hash(secret),
            Label = label.Trim(),
            CreatedAt = now,
            CreatedByPersonId = byPersonId,
        }, secret);
    }

    /// <summary>Stops the link; revoking twice keeps the first revocation.</summary>
    public void Revoke(Guid? byPersonId, DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return;
        }

        RevokedAt = now;
        RevokedByPersonId = byPersonId;
    }
}
