using IntergovCommission.Domain.Approvals;
using IntergovCommission.Domain.Calendars;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Execution;

namespace IntergovCommission.Domain.Tests.Execution;

/// <summary>KZRU-07 / WF-02 / WF-05: the life of an assignment; overdue derived; extensions; WF-04 deemed agreement.</summary>
public sealed class AssignmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 11, 6, 0, 0, TimeSpan.Zero);
    private static readonly Guid Controller = Guid.NewGuid();
    private static readonly Guid Executor = Guid.NewGuid();

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static Assignment New(Deadline? deadline = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1, AssignmentSource.Decision, Guid.NewGuid(), null,
            new AssignmentContent("Представить график", null, "АО «НК «ҚҒС»", Executor, "Иванов И.", null),
            Controller, deadline ?? Deadline.InWorkingDays(Calendars.Kz, D(2026, 12, 11), 5), Controller, Now);

    [Fact]
    public void The_deadline_is_stored_with_the_rule_that_produced_it()
    {
        var assignment = New();

        Assert.Equal(D(2026, 12, 21), assignment.DueOn);
        Assert.Equal("5 working days from 11.12.2026, KZ calendar", assignment.Deadline.RuleText);
        Assert.Equal(assignment.DueOn, assignment.OriginalDueOn);
    }

    [Theory]
    [InlineData(AssignmentState.Open, "2026-12-21", null, false)]
    [InlineData(AssignmentState.Open, "2026-12-22", null, true)]
    [InlineData(AssignmentState.Returned, "2026-12-22", null, true)]
    [InlineData(AssignmentState.ReportSubmitted, "2026-12-30", "2026-12-21", false)]
    [InlineData(AssignmentState.ReportSubmitted, "2026-12-30", "2026-12-22", true)]
    [InlineData(AssignmentState.Accepted, "2027-03-01", null, false)]
    [InlineData(AssignmentState.Cancelled, "2027-03-01", null, false)]
    public void Overdue_is_derived_from_the_state_the_deadline_and_the_day(AssignmentState state, string today, string? reported, bool overdue)
    {
        var parse = (string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(overdue, ExecutionRules.IsOverdue(state, D(2026, 12, 21), parse(today), reported is null ? null : parse(reported)));
    }

    [Fact]
    public void A_report_is_accepted_and_the_assignment_leaves_control()
    {
        var assignment = New();
        var report = assignment.Report(Guid.NewGuid(), "Выполнено", Executor, Now, D(2026, 12, 15));

        assignment.Accept(report, Controller, Now);

        Assert.Equal(AssignmentState.Accepted, assignment.State);
        Assert.Equal(ReportOutcome.Accepted, report.Outcome);
        Assert.True(ExecutionRules.IsDoneOnTime(assignment.State, assignment.DueOn, report.SubmittedOn));
        Assert.Throws<RuleViolationException>(() => assignment.Report(Guid.NewGuid(), "Ещё", Executor, Now, D(2026, 12, 16)));
    }

    [Fact]
    public void A_report_is_returned_only_with_a_reason_and_the_work_is_owed_again()
    {
        var assignment = New();
        var report = assignment.Report(Guid.NewGuid(), "Частично", Executor, Now, D(2026, 12, 15));

        var refusal = Assert.Throws<RuleViolationException>(() => assignment.Return(report, " ", Controller, Now));
        Assert.Equal("WF-02", refusal.RuleId);
        assignment.Return(report, "Нет графика", Controller, Now);

        Assert.Equal(AssignmentState.Returned, assignment.State);
        Assert.Equal("Нет графика", report.ReturnReason);
        Assert.Throws<RuleViolationException>(() => assignment.Accept(report, Controller, Now));
    }

    [Fact]
    public void Nothing_is_reported_on_a_cancelled_assignment()
    {
        var assignment = New();
        assignment.Cancel("Решение № 5 отменило поручение", Now);

        var refusal = Assert.Throws<RuleViolationException>(() => assignment.Report(Guid.NewGuid(), "x", Executor, Now, D(2026, 12, 15)));
        Assert.Equal("Execution.Rule.Cancelled", refusal.Key);
    }

    [Fact]
    public void An_extension_takes_effect_only_when_approved_and_the_original_deadline_stays()
    {
        var assignment = New();
        var extension = assignment.RequestExtension(Guid.NewGuid(), Deadline.OnDate(D(2027, 1, 29)), "Ожидаем заключение", Executor, Now, anotherPending: false);

        Assert.Equal(D(2026, 12, 21), assignment.DueOn);
        assignment.ApproveExtension(extension, Guid.NewGuid(), Now);

        Assert.Equal(D(2027, 1, 29), assignment.DueOn);
        Assert.Equal(D(2026, 12, 21), assignment.OriginalDueOn);
        Assert.Equal(D(2026, 12, 21), extension.PreviousDueOn);
        Assert.Throws<RuleViolationException>(() => assignment.ApproveExtension(extension, Guid.NewGuid(), Now));
    }

    [Fact]
    public void An_extension_must_move_the_deadline_later_and_one_waits_at_a_time()
    {
        var assignment = New();

        Assert.Equal("Execution.Rule.ExtensionNotLater", Assert.Throws<RuleViolationException>(() =>
            assignment.RequestExtension(Guid.NewGuid(), Deadline.OnDate(D(2026, 12, 21)), "r", Executor, Now, false)).Key);
        Assert.Equal("Execution.Rule.ExtensionPending", Assert.Throws<RuleViolationException>(() =>
            assignment.RequestExtension(Guid.NewGuid(), Deadline.OnDate(D(2027, 2, 1)), "r", Executor, Now, true)).Key);
    }

    [Fact]
    public void A_calendar_change_moves_a_deadline_counted_in_working_days_and_not_a_date()
    {
        var counted = New();
        var dated = New(Deadline.OnDate(D(2026, 12, 21)));
        // A decree makes 17 December 2026 a day off in Kazakhstan.
        var changed = new WorkingDayCalendar("KZ", [Calendars.Kz2025, CalendarYear.Create("KZ", 2026, "decree", false,
            [.. Calendars.Kz2026.Days, new CalendarDay(D(2026, 12, 17), CalendarDayKind.DayOff, D(2026, 12, 19))])]);

        Assert.Equal(D(2026, 12, 21), counted.Recount(changed));
        Assert.Equal(D(2026, 12, 22), counted.DueOn);
        Assert.Null(dated.Recount(changed));
        Assert.Equal(D(2026, 12, 21), dated.DueOn);
    }

    [Fact]
    public void A_deadline_in_a_year_without_a_calendar_is_flagged()
    {
        var deadline = Deadline.InWorkingDays(Calendars.Kz, D(2026, 12, 30), 3);

        Assert.Equal([2027], deadline.YearsWithoutCalendar);
        Assert.Contains("calendar for 2027 not entered", deadline.RuleText, StringComparison.Ordinal);
    }

    [Theory]
    // Sent Thursday 10 December 2026 (KZ): the term is two working days, Friday 11 and Monday 14 (the weekend does not count).
    [InlineData("2026-12-14", null, null, ApprovalStanding.Awaiting)]
    [InlineData("2026-12-15", null, null, ApprovalStanding.DeemedAgreed)]
    [InlineData("2026-12-15", ApprovalStanding.AgreedWithRemarks, "2026-12-14", ApprovalStanding.AgreedWithRemarks)]
    [InlineData("2026-12-16", ApprovalStanding.Disagreed, "2026-12-15", ApprovalStanding.DeemedAgreed)]
    public void A_body_that_does_not_answer_within_two_working_days_is_deemed_to_agree(string today, ApprovalStanding? answer, string? answeredOn, ApprovalStanding expected)
    {
        var parse = (string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

        var standing = DeemedAgreement.Standing(Calendars.Kz, D(2026, 12, 10), parse(today), answer, answeredOn is null ? null : parse(answeredOn));

        Assert.Equal(expected, standing);
    }

    [Fact]
    public void The_deemed_agreement_term_counts_holidays_out()
    {
        // Sent Tuesday 15 December 2026 in Kazakhstan: 16 December is Independence Day, so the term ends on Friday 18.
        Assert.Equal(D(2026, 12, 18), DeemedAgreement.TermEnds(Calendars.Kz, D(2026, 12, 15)));
    }
}
