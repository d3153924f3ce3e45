using IntergovCommission.Domain.Calendars;
using IntergovCommission.Domain.Common;

namespace IntergovCommission.Domain.Execution;

/// <summary>What an assignment is about, who executes it and who controls it.</summary>
/// <param name="TaskRu">What is to be done, in Russian.</param>
/// <param name="TaskKk">What is to be done, in Kazakh.</param>
/// <param name="Organisation">The responsible organisation.</param>
/// <param name="ResponsiblePersonId">The responsible person on the commission's roster (who reports), if any.</param>
/// <param name="ResponsibleName">The responsible person as written (name and position).</param>
/// <param name="CoExecutors">Co-executing organisations or persons, as written.</param>
public sealed record AssignmentContent(string? TaskRu, string? TaskKk, string Organisation, Guid? ResponsiblePersonId, string? ResponsibleName, string? CoExecutors);

/// <summary>
/// An assignment under control (KZRU-05, KZRU-07, WF-02, WF-05, WF-06): from an issued decision or a co-chair's act; executed by
/// an organisation and a responsible person of one side, controlled by a secretary of that side. Its deadline is a date or
/// N working days on the side's country calendar; an extension takes effect only when that side's co-chair approves it and
/// the original deadline stays on record. Overdue is derived, never stored.
/// </summary>
public sealed class Assignment
{
    private Assignment() { Organisation = string.Empty; YearsWithoutCalendar = []; }

    public Assignment(Guid id, Guid commissionId, Guid sideId, int number, AssignmentSource source, Guid? decisionId, string? sourceAct,
        AssignmentContent content, Guid controllerPersonId, Deadline deadline, Guid createdByPersonId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(deadline);
        if (source == AssignmentSource.Decision && decisionId is null)
        {
            throw new ArgumentException("An assignment from a decision names the decision.", nameof(decisionId));
        }

        Organisation = string.Empty;
        YearsWithoutCalendar = [];
        Id = id;
        CommissionId = commissionId;
        SideId = sideId;
        Number = number;
        Source = source;
        DecisionId = decisionId;
        SourceAct = string.IsNullOrWhiteSpace(sourceAct) ? null : sourceAct.Trim();
        ControllerPersonId = controllerPersonId;
        CreatedByPersonId = createdByPersonId;
        CreatedAt = now;
        State = AssignmentState.Open;
        Describe(content);
        SetDeadline(deadline);
        OriginalDueOn = deadline.Due;
    }

    /// <summary>
    /// KZRU-18/22: a decision corrected before issue continues as its next version; an assignment entered
    /// on the earlier version follows it, so the issued decision carries it.
    /// </summary>
    public void FollowCorrection(Guid correctedDecisionId) => DecisionId = correctedDecisionId;

    public Guid Id { get; private set; }
    public Guid CommissionId { get; private set; }
    /// <summary>The responsible side: its country's calendar counts the working days; its co-chair approves extensions.</summary>
    public Guid SideId { get; private set; }
    /// <summary>Sequence number in the commission's register of assignments.</summary>
    public int Number { get; private set; }
    public AssignmentSource Source { get; private set; }
    public Guid? DecisionId { get; private set; }
    /// <summary>The co-chair's act (KZRU-05), or a note on the decision's point.</summary>
    public string? SourceAct { get; private set; }
    public string? TaskRu { get; private set; }
    public string? TaskKk { get; private set; }
    public string Organisation { get; private set; }
    public Guid? ResponsiblePersonId { get; private set; }
    public string? ResponsibleName { get; private set; }
    public string? CoExecutors { get; private set; }
    public Guid ControllerPersonId { get; private set; }
    public AssignmentState State { get; private set; }
    /// <summary>The deadline in force (after any approved extension).</summary>
    public DateOnly DueOn { get; private set; }
    /// <summary>The deadline first set: reports show both.</summary>
    public DateOnly OriginalDueOn { get; private set; }
    public int? DeadlineWorkingDays { get; private set; }
    public DateOnly? DeadlineCountedFrom { get; private set; }
    public string? DeadlineCountry { get; private set; }
    /// <summary>Years the count passed without an entered calendar (weekends only): the date is flagged.</summary>
    public int[] YearsWithoutCalendar { get; private set; }
    public string? CancelReason { get; private set; }
    public Guid CreatedByPersonId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public uint Version { get; private set; }

    public Deadline Deadline => new(DueOn, DeadlineWorkingDays, DeadlineCountedFrom, DeadlineCountry, YearsWithoutCalendar);

    /// <summary>Changes what is to be done and by whom, while the assignment is on control.</summary>
    public void Describe(AssignmentContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        EnsureUnfinished();
        if (string.IsNullOrWhiteSpace(content.TaskRu) && string.IsNullOrWhiteSpace(content.TaskKk))
        {
            throw new ArgumentException("What is to be done is written in Russian or Kazakh.", nameof(content));
        }

        TaskRu = Clean(content.TaskRu);
        TaskKk = Clean(content.TaskKk);
        Organisation = content.Organisation.Trim();
        ResponsiblePersonId = content.ResponsiblePersonId;
        ResponsibleName = Clean(content.ResponsibleName);
        CoExecutors = Clean(content.CoExecutors);
    }

    /// <summary>Whether the executor owes work on <paramref name="today"/> past the deadline.</summary>
    public bool IsOverdue(DateOnly today, DateOnly? lastReportOn) => ExecutionRules.IsOverdue(State, DueOn, today, lastReportOn);

