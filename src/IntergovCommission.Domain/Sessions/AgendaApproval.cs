namespace IntergovCommission.Domain.Sessions;

/// <summary>
/// KZRU-11 (Regulation cl. 9): one co-chair's answer on one version of the agenda: approved, or
/// returned with comments. Answers on older versions stay as history but no longer count.
/// </summary>
public sealed class AgendaApproval
{
    private AgendaApproval() { }

    internal AgendaApproval(Guid id, Guid sessionId, int agendaVersion, CoChairSeat coChair, ApprovalOutcome outcome, string? comment, DateTimeOffset decidedAt)
    {
        Id = id;
        SessionId = sessionId;
        AgendaVersion = agendaVersion;
        PersonId = coChair.PersonId;
        SideId = coChair.SideId;
        Outcome = outcome;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        DecidedAt = decidedAt;
    }

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public int AgendaVersion { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid SideId { get; private set; }
    public ApprovalOutcome Outcome { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset DecidedAt { get; private set; }
}
