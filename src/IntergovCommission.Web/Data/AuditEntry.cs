namespace IntergovCommission.Web.Data;

/// <summary>One audited action: who did what, when, in which commission, and what changed.</summary>
public sealed class AuditEntry
{
    private AuditEntry() { Action = string.Empty; Request = "{}"; Changes = "[]"; }

    public AuditEntry(Guid id, DateTimeOffset at, Guid? userId, string? userName, Guid? commissionId, string action, string request, string changes, string? correlationId, string? remoteAddress)
    {
        Id = id;
        At = at;
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
}
