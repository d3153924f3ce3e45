using IntergovCommission.Domain.Approvals;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Execution;

namespace IntergovCommission.Domain.Tests.Execution;

/// <summary>WF-04 on a circulated draft: the stored term (holidays counted out) and the answers it admits.</summary>
public sealed class CirculationTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static Circulation SentOn(DateOnly sentOn) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1, "Проект поручений", null, null, DeemedAgreement.Term(Calendars.Kz, sentOn), Guid.NewGuid(), DateTimeOffset.UnixEpoch);

    [Fact]
    public void The_term_over_Nauryz_ends_on_the_second_working_day_after_it()
    {
        // Friday 20 March 2026, Kazakhstan: 23-25 March are days off (Nauryz), so the term is Thursday 26 and Friday 27 March.
        var circulation = SentOn(D(2026, 3, 20));

        Assert.Equal(D(2026, 3, 27), circulation.DueOn);
        Assert.Equal(D(2026, 3, 20), circulation.SentOn);
    }

    [Theory]
    [InlineData("2026-03-27", ApprovalStanding.Awaiting)]
    [InlineData("2026-03-30", ApprovalStanding.DeemedAgreed)]
    public void A_body_without_an_answer_is_awaited_until_the_term_ends_and_then_deemed_to_agree(string today, ApprovalStanding expected) =>
        Assert.Equal(expected, DeemedAgreement.Standing(D(2026, 3, 27), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), null, null));

    [Fact]
    public void An_answer_after_the_term_is_refused_and_the_body_stays_deemed_to_agree()
    {
        var circulation = SentOn(D(2026, 3, 20));
        var body = circulation.AddBody(Guid.NewGuid(), "Министерство финансов");

        var refusal = Assert.Throws<RuleViolationException>(() => body.RecordAnswer(ApprovalStanding.Disagreed, "Возражаем", D(2026, 3, 30), circulation.SentOn, circulation.DueOn, Guid.NewGuid(), DateTimeOffset.UnixEpoch));

        Assert.Equal(("WF-04", "Circulation.Rule.Late"), (refusal.RuleId, refusal.Key));
        Assert.Null(body.Answer);
    }

    [Fact]
    public void An_answer_in_time_is_recorded_once()
    {
        var circulation = SentOn(D(2026, 3, 20));
        var body = circulation.AddBody(Guid.NewGuid(), "Министерство финансов");

        body.RecordAnswer(ApprovalStanding.AgreedWithRemarks, "Уточнить срок", D(2026, 3, 27), circulation.SentOn, circulation.DueOn, Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        var again = Assert.Throws<RuleViolationException>(() => body.RecordAnswer(ApprovalStanding.Agreed, null, D(2026, 3, 27), circulation.SentOn, circulation.DueOn, Guid.NewGuid(), DateTimeOffset.UnixEpoch));

        Assert.Equal(ApprovalStanding.AgreedWithRemarks, DeemedAgreement.Standing(circulation.DueOn, D(2026, 4, 10), body.Answer, body.ReceivedOn));
        Assert.Equal("Circulation.Rule.Answered", again.Key);
    }
}
