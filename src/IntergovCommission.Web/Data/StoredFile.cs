using System.Security.Cryptography;

namespace IntergovCommission.Web.Data;

/// <summary>
/// A file's bytes, kept in PostgreSQL beside its record: the upload and its record commit in one
/// transaction, so a failure half-way leaves neither, and every app instance sees the same files.
/// Content-addressed: the same bytes uploaded twice are stored once (SHA-256 unique).
/// </summary>
public sealed class StoredFile
{
    private StoredFile() { Sha256 = string.Empty; ContentType = string.Empty; Content = []; }

    public StoredFile(Guid id, byte[] content, string contentType, DateTimeOffset createdAt)
    {
        Id = id;
        Content = content;
        Size = content.LongLength;
        Sha256 = HashOf(content);
        ContentType = contentType;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string Sha256 { get; private set; }
    public long Size { get; private set; }
    public string ContentType { get; private set; }
    public byte[] Content { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static string HashOf(byte[] content) => Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();
}
