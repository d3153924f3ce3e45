namespace IntergovCommission.Domain.Execution;

/// <summary>Derived facts about execution (KZRU-07, WF-05): never stored, always computed from the record and the day.</summary>
public static class ExecutionRules
{
    /// <summary>Still on control: not accepted and not cancelled.</summary>
    public static bool IsUnfinished(AssignmentState state) => state is AssignmentState.Open or AssignmentState.ReportSubmitted or AssignmentState.Returned;

    /// <summary>
    /// Overdue on <paramref name="today"/>: the executor still owes the work (open, or returned for rework) and the
    /// deadline has passed. A report awaiting the controller's answer is not overdue when it came in time; one that came
    /// late stays overdue until accepted.
    /// </summary>
    public static bool IsOverdue(AssignmentState state, DateOnly due, DateOnly today, DateOnly? lastReportOn) => state switch
    {
        AssignmentState.Open or AssignmentState.Returned => today > due,
        AssignmentState.ReportSubmitted => lastReportOn is DateOnly reported ? reported > due : today > due,
        _ => false,
    };

    /// <summary>Done on time (execution discipline): accepted, and the accepted report came in by the deadline in force.</summary>
    public static bool IsDoneOnTime(AssignmentState state, DateOnly due, DateOnly? acceptedReportOn) =>
        state == AssignmentState.Accepted && acceptedReportOn is DateOnly reported && reported <= due;
}
