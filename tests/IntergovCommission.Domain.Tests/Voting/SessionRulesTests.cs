using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Voting;

namespace IntergovCommission.Domain.Tests.Voting;

public sealed class SessionRulesTests
{
    private static readonly Guid Kz = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Ru = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    /// <summary>27 voting people (co-chair, deputy, secretary and members per side) plus one representative.</summary>
    private static List<AttendanceEntry> Register(int presentVoters, AttendanceMode presentMode = AttendanceMode.InPerson)
    {
        var list = new List<AttendanceEntry>();
        var roles = new List<(Guid Side, CommissionRole Role)>
        {
            (Kz, CommissionRole.CoChair), (Ru, CommissionRole.CoChair),
            (Kz, CommissionRole.DeputyCoChair), (Ru, CommissionRole.DeputyCoChair),
            (Kz, CommissionRole.Secretary), (Ru, CommissionRole.Secretary),
        };
        for (var i = 0; i < 21; i++)
        {
            roles.Add((i % 2 == 0 ? Kz : Ru, CommissionRole.Member));
        }

        for (var i = 0; i < roles.Count; i++)
        {
            list.Add(new AttendanceEntry(Guid.NewGuid(), Guid.NewGuid(), roles[i].Side, roles[i].Role, i < presentVoters ? presentMode : AttendanceMode.Absent));
        }

        return list;
    }

    [Theory]
    [InlineData(18, AttendanceMode.InPerson, true)]
    [InlineData(18, AttendanceMode.Video, true)]
    [InlineData(17, AttendanceMode.InPerson, false)]
    [InlineData(27, AttendanceMode.InPerson, true)]
    [InlineData(0, AttendanceMode.InPerson, false)]
    public void Quorum_needs_two_thirds_present_in_person_or_by_video_KZRU_16(int present, AttendanceMode mode, bool met)
    {
        var quorum = SessionRules.Quorum(Profiles.Kzru, Register(present, mode));
        Assert.Equal(met, quorum.IsMet);
        Assert.Equal(27, quorum.Total);
        Assert.Equal(18, quorum.Required);
    }

    [Fact]
    public void Representatives_do_not_count_towards_quorum_KZRU_15()
    {
        var register = Register(17);
        // The absent 18th member sends a representative: the member is "represented", the representative attends.
        register[17] = register[17] with { Mode = AttendanceMode.Represented };
        register.Add(new AttendanceEntry(Guid.NewGuid(), Guid.NewGuid(), Kz, CommissionRole.Representative, AttendanceMode.InPerson));
        var quorum = SessionRules.Quorum(Profiles.Kzru, register);
        Assert.False(quorum.IsMet);
        Assert.Equal(17, quorum.Present);
        Assert.Equal(27, quorum.Total);
    }

    [Fact]
    public void Co_chairs_preside_when_both_are_present_KZRU_10()
    {
        var register = Register(27);
        var presiding = SessionRules.Presiding(Profiles.Kzru, register);
        Assert.Equal(2, presiding.Count);
        Assert.All(presiding, p => Assert.Equal(CommissionRole.CoChair, p.Role));
    }

    [Fact]
    public void The_deputy_of_the_absent_co_chairs_side_presides_KZRU_10()
    {
        var register = Register(27);
        var kzChair = register.Single(e => e.SideId == Kz && e.Role == CommissionRole.CoChair);
        register[register.IndexOf(kzChair)] = kzChair with { Mode = AttendanceMode.Absent };
        var presiding = SessionRules.Presiding(Profiles.Kzru, register);
        var kz = presiding.Single(p => p.SideId == Kz);
        Assert.Equal(CommissionRole.DeputyCoChair, kz.Role);
        Assert.Equal(CommissionRole.CoChair, presiding.Single(p => p.SideId == Ru).Role);
    }

    [Fact]
    public void Vote_is_refused_to_open_when_quorum_is_missing_KZRU_16()
    {
        var register = Register(17);
        var chair = register.First(e => e.Role == CommissionRole.CoChair);
        var ex = Assert.Throws<RuleViolationException>(() => SessionRules.RequireCanOpenVote(Profiles.Kzru, register, chair.MembershipId));
        Assert.Equal("KZRU-16", ex.RuleId);
        Assert.Contains("17 of 27", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Vote_is_refused_to_open_by_a_member_who_does_not_preside_KZRU_10()
    {
        var register = Register(27);
        var member = register.First(e => e.Role == CommissionRole.Member);
        var ex = Assert.Throws<RuleViolationException>(() => SessionRules.RequireCanOpenVote(Profiles.Kzru, register, member.MembershipId));
        Assert.Equal("KZRU-10", ex.RuleId);
    }

    [Fact]
    public void Presiding_co_chair_opens_a_vote_with_quorum()
    {
        var register = Register(18);
        var chair = register.First(e => e.Role == CommissionRole.CoChair);
        SessionRules.RequireCanOpenVote(Profiles.Kzru, register, chair.MembershipId);
    }

    [Fact]
    public void Representative_may_not_vote_KZRU_15()
    {
        var representative = new AttendanceEntry(Guid.NewGuid(), Guid.NewGuid(), Kz, CommissionRole.Representative, AttendanceMode.InPerson);
        var ex = Assert.Throws<RuleViolationException>(() => SessionRules.RequireCanVote(Profiles.Kzru, representative));
        Assert.Equal("KZRU-15", ex.RuleId);
    }

    [Fact]
    public void Absent_member_may_not_vote_KZRU_17()
    {
        var absent = new AttendanceEntry(Guid.NewGuid(), Guid.NewGuid(), Kz, CommissionRole.Member, AttendanceMode.Absent);
        var ex = Assert.Throws<RuleViolationException>(() => SessionRules.RequireCanVote(Profiles.Kzru, absent));
        Assert.Equal("KZRU-17", ex.RuleId);
    }

    [Theory]
    [InlineData(AttendanceMode.InPerson)]
    [InlineData(AttendanceMode.Video)]
    public void Member_present_in_the_room_or_by_video_may_vote_KZRU_17(AttendanceMode mode) =>
        SessionRules.RequireCanVote(Profiles.Kzru, new AttendanceEntry(Guid.NewGuid(), Guid.NewGuid(), Ru, CommissionRole.Member, mode));
}
