using IntergovCommission.Domain.Audit;

namespace IntergovCommission.Web.Data;

/// <summary>A signed checkpoint of the audit chain as kept in the database (the file outside it holds the same).</summary>
public sealed class AuditCheckpointRecord
{
    private AuditCheckpointRecord() { HeadHash = string.Empty; Signature = string.Empty; Reason = string.Empty; }

    public AuditCheckpointRecord(Guid id, AuditCheckpoint checkpoint, string reason)
    {
        Id = id;
        Length = checkpoint.Length;
        HeadHash = checkpoint.HeadHash;
        At = checkpoint.At;
        Signature = checkpoint.Signature ?? throw new ArgumentException("A stored checkpoint is signed.", nameof(checkpoint));
        Reason = reason;
    }

    public Guid Id { get; private set; }
    public long Length { get; private set; }
    public string HeadHash { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Signature { get; private set; }

    /// <summary>"interval", "decision" or "manual".</summary>
    public string Reason { get; private set; }

    public AuditCheckpoint ToCheckpoint() => new(Length, HeadHash, At, Signature);
}
