namespace IntergovCommission.Domain.Execution;

/// <summary>
/// The life of an assignment (KZRU-07, WF-02, WF-05): open → report submitted → accepted (taken off control) or returned
/// for rework with a reason (open again); cancelled by a decision. Overdue is never a state: it is derived.
/// </summary>
public enum AssignmentState
{
    Open = 1,
    ReportSubmitted = 2,
    Returned = 3,
    Accepted = 4,
    Cancelled = 5,
}

/// <summary>Where an assignment comes from.</summary>
public enum AssignmentSource
{
    /// <summary>An issued decision of the commission.</summary>
    Decision = 1,

    /// <summary>A co-chair's own act (KZRU-05): an assignment to a member, or a requirement that an organisation submit materials, a report or a conclusion.</summary>
    CoChairAct = 2,
}
