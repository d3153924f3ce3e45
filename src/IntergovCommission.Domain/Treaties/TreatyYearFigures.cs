using IntergovCommission.Domain.Execution;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;

namespace IntergovCommission.Domain.Treaties;

/// <summary>A session of the year as the treaty report sees it.</summary>
public sealed record SessionFact(DateOnly On, SessionKind Kind, SessionState State);

/// <summary>A decision of the year (not a superseded version): the date of its session and its kind.</summary>
public sealed record DecisionFact(DateOnly SessionOn, DecisionKind Kind);

/// <summary>
/// An assignment as the treaty report sees it: the side code, when it was given (on the side's clock), the deadline in force, the
/// state, the date of the accepted report, and today on the side's clock.
/// </summary>
public sealed record AssignmentFact(string Side, DateOnly GivenOn, DateOnly DueOn, AssignmentState State, DateOnly? AcceptedReportOn, DateOnly? PendingReportOn, DateOnly Today);

/// <summary>One side's assignment figures of the year.</summary>
/// <param name="Given">Given in the year.</param>
/// <param name="Due">Due in the year (not cancelled).</param>
/// <param name="DoneOnTime">Of those due: accepted on a report that came by the deadline in force.</param>
/// <param name="DoneLate">Of those due: accepted on a late report.</param>
/// <param name="Overdue">Of those due: still owed and overdue today.</param>
public sealed record SideFigures(string Side, int Given, int Due, int DoneOnTime, int DoneLate, int Overdue);

/// <summary>
/// WF-07 field (9), the statistics: the commission's record of one calendar year — sessions held (regular, extraordinary), decisions
/// by kind, assignments given / due / done on time / late / overdue by side. Pure: computed from plain facts, never stored.
/// </summary>
public sealed record TreatyYearFigures(
    int Year,
    int RegularSessions,
    int ExtraordinarySessions,
    IReadOnlyList<(DecisionKind Kind, int Count)> DecisionsByKind,
    IReadOnlyList<SideFigures> Sides)
{
    public int SessionsHeld => RegularSessions + ExtraordinarySessions;

    public int Decisions => DecisionsByKind.Sum(d => d.Count);

    public static TreatyYearFigures Compute(int year, IEnumerable<SessionFact> sessions, IEnumerable<DecisionFact> decisions, IEnumerable<AssignmentFact> assignments)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(assignments);
        var held = sessions.Where(s => s.On.Year == year && s.State == SessionState.Closed).ToList();
        var byKind = decisions.Where(d => d.SessionOn.Year == year).GroupBy(d => d.Kind).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        var sides = assignments.GroupBy(a => a.Side, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var due = g.Where(a => a.DueOn.Year == year && a.State != AssignmentState.Cancelled).ToList();
            var onTime = due.Count(a => ExecutionRules.IsDoneOnTime(a.State, a.DueOn, a.AcceptedReportOn));
            var late = due.Count(a => a.State == AssignmentState.Accepted && !ExecutionRules.IsDoneOnTime(a.State, a.DueOn, a.AcceptedReportOn));
            var overdue = due.Count(a => ExecutionRules.IsOverdue(a.State, a.DueOn, a.Today, a.PendingReportOn));
            return new SideFigures(g.Key, g.Count(a => a.GivenOn.Year == year), due.Count, onTime, late, overdue);
        }).Where(s => s.Given + s.Due > 0).ToList();
        return new TreatyYearFigures(year, held.Count(s => s.Kind == SessionKind.Regular), held.Count(s => s.Kind == SessionKind.Extraordinary), byKind, sides);
    }
}

/// <summary>WF-07: the annual report's dates.</summary>
public static class TreatyReportRules
{
    /// <summary>The report on year Y goes to the Ministry of Foreign Affairs by 10 January of Y + 1 (seed 004 cl. 2).</summary>
    public static DateOnly DeadlineFor(int year) => new(year + 1, 1, 10);

    /// <summary>The year a report is due for on <paramref name="today"/>: up to 10 January, the past year; later, the current one (drafted through the year).</summary>
    public static int CurrentReportYear(DateOnly today) => today <= DeadlineFor(today.Year - 1) ? today.Year - 1 : today.Year;
}
