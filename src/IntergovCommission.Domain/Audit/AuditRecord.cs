namespace IntergovCommission.Domain.Audit;

/// <summary>One row of the audit trail as stored: its content, its place in the chain and its hashes.</summary>
public sealed record AuditRecord(
    Guid Id,
    DateTimeOffset At,
    Guid? UserId,
    string? UserName,
    Guid? CommissionId,
    string Action,
    string Request,
    string Changes,
    string? CorrelationId,
    string? RemoteAddress,
    long? Seq = null,
    string? PreviousHash = null,
    string? Hash = null);
