namespace IntergovCommission.Web.Data;

/// <summary>
/// KZRU-12: the record that a session's "proposal deadline coming" reminder went out. Its key is the
/// session, so the reminder goes once per session across restarts and across several app instances.
/// </summary>
public sealed class ProposalDeadlineReminder
{
    private ProposalDeadlineReminder() { }

    public ProposalDeadlineReminder(Guid sessionId, DateTimeOffset sentAt)
    {
        SessionId = sessionId;
        SentAt = sentAt;
    }

    public Guid SessionId { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
}
