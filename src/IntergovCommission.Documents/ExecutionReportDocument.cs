namespace IntergovCommission.Documents;

/// <summary>
/// The consolidated report on the execution of assignments for a period (WF-05): every assignment of the period with its state,
/// deadlines (in force and original), extensions and reports, grouped by organisation; totals and each organisation's share done on time.
/// </summary>
public sealed record ExecutionReportDocument(
    BilingualText CommissionName,
    DateOnly From,
    DateOnly To,
    DateOnly AsOf,
    IReadOnlyList<ExecutionReportRow> Rows,
    IReadOnlyList<ExecutionDisciplineRow> Discipline);

/// <param name="State">The state in Kazakh and Russian ("орындалды / исполнено").</param>
/// <param name="Reports">How many reports came in, and the date of the last.</param>
public sealed record ExecutionReportRow(
    string Number,
    string Organisation,
    string Side,
    BilingualText Task,
    string Responsible,
    DateOnly DueOn,
    DateOnly OriginalDueOn,
    int Extensions,
    int Reports,
    DateOnly? LastReportOn,
    BilingualText State,
    bool Overdue);

/// <summary>Execution discipline of one organisation: assignments due in the period, done on time, overdue.</summary>
public sealed record ExecutionDisciplineRow(string Organisation, int Due, int DoneOnTime, int DoneLate, int Open, int Overdue, int Cancelled)
{
    /// <summary>The share done on time of the assignments due (0-100, whole per cent); null when none was due.</summary>
    public int? OnTimePercent => Due == 0 ? null : (int)Math.Round(100.0 * DoneOnTime / Due, MidpointRounding.AwayFromZero);
}
