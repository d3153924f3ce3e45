using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;

namespace IntergovCommission.Domain.Tests.Sessions;

public sealed class ProposalDeadlineTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Deadline_is_ten_calendar_days_before_the_start_on_the_sessions_wall_clock_KZRU_12()
    {
        // 20 March 2026 10:00 in Astana (UTC+5) = 05:00 UTC; the deadline is 10 March 10:00 Astana = 05:00 UTC.
        var start = new DateTimeOffset(2026, 3, 20, 10, 0, 0, TimeSpan.FromHours(5));
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 5, 0, 0, TimeSpan.Zero), ProposalDeadline.For(start, "Asia/Almaty", Profiles.Kzru.Agenda.ProposalDeadlineDays));
    }

    [Theory]
    [InlineData(0, false)]   // exactly at the deadline: on time
    [InlineData(-1, false)]  // a minute before: on time
    [InlineData(1, true)]    // a minute after: late
    public void Arrival_at_the_deadline_is_on_time_and_one_minute_later_is_late_KZRU_12(int minutesFromDeadline, bool late)
    {
        var start = new DateTimeOffset(2026, 3, 20, 10, 0, 0, TimeSpan.FromHours(5));
        var deadline = ProposalDeadline.For(start, "Asia/Almaty", 10);
        Assert.Equal(late, ProposalDeadline.IsLate(deadline.AddMinutes(minutesFromDeadline), deadline));
    }

    [Fact]
    public void Arrival_stamped_in_utc_is_compared_as_an_instant_across_zones_KZRU_12()
    {
        // Session set in Moscow (UTC+3): 20 March 2026 10:00 MSK; deadline 10 March 10:00 MSK = 07:00 UTC.
        var start = new DateTimeOffset(2026, 3, 20, 10, 0, 0, TimeSpan.FromHours(3));
        var deadline = ProposalDeadline.For(start, "Europe/Moscow", 10);
        // A Kazakh member sends at 11:30 Astana time = 06:30 UTC: on time although later on the Astana clock.
        var fromAstana = new DateTimeOffset(2026, 3, 10, 11, 30, 0, TimeSpan.FromHours(5));
        Assert.False(ProposalDeadline.IsLate(fromAstana.ToUniversalTime(), deadline));
        // 12:01 Astana = 07:01 UTC: late.
        var late = new DateTimeOffset(2026, 3, 10, 12, 1, 0, TimeSpan.FromHours(5));
        Assert.True(ProposalDeadline.IsLate(late.ToUniversalTime(), deadline));
    }

    [Fact]
    public void Deadline_keeps_the_wall_clock_time_across_a_daylight_saving_change()
    {
        // Berlin moves to summer time on 29 March 2026; a session on 3 April 10:00 CEST (UTC+2)
        // has its deadline on 24 March 10:00 CET (UTC+1) = 09:00 UTC, not 08:00.
        var start = new DateTimeOffset(2026, 4, 3, 10, 0, 0, TimeSpan.FromHours(2));
        Assert.Equal(new DateTimeOffset(2026, 3, 24, 9, 0, 0, TimeSpan.Zero), ProposalDeadline.For(start, "Europe/Berlin", 10));
    }

    [Fact]
    public void Proposal_received_after_the_deadline_is_flagged_late_KZRU_12()
    {
        var session = SessionTests.NewSession(Now, Now.AddDays(20));
        var deadline = session.ProposalDeadline(10);
        var onTime = new AgendaProposal(Guid.NewGuid(), session, Guid.NewGuid(), Guid.NewGuid(), LocalizedText.Of(null, "Вопрос"), LocalizedText.Empty, LocalizedText.Empty, deadline, 10);
        var late = new AgendaProposal(Guid.NewGuid(), session, Guid.NewGuid(), Guid.NewGuid(), LocalizedText.Of(null, "Вопрос"), LocalizedText.Empty, LocalizedText.Empty, deadline.AddMinutes(1), 10);
        Assert.False(onTime.IsLate);
        Assert.True(late.IsLate);
        Assert.Equal(deadline, late.DeadlineAt);
    }
}
