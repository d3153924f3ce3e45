using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;

namespace IntergovCommission.Domain.Tests.Regulation;

/// <summary>
/// Issue 12: how each role takes part is data of the profile's role definition, with the rule that says so
/// (KZRU-14/15, CIS-01/02/07), and one pure function the code asks. CIS-04: the next session is due a year after
/// the last held one, where the profile says so.
/// </summary>
public sealed class ParticipationTests
{
    [Theory]
    // role, profile, votes, signs, named items only, may be represented, rule
    [InlineData(CommissionRole.Member, "KZRU", true, true, false, true, "KZRU-17")]
    [InlineData(CommissionRole.Secretary, "KZRU", true, true, false, true, "KZRU-17")]
    [InlineData(CommissionRole.Representative, "KZRU", false, false, false, false, "KZRU-15")]
    [InlineData(CommissionRole.Invitee, "KZRU", false, false, true, false, "KZRU-14")]
    [InlineData(CommissionRole.Member, "CIS", true, true, false, true, "CIS-01")]
    [InlineData(CommissionRole.Substitute, "CIS", true, true, false, false, "CIS-01")]
    [InlineData(CommissionRole.AdvisoryMember, "CIS", false, false, false, false, "CIS-02")]
    [InlineData(CommissionRole.Observer, "CIS", false, false, false, false, "CIS-07")]
    [InlineData(CommissionRole.Expert, "CIS", false, false, false, false, "CIS-07")]
    [InlineData(CommissionRole.Invitee, "CIS", false, false, true, false, "CIS-07")]
    [InlineData(CommissionRole.Chair, "CIS", false, true, false, false, "CIS-09")]
    public void Each_role_takes_part_as_its_profile_says_with_the_rule_that_says_so(CommissionRole role, string code, bool votes, bool signs, bool namedItemsOnly, bool mayBeRepresented, string rule)
    {
        var profile = Profiles.ByCode(code)!;
        var takes = profile.ParticipationOf(role);
        Assert.Equal((votes, signs, namedItemsOnly, mayBeRepresented, rule), (profile.Votes(role), profile.Signs(role), profile.SeesOnlyNamedItems(role), profile.MayBeRepresented(role), takes.Rule.Id));
        Assert.Equal(!namedItemsOnly, profile.SeatedRoles().Contains(role));
    }

    [Fact]
    public void A_role_the_profile_does_not_declare_takes_no_part()
    {
        // The KZRU profile has no observers: such a membership neither votes nor sits on the commission.
        var takes = Profiles.Kzru.ParticipationOf(CommissionRole.Observer);
        Assert.False(takes.Votes || takes.Signs || takes.SitsOnBody);
        Assert.Equal(Profiles.Kzru.Composition.Rule, takes.Rule);
    }

    [Theory]
    [InlineData("KZRU", CommissionRole.Representative, "KZRU-15", "Rule.Voting.Representative")]
    [InlineData("CIS", CommissionRole.AdvisoryMember, "CIS-02", "Rule.Voting.NoVote")]
    [InlineData("CIS", CommissionRole.Observer, "CIS-07", "Rule.Voting.NoVote")]
    public void A_participant_without_a_vote_is_refused_by_the_rule_of_its_participation(string code, CommissionRole role, string rule, string key)
    {
        var entry = new AttendanceEntry(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), role, AttendanceMode.InPerson);
        var ex = Assert.Throws<RuleViolationException>(() => SessionRules.RequireCanVote(Profiles.ByCode(code)!, entry));
        Assert.Equal((rule, key), (ex.RuleId, ex.Key));
    }

    [Fact]
    public void The_invited_role_and_its_rule_come_from_the_profile()
    {
        Assert.Equal((CommissionRole.Invitee, "KZRU-14"), (Profiles.Kzru.InvitedRole(), Profiles.Kzru.InvitationRule().Id));
        Assert.Equal((CommissionRole.Invitee, "CIS-07"), (Profiles.Cis.InvitedRole(), Profiles.Cis.InvitationRule().Id));
        Assert.Equal(("KZRU-09", "KZRU-13"), (Profiles.Kzru.RuleOnSessions().Id, Profiles.Kzru.RuleOnMaterials().Id));
        Assert.Equal(("CIS-04", "CIS-10"), (Profiles.Cis.RuleOnSessions().Id, Profiles.Cis.RuleOnMaterials().Id));
    }

    [Fact]
    public void The_role_order_is_the_profile_list_order()
    {
        var kzru = new[] { CommissionRole.Member, CommissionRole.Representative, CommissionRole.Secretary, CommissionRole.CoChair, CommissionRole.DeputyCoChair };
        Assert.Equal([CommissionRole.CoChair, CommissionRole.DeputyCoChair, CommissionRole.Secretary, CommissionRole.Member, CommissionRole.Representative],
            kzru.OrderBy(Profiles.Kzru.RoleOrder));
        Assert.True(Profiles.Cis.RoleOrder(CommissionRole.Chair) < Profiles.Cis.RoleOrder(CommissionRole.Member));
    }

    [Fact]
    public void A_profile_whose_participation_disagrees_with_its_voting_roles_is_not_loaded()
    {
        var roles = Profiles.Kzru.Roles.Select(r => r.Role == CommissionRole.Representative ? r with { Participation = r.Participation! with { Votes = true } } : r).ToList();
        Assert.Contains(ProfileSchema.Problems(Profiles.Kzru with { Roles = roles }), p => p.Contains("Representative", StringComparison.Ordinal));
        var missing = Profiles.Cis.Roles.Select(r => r.Role == CommissionRole.Observer ? r with { Participation = null } : r).ToList();
        Assert.Contains(ProfileSchema.Problems(Profiles.Cis with { Roles = missing }), p => p.Contains("Observer", StringComparison.Ordinal));
    }

    [Theory]
    // last held, scheduled after it, today's answer: due by (null: nothing missing)
    [InlineData("2026-03-10", new string[0], "2027-03-10")]
    [InlineData("2026-03-10", new[] { "2027-03-10" }, null)]
    [InlineData("2026-03-10", new[] { "2027-03-11" }, "2027-03-10")]
    [InlineData("2026-03-10", new[] { "2026-09-01", "2027-06-01" }, null)]
    public void CIS_04_the_next_session_is_due_within_a_year_of_the_last_held(string lastHeld, string[] scheduled, string? dueBy)
    {
        var due = SessionFrequency.MissingBy(Profiles.Cis, DateOnly.Parse(lastHeld, System.Globalization.CultureInfo.InvariantCulture),
            scheduled.Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(dueBy is null ? null : DateOnly.Parse(dueBy, System.Globalization.CultureInfo.InvariantCulture), due);
    }

    [Fact]
    public void KZRU_sets_no_session_frequency_so_nothing_is_ever_due()
    {
        Assert.Null(SessionFrequency.MissingBy(Profiles.Kzru, new DateOnly(2020, 1, 1), []));
        Assert.Null(SessionFrequency.MissingBy(Profiles.Cis, null, []));
    }
}
