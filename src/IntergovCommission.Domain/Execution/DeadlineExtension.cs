namespace IntergovCommission.Domain.Execution;

/// <summary>A requested change of an assignment's deadline: in force only once the co-chair of the assignment's side approves it.</summary>
public sealed class DeadlineExtension
{
    private DeadlineExtension() { Reason = string.Empty; YearsWithoutCalendar = []; }

    internal DeadlineExtension(Guid id, Guid assignmentId, DateOnly previousDueOn, Deadline proposed, string reason, Guid byPersonId, DateTimeOffset at)
    {
        Id = id;
        AssignmentId = assignmentId;
        PreviousDueOn = previousDueOn;
        ProposedDueOn = proposed.Due;
        WorkingDays = proposed.WorkingDays;
        CountedFrom = proposed.CountedFrom;
        Country = proposed.Country;
        YearsWithoutCalendar = [.. proposed.YearsWithoutCalendar];
        Reason = reason;
        RequestedByPersonId = byPersonId;
        RequestedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid AssignmentId { get; private set; }
    public DateOnly PreviousDueOn { get; private set; }
    public DateOnly ProposedDueOn { get; private set; }
    public int? WorkingDays { get; private set; }
    public DateOnly? CountedFrom { get; private set; }
    public string? Country { get; private set; }
    public int[] YearsWithoutCalendar { get; private set; }
    public string Reason { get; private set; }
    public Guid RequestedByPersonId { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    /// <summary>Null while waiting; true approved; false refused.</summary>
    public bool? Approved { get; private set; }
    public Guid? DecidedByPersonId { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    public Deadline Proposed => new(ProposedDueOn, WorkingDays, CountedFrom, Country, YearsWithoutCalendar);

    internal void Decide(bool approved, Guid byPersonId, DateTimeOffset at)
    {
        if (Approved is not null)
        {
            throw new Common.RuleViolationException("KZRU-04", "Execution.Rule.ExtensionDecided", "KZRU-04 (Regulation cl. 5): this extension is already decided.");
        }

        Approved = approved;
        DecidedByPersonId = byPersonId;
        DecidedAt = at;
    }
}
