using IntergovCommission.Domain.Execution;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Treaties;

namespace IntergovCommission.Domain.Tests.Treaties;

/// <summary>WF-07 field (9): the year's figures from the record — sessions held, decisions by kind, assignments by side.</summary>
public sealed class TreatyYearFiguresTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static readonly DateOnly Today = D(2027, 1, 5);

    [Fact]
    public void Only_sessions_held_in_the_year_count_by_kind()
    {
        var figures = TreatyYearFigures.Compute(2026,
            [
                new SessionFact(D(2026, 3, 10), SessionKind.Regular, SessionState.Closed),
                new SessionFact(D(2026, 9, 1), SessionKind.Extraordinary, SessionState.Closed),
                new SessionFact(D(2026, 11, 1), SessionKind.Regular, SessionState.Cancelled),
                new SessionFact(D(2026, 12, 20), SessionKind.Regular, SessionState.AgendaApproved),
                new SessionFact(D(2025, 12, 1), SessionKind.Regular, SessionState.Closed),
            ], [], []);

        Assert.Equal((1, 1, 2), (figures.RegularSessions, figures.ExtraordinarySessions, figures.SessionsHeld));
    }

    [Fact]
    public void Decisions_are_counted_by_kind_for_the_year_of_their_session()
    {
        var figures = TreatyYearFigures.Compute(2026, [],
            [
                new DecisionFact(D(2026, 3, 10), DecisionKind.ProgrammeApprovalOrChange),
                new DecisionFact(D(2026, 3, 10), DecisionKind.Other),
                new DecisionFact(D(2026, 9, 1), DecisionKind.Other),
                new DecisionFact(D(2027, 1, 2), DecisionKind.Other),
            ], []);

        Assert.Equal(3, figures.Decisions);
        Assert.Equal([(DecisionKind.ProgrammeApprovalOrChange, 1), (DecisionKind.Other, 2)], figures.DecisionsByKind);
    }

    [Fact]
    public void Assignments_are_given_due_done_on_time_late_and_overdue_by_side()
    {
        var figures = TreatyYearFigures.Compute(2026, [], [],
            [
                // KZ: given in 2026 and done on time; done late; still open past the deadline; cancelled (not due); given in 2026, due in 2027.
                new AssignmentFact("KZ", D(2026, 2, 1), D(2026, 3, 1), AssignmentState.Accepted, D(2026, 2, 27), null, Today),
                new AssignmentFact("KZ", D(2026, 2, 1), D(2026, 3, 1), AssignmentState.Accepted, D(2026, 3, 5), null, Today),
                new AssignmentFact("KZ", D(2026, 5, 1), D(2026, 6, 1), AssignmentState.Open, null, null, Today),
                new AssignmentFact("KZ", D(2026, 5, 1), D(2026, 6, 1), AssignmentState.Cancelled, null, null, Today),
                new AssignmentFact("KZ", D(2026, 12, 20), D(2027, 2, 1), AssignmentState.Open, null, null, Today),
                // RU: given in 2025, due and reported in time in 2026, the answer awaited: due, neither done nor overdue.
                new AssignmentFact("RU", D(2025, 12, 1), D(2026, 1, 20), AssignmentState.ReportSubmitted, null, D(2026, 1, 19), Today),
            ]);

        Assert.Equal([new SideFigures("KZ", 5, 3, 1, 1, 1), new SideFigures("RU", 0, 1, 0, 0, 0)], figures.Sides);
    }

    [Theory]
    [InlineData("2027-01-10", 2026)]
    [InlineData("2027-01-11", 2027)]
    [InlineData("2026-12-31", 2026)]
    public void The_report_due_next_is_for_the_past_year_until_10_January(string today, int year) =>
        Assert.Equal(year, TreatyReportRules.CurrentReportYear(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_fixed_report_dates_come_in_order_with_their_periods()
    {
        var upcoming = FixedReportDates.Upcoming(D(2026, 12, 16), 4);

        Assert.Equal([(D(2027, 1, 10), FixedReportKind.Year), (D(2027, 1, 10), FixedReportKind.Treaties), (D(2027, 6, 15), FixedReportKind.HalfYear), (D(2027, 12, 15), FixedReportKind.HalfYear)],
            upcoming.Select(d => (d.On, d.Kind)));
        Assert.Equal((D(2026, 1, 1), D(2026, 12, 31)), (upcoming[0].From, upcoming[0].To));
        Assert.Equal((D(2027, 1, 1), D(2027, 6, 15)), (upcoming[2].From, upcoming[2].To));
        Assert.Equal((D(2027, 6, 16), D(2027, 12, 15)), (upcoming[3].From, upcoming[3].To));
    }
}