    /// <summary>WF-05: the responsible person posts a progress report; it waits for the controller.</summary>
    public AssignmentReport Report(Guid reportId, string text, Guid byPersonId, DateTimeOffset at, DateOnly onLocalDate)
    {
        EnsureUnfinished();
        State = AssignmentState.ReportSubmitted;
        return new AssignmentReport(reportId, Id, text, byPersonId, at, onLocalDate);
    }

    /// <summary>KZRU-07: the controller accepts the report: the assignment is taken off control.</summary>
    public void Accept(AssignmentReport report, Guid byPersonId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(report);
        EnsureAwaiting(report);
        report.Decide(ReportOutcome.Accepted, null, byPersonId, at);
        State = AssignmentState.Accepted;
        ClosedAt = at;
    }

    /// <summary>WF-02: the controller returns the report for rework, always with a reason.</summary>
    public void Return(AssignmentReport report, string reason, Guid byPersonId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException("WF-02", "Execution.Rule.ReasonRequired", "WF-02 (seed 003 cl. 5): a report is returned with a reason.");
        }

        EnsureAwaiting(report);
        report.Decide(ReportOutcome.Returned, reason.Trim(), byPersonId, at);
        State = AssignmentState.Returned;
    }

    /// <summary>Cancelled by a decision of the commission: the reason names it.</summary>
    public void Cancel(string reason, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException("WF-02", "Execution.Rule.ReasonRequired", "WF-02 (seed 003 cl. 5): a cancellation states its reason.");
        }

        EnsureUnfinished();
        State = AssignmentState.Cancelled;
        CancelReason = reason.Trim();
        ClosedAt = at;
    }

    /// <summary>A new deadline is asked for, with a reason; it takes effect only when the side's co-chair approves.</summary>
    public DeadlineExtension RequestExtension(Guid extensionId, Deadline proposed, string reason, Guid byPersonId, DateTimeOffset at, bool anotherPending)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        EnsureUnfinished();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException("WF-02", "Execution.Rule.ReasonRequired", "WF-02 (seed 003 cl. 5): an extension is asked for with a reason.");
        }

        if (anotherPending)
        {
            throw new RuleViolationException("KZRU-07", "Execution.Rule.ExtensionPending", "KZRU-07 (Regulation cl. 8): an extension of this assignment already waits for the co-chair.");
        }

        if (proposed.Due <= DueOn)
        {
            throw new RuleViolationException("KZRU-07", "Execution.Rule.ExtensionNotLater", "KZRU-07 (Regulation cl. 8): an extension moves the deadline later than {0:dd.MM.yyyy}.", DueOn);
        }

        return new DeadlineExtension(extensionId, Id, DueOn, proposed, reason.Trim(), byPersonId, at);
    }

    /// <summary>KZRU-04: the co-chair of the assignment's side approves the extension: the new deadline is in force.</summary>
    public void ApproveExtension(DeadlineExtension extension, Guid byPersonId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(extension);
        EnsureUnfinished();
        extension.Decide(true, byPersonId, at);
        SetDeadline(extension.Proposed);
    }

    /// <summary>KZRU-04: the co-chair of the assignment's side refuses the extension: the deadline stays.</summary>
    public void RefuseExtension(DeadlineExtension extension, Guid byPersonId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(extension);
        EnsureUnfinished();
        extension.Decide(false, byPersonId, at);
    }

    /// <summary>A calendar changed: a deadline counted in working days is counted again. Returns the old date when it moved.</summary>
    public DateOnly? Recount(WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!ExecutionRules.IsUnfinished(State) || DeadlineWorkingDays is null || !string.Equals(DeadlineCountry, calendar.Country, StringComparison.Ordinal))
        {
            return null;
        }

        var before = DueOn;
        var recounted = Deadline.Recount(calendar);
        if (recounted.Due == before && recounted.YearsWithoutCalendar.SequenceEqual(YearsWithoutCalendar))
        {
            return null;
        }

        if (OriginalDueOn == before && DeadlineCountedFrom is not null)
        {
            OriginalDueOn = recounted.Due; // the rule is the original deadline; the calendar fixed its date
        }

        SetDeadline(recounted);
        return recounted.Due == before ? null : before;
    }

    private void SetDeadline(Deadline deadline)
    {
        DueOn = deadline.Due;
        DeadlineWorkingDays = deadline.WorkingDays;
        DeadlineCountedFrom = deadline.CountedFrom;
        DeadlineCountry = deadline.Country;
        YearsWithoutCalendar = [.. deadline.YearsWithoutCalendar];
    }

    private void EnsureUnfinished()
    {
        if (State == AssignmentState.Cancelled)
        {
            throw new RuleViolationException("KZRU-07", "Execution.Rule.Cancelled", "KZRU-07 (Regulation cl. 8): assignment {0} is cancelled; nothing more is done on it.", Number);
        }

        if (State == AssignmentState.Accepted)
        {
            throw new RuleViolationException("KZRU-07", "Execution.Rule.Accepted", "KZRU-07 (Regulation cl. 8): assignment {0} is executed and taken off control.", Number);
        }
    }

    private void EnsureAwaiting(AssignmentReport report)
    {
        EnsureUnfinished();
        if (report.AssignmentId != Id || State != AssignmentState.ReportSubmitted || report.Outcome != ReportOutcome.Pending)
        {
            throw new RuleViolationException("KZRU-07", "Execution.Rule.NotAwaiting", "KZRU-07 (Regulation cl. 8): this report of assignment {0} is already answered, or a later report replaced it.", Number);
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
