namespace IntergovCommission.Domain.Execution;

/// <summary>The controller's answer to a report.</summary>
public enum ReportOutcome
{
    Pending = 1,
    Accepted = 2,
    Returned = 3,
    /// <summary>A later report came in before this one was answered.</summary>
    Superseded = 4,
}

/// <summary>A progress report on an assignment (WF-05), with its files; the controller accepts it or returns it with a reason (WF-02).</summary>
public sealed class AssignmentReport
{
    private AssignmentReport() { Text = string.Empty; }

    internal AssignmentReport(Guid id, Guid assignmentId, string text, Guid byPersonId, DateTimeOffset at, DateOnly onLocalDate)
    {
        Id = id;
        AssignmentId = assignmentId;
        Text = text.Trim();
        SubmittedByPersonId = byPersonId;
        SubmittedAt = at;
        SubmittedOn = onLocalDate;
        Outcome = ReportOutcome.Pending;
    }

    public Guid Id { get; private set; }
    public Guid AssignmentId { get; private set; }
    public string Text { get; private set; }
    public Guid SubmittedByPersonId { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    /// <summary>The day it came in, on the responsible side's clock: compared with the deadline.</summary>
    public DateOnly SubmittedOn { get; private set; }
    public ReportOutcome Outcome { get; private set; }
    public string? ReturnReason { get; private set; }
    public Guid? DecidedByPersonId { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    internal void Decide(ReportOutcome outcome, string? reason, Guid byPersonId, DateTimeOffset at)
    {
        Outcome = outcome;
        ReturnReason = reason;
        DecidedByPersonId = byPersonId;
        DecidedAt = at;
    }

    /// <summary>A newer report arrived while this one waited: only the newest is answered.</summary>
    public void Supersede()
    {
        if (Outcome == ReportOutcome.Pending)
        {
            Outcome = ReportOutcome.Superseded;
        }
    }
}
