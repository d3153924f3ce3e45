using IntergovCommission.Domain.Audit;

namespace IntergovCommission.Web.Data;

/// <summary>One row of the audit trail: who did what, and its link in the hash chain (seq, previous hash, hash).</summary>
public sealed class AuditEntry
{
    private AuditEntry() { Action = string.Empty; Request = "{}"; Changes = "[]"; }

    public AuditEntry(Guid id, DateTimeOffset at, Guid? userId, string? userName, Guid? commissionId, string action, string request, string changes, string? correlationId, string? remoteAddress)
    {
        Id = id;
        // The database keeps microseconds: the hash is taken over what is stored.
        At = AuditCanonicalForm.ToStoredPrecision(at);
        UserId = userId;
        UserName = userName;
        CommissionId = commissionId;
        Action = action;
        Request = request;
        Changes = changes;
        CorrelationId = correlationId;
        RemoteAddress = remoteAddress;
    }

    public Guid Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? UserId { get; private set; }
    public string? UserName { get; private set; }
    public Guid? CommissionId { get; private set; }
    public string Action { get; private set; }
    public string Request { get; private set; }
    public string Changes { get; private set; }
    public string? CorrelationId { get; private set; }
    public string? RemoteAddress { get; private set; }

    /// <summary>Place in the chain, from 1. Null only for rows written before the chain existed, until they are sealed at start-up.</summary>
    public long? Seq { get; private set; }
    public string? PreviousHash { get; private set; }
    public string? Hash { get; private set; }

    public AuditRecord ToRecord() => new(Id, At, UserId, UserName, CommissionId, Action, Request, Changes, CorrelationId, RemoteAddress, Seq, PreviousHash, Hash);

    /// <summary>Takes place <paramref name="seq"/> after the row whose hash is <paramref name="previousHash"/> (under the chain lock).</summary>
    public void Link(long seq, string previousHash)
    {
        Seq = seq;
        PreviousHash = previousHash;
        Hash = AuditCanonicalForm.Hash(ToRecord(), seq, previousHash);
    }
}
