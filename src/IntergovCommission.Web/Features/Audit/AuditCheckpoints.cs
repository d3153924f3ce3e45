using System.Text;
using System.Text.Json;
using IntergovCommission.Domain.Audit;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Audit;

/// <summary>
/// Signs checkpoints of the audit chain with the server's document certificate and keeps each one
/// twice: a row in audit_checkpoints and a line in the checkpoint file outside the database, where
/// a database administrator cannot rewrite it unseen.
/// </summary>
public sealed class AuditCheckpoints(CommissionDbContext db, ServerSigningCertificate certificate, AuditOptions options, TimeProvider clock)
{
    private static readonly SemaphoreSlim FileLock = new(1, 1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The committed head of the chain: its length and last hash (genesis when empty).</summary>
    public async Task<(long Length, string Head)> HeadAsync(CancellationToken ct)
    {
        var head = await db.AuditEntries.AsNoTracking().Where(a => a.Seq != null).OrderByDescending(a => a.Seq)
            .Select(a => new { a.Seq, a.Hash }).FirstOrDefaultAsync(ct);
        return (head?.Seq ?? 0, head?.Hash ?? AuditCanonicalForm.Genesis);
    }

    /// <summary>Signs the committed head now. Null when <paramref name="onlyIfGrown"/> and the last checkpoint already saw this length.</summary>
    public async Task<AuditCheckpoint?> SignHeadAsync(string reason, bool onlyIfGrown, CancellationToken ct)
    {
        var (length, head) = await HeadAsync(ct);
        if (onlyIfGrown && (length == 0 || await db.AuditCheckpoints.AsNoTracking().AnyAsync(c => c.Length >= length, ct)))
        {
            return null;
        }

        var checkpoint = AuditCheckpoint.Create(length, head, clock.GetUtcNow(), certificate.Certificate);
        db.AuditCheckpoints.Add(new AuditCheckpointRecord(Guid.CreateVersion7(), checkpoint, reason));
        return checkpoint;
    }

    /// <summary>Signs and keeps a checkpoint now, outside any command (the interval and the command line).</summary>
    public async Task<AuditCheckpoint?> WriteAsync(string reason, bool onlyIfGrown, CancellationToken ct)
    {
        var checkpoint = await SignHeadAsync(reason, onlyIfGrown, ct);
        if (checkpoint is null)
        {
            return null;
        }

        await db.SaveChangesAsync(ct);
        await AppendToFileAsync(checkpoint, reason, ct);
        return checkpoint;
    }

    /// <summary>Appends one line to the checkpoint file and forces it to disk.</summary>
    public async Task AppendToFileAsync(AuditCheckpoint checkpoint, string reason, CancellationToken ct)
    {
        var line = JsonSerializer.Serialize(new FileLine(checkpoint.Length, checkpoint.HeadHash, checkpoint.At, checkpoint.Signature ?? string.Empty, reason), Json) + "\n";
        await FileLock.WaitAsync(ct);
        try
        {
            var directory = Path.GetDirectoryName(options.ResolvedCheckpointFile);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            await using var stream = new FileStream(options.ResolvedCheckpointFile, FileMode.Append, FileAccess.Write, FileShare.Read);
            await stream.WriteAsync(Encoding.UTF8.GetBytes(line), ct);
            stream.Flush(flushToDisk: true);
        }
        finally
        {
            FileLock.Release();
        }
    }

    /// <summary>The checkpoints in the file (an unreadable line is returned as null, so it is reported, not skipped).</summary>
    public async Task<IReadOnlyList<AuditCheckpoint?>> ReadFileAsync(CancellationToken ct)
    {
        if (!File.Exists(options.ResolvedCheckpointFile))
        {
            return [];
        }

        var result = new List<AuditCheckpoint?>();
        foreach (var line in await File.ReadAllLinesAsync(options.ResolvedCheckpointFile, ct))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var read = JsonSerializer.Deserialize<FileLine>(line, Json);
                result.Add(read is null ? null : new AuditCheckpoint(read.Length, read.Head, read.At, read.Signature));
            }
            catch (JsonException)
            {
                result.Add(null);
            }
        }

        return result;
    }

    /// <summary>The latest checkpoint kept in the database (the public verification page shows it).</summary>
    public async Task<AuditCheckpoint?> LatestAsync(CancellationToken ct) =>
        (await db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.Length).ThenByDescending(c => c.At).FirstOrDefaultAsync(ct))?.ToCheckpoint();

    private sealed record FileLine(long Length, string Head, DateTimeOffset At, string Signature, string Reason);
}
