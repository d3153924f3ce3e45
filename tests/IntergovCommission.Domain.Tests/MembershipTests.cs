using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;

namespace IntergovCommission.Domain.Tests;

/// <summary>KZRU-02: a membership is history once ended; it is kept, never edited or ended again.</summary>
public sealed class MembershipTests
{
    private static readonly DateOnly Start = new(2026, 2, 10);

    [Fact]
    public void End_keeps_the_membership_with_the_date_and_the_reason()
    {
        var membership = NewMembership();

        membership.End(Start.AddDays(30), "  Освобождён от должности  ");

        Assert.True(membership.IsEnded);
        Assert.Equal(Start.AddDays(30), membership.EndedOn);
        Assert.Equal("Освобождён от должности", membership.EndReason);
        // Everything the appointment said is still there.
        Assert.Equal(CommissionRole.Member, membership.Role);
        Assert.Equal("Эксперт", membership.Position.Ru);
        Assert.Equal("№ 95", membership.AppointingActNumber);
        Assert.Equal(Start, membership.TermStart);
        Assert.False(membership.IsActiveOn(Start.AddDays(10)));
        Assert.False(membership.IsActiveOn(Start.AddDays(31)));
    }

    [Fact]
    public void Ending_on_the_first_day_of_the_term_is_allowed()
    {
        var membership = NewMembership();
        membership.End(Start, "Ошибочное назначение");
        Assert.Equal(Start, membership.EndedOn);
    }

    [Fact]
    public void Ending_twice_is_refused_and_the_first_end_stays()
    {
        var membership = NewMembership();
        membership.End(Start.AddDays(30), "Первое основание");

        var ex = Assert.Throws<RuleViolationException>(() => membership.End(Start.AddDays(40), "Второе основание"));

        Assert.Equal("KZRU-02", ex.RuleId);
        Assert.Equal("Rule.Membership.AlreadyEnded", ex.Key);
        Assert.Equal(Start.AddDays(30), membership.EndedOn);
        Assert.Equal("Первое основание", membership.EndReason);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-400)]
    public void Ending_before_the_term_starts_is_refused(int days)
    {
        var membership = NewMembership();

        var ex = Assert.Throws<RuleViolationException>(() => membership.End(Start.AddDays(days), "Основание"));

        Assert.Equal("KZRU-02", ex.RuleId);
        Assert.Equal("Rule.Membership.EndBeforeStart", ex.Key);
        Assert.False(membership.IsEnded);
        Assert.Null(membership.EndReason);
    }

    [Fact]
    public void Editing_an_ended_membership_is_refused_and_changes_nothing()
    {
        var membership = NewMembership();
        membership.End(Start.AddDays(30), "Основание");
        var sideBefore = membership.SideId;

        var ex = Assert.Throws<RuleViolationException>(() => membership.Change(CommissionRole.CoChair, Guid.NewGuid(), Details() with { Position = LocalizedText.Of(null, "Председатель") }));

        Assert.Equal("KZRU-02", ex.RuleId);
        Assert.Equal("Rule.Membership.EndedIsHistory", ex.Key);
        Assert.Equal(CommissionRole.Member, membership.Role);
        Assert.Equal(sideBefore, membership.SideId);
        Assert.Equal("Эксперт", membership.Position.Ru);
    }

    [Fact]
    public void Change_on_an_active_membership_replaces_the_appointment()
    {
        var membership = NewMembership();
        var otherSide = Guid.NewGuid();

        membership.Change(CommissionRole.DeputyCoChair, otherSide, Details() with { AppointingActNumber = "№ 100", TermEnd = Start.AddYears(2) });

        Assert.Equal(CommissionRole.DeputyCoChair, membership.Role);
        Assert.Equal(otherSide, membership.SideId);
        Assert.Equal("№ 100", membership.AppointingActNumber);
        Assert.Equal(Start.AddYears(2), membership.TermEnd);
        Assert.False(membership.IsEnded);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(365, true)]
    [InlineData(366, false)]
    public void Active_on_a_day_within_the_term(int day, bool active)
    {
        var membership = new Membership(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), CommissionRole.Member,
            Details() with { TermEnd = Start.AddDays(365) });
        Assert.Equal(active, membership.IsActiveOn(Start.AddDays(day)));
    }

    private static Membership NewMembership() =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), CommissionRole.Member, Details());

    private static MembershipDetails Details() => new(
        LocalizedText.Of("Сарапшы", "Эксперт", "Expert"),
        LocalizedText.Of(null, "Аэрокосмический комитет"),
        LocalizedText.Of(null, "Правительство Республики Казахстан"),
        "№ 95", Start, Start, null);
}
