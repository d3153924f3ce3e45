using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;

namespace IntergovCommission.Domain.Tests.Regulation;

/// <summary>
/// The same scenarios against both shipped profiles (KZRU, seed 000; CIS, seed 002): every different
/// outcome comes from the profile, not from code that knows which body it serves.
/// </summary>
public sealed class TwoProfilesTests
{
    private static readonly Guid A = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001");
    private static readonly Guid B = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000002");
    private static readonly Guid[] SevenStates = Enumerable.Range(1, 7).Select(i => Guid.Parse($"bbbbbbbb-0000-0000-0000-00000000000{i}")).ToArray();

    private static RegulationProfile P(string code) => Profiles.ByCode(code)!;

    private static int _n;

    private static AttendanceEntry E(Guid? side, CommissionRole role, bool present = true, bool credentials = false) =>
        new(Guid.Parse($"cccccccc-0000-0000-0000-{Interlocked.Increment(ref _n):000000000000}"), Guid.NewGuid(), side, role, present ? AttendanceMode.InPerson : AttendanceMode.Absent) { CredentialsConfirmed = credentials };

    /// <summary>KZRU: two sides of 3 members each; CIS: seven states, one head each.</summary>
    private static List<AttendanceEntry> Body(string code, int present)
    {
        var list = new List<AttendanceEntry>();
        if (code == "KZRU")
        {
            for (var i = 0; i < 6; i++)
            {
                list.Add(E(i < 3 ? A : B, CommissionRole.Member, i < present));
            }
        }
        else
        {
            for (var i = 0; i < 7; i++)
            {
                list.Add(E(SevenStates[i], CommissionRole.Member, i < present));
            }
        }

        return list;
    }

    [Theory]
    [InlineData("KZRU", 4, true)]   // KZRU-16: 2/3 of 6 members = 4
    [InlineData("KZRU", 3, false)]
    [InlineData("CIS", 5, true)]    // CIS-05: 2/3 of 7 states = 5 (4.67 rounded up)
    [InlineData("CIS", 4, false)]
    public void Quorum_boundaries(string code, int present, bool met)
    {
        var quorum = SessionRules.Quorum(P(code), Body(code, present));
        Assert.Equal(met, quorum.IsMet);
        Assert.Equal(P(code).Quorum.Rule.Id, quorum.Rule.Id);
    }

    [Fact]
    public void A_states_two_delegates_present_count_once_for_quorum_and_one_may_vote_CIS_01()
    {
        var cis = P("CIS");
        var register = Body("CIS", 4);
        var substitute = E(SevenStates[0], CommissionRole.Substitute, present: true, credentials: true);
        register.Add(substitute);
        Assert.Equal(4, SessionRules.Quorum(cis, register).Present);
        Assert.Equal(4, SessionRules.VotersPresent(cis, register));
        // The head of that state is present, so the substitute does not cast the state's vote.
        var ex = Assert.Throws<Common.RuleViolationException>(() => SessionRules.RequireCanVote(cis, substitute, register));
        Assert.Equal("CIS-01", ex.RuleId);
    }

    [Fact]
    public void A_substitute_votes_for_an_absent_head_only_with_confirmed_credentials_CIS_01()
    {
        var cis = P("CIS");
        var register = Body("CIS", 4);
        var unconfirmed = E(SevenStates[6], CommissionRole.Substitute, present: true, credentials: false);
        register.Add(unconfirmed);
        Assert.Equal("CIS-01", Assert.Throws<Common.RuleViolationException>(() => SessionRules.RequireCanVote(cis, unconfirmed, register)).RuleId);
        Assert.Equal(4, SessionRules.Quorum(cis, register).Present);

        register[^1] = unconfirmed with { CredentialsConfirmed = true };
        SessionRules.RequireCanVote(cis, register[^1], register);
        Assert.Equal(5, SessionRules.Quorum(cis, register).Present);
    }

    [Theory]
    [InlineData("KZRU", 2, false)] // members vote each: two votes of one side count twice
    [InlineData("CIS", 1, true)]   // one vote per state: the delegation's latest vote counts once
    public void Several_delegates_of_one_side_voting(string code, int countedFor, bool perState)
    {
        var profile = P(code);
        var side = code == "KZRU" ? A : SevenStates[0];
        var first = E(side, CommissionRole.Member);
        var second = E(side, code == "KZRU" ? CommissionRole.Member : CommissionRole.Substitute, credentials: true);
        var ballot = new Ballot(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1, 1, "kk", "ru", first.MembershipId, DateTimeOffset.UnixEpoch);
        ballot.Cast(Guid.NewGuid(), first.MembershipId, VoteChoice.For, DateTimeOffset.UnixEpoch.AddSeconds(1), null);
        ballot.Cast(Guid.NewGuid(), second.MembershipId, VoteChoice.For, DateTimeOffset.UnixEpoch.AddSeconds(2), null);
        var sides = new Dictionary<Guid, Guid?> { [first.MembershipId] = side, [second.MembershipId] = side };
        var counted = ballot.CountedVotes(profile.Voting, id => sides[id]);
        Assert.Equal(countedFor, counted.Count);
        Assert.Equal(perState, profile.Voting.Unit == VoteUnit.State);
    }

    [Theory]
    [InlineData("KZRU", 6)] // no such rule: the base stays
    [InlineData("CIS", 5)]  // CIS-08: a state that declared no interest leaves the majority base
    public void No_interest_declaration_and_the_majority_base(string code, int expectedBase)
    {
        var profile = P(code);
        var register = Body(code, code == "KZRU" ? 6 : 6);
        var declared = code == "KZRU" ? A : SevenStates[0];
        Assert.Equal(expectedBase, SessionRules.MajorityBase(profile, register, [declared]));
    }

    [Theory]
    [InlineData("KZRU", 0)]
    [InlineData("CIS", 1)]
    public void An_item_affecting_an_absent_state_CIS_11(string code, int absentAffected)
    {
        var profile = P(code);
        var register = Body(code, code == "KZRU" ? 6 : 6); // CIS: the seventh state is absent
        var affected = code == "KZRU" ? B : SevenStates[6];
        if (code == "KZRU")
        {
            register = register.Select(e => e.SideId == B ? e with { Mode = AttendanceMode.Absent } : e).ToList();
        }

        Assert.Equal(absentAffected, SessionRules.AbsentAffectedStates(profile, register, [affected]).Count);
    }

    [Theory]
    [InlineData("KZRU")]
    [InlineData("CIS")]
    public void A_tie_is_not_adopted_unless_the_profile_gives_the_presiding_person_the_casting_vote(string code)
    {
        var rule = P(code).Voting;
        var tie = new VoteCount(2, 2, 0);
        Assert.False(MajorityCalculator.Evaluate(rule, tie, 4, presidingVotedFor: true).Adopted);
        var casting = rule with { Tie = TieOutcome.PresidingDecides, MajorityBase = MajorityBase.VotesCast };
        Assert.True(MajorityCalculator.Evaluate(casting, tie, 4, presidingVotedFor: true).Adopted);
        Assert.False(MajorityCalculator.Evaluate(casting, tie, 4, presidingVotedFor: false).Adopted);
    }

    [Fact]
    public void Who_presides_when_the_chair_or_a_co_chair_is_absent()
    {
        // KZRU-10: each side's co-chair; an absent co-chair's deputy of the same side stands in.
        var kzru = P("KZRU");
        var kzChair = E(A, CommissionRole.CoChair, present: false);
        var kzDeputy = E(A, CommissionRole.DeputyCoChair);
        var ruChair = E(B, CommissionRole.CoChair);
        var presidingKzru = SessionRules.Presiding(kzru, [kzChair, kzDeputy, ruChair]);
        Assert.Equal(new HashSet<Guid> { kzDeputy.MembershipId, ruChair.MembershipId }, presidingKzru.Select(p => p.MembershipId).ToHashSet());

        // CIS-03: one chair (the head of the chairing state); absent, a co-chair (previous or next chair) presides.
        var cis = P("CIS");
        var register = Body("CIS", 7);
        var office = new ChairOffice(SevenStates[2], [SevenStates[1], SevenStates[3]]);
        Assert.Equal(register[2].MembershipId, Assert.Single(SessionRules.Presiding(cis, register, office)).MembershipId);
        register[2] = register[2] with { Mode = AttendanceMode.Absent };
        Assert.Equal(register[1].MembershipId, Assert.Single(SessionRules.Presiding(cis, register, office)).MembershipId);
        register[1] = register[1] with { Mode = AttendanceMode.Absent };
        Assert.Equal(register[3].MembershipId, Assert.Single(SessionRules.Presiding(cis, register, office)).MembershipId);
    }

    [Fact]
    public void Signing_routes_the_secretaries_and_co_chairs_or_the_chair_alone()
    {
        var kzru = P("KZRU");
        var kzRoster = new List<AttendanceEntry> { E(A, CommissionRole.CoChair), E(B, CommissionRole.CoChair), E(A, CommissionRole.Secretary), E(B, CommissionRole.Secretary), E(A, CommissionRole.Member) };
        var kzPlan = SigningRules.Plan(kzru, DecisionKind.Other, kzRoster, kzRoster);
        Assert.Equal(SigningRoute.Short, kzPlan.Route);
        Assert.Equal(2, kzPlan.Required.Count(r => r.Kind == SignatureKind.Sign));
        Assert.Equal(2, kzPlan.Required.Count(r => r.Kind == SignatureKind.Approve));

        var cis = P("CIS");
        var register = Body("CIS", 7);
        register.Add(E(SevenStates[2], CommissionRole.Secretary));
        var office = new ChairOffice(SevenStates[2], [SevenStates[1], SevenStates[3]]);
        var plan = SigningRules.Plan(cis, DecisionKind.Other, register, register, office);
        Assert.Equal(SigningRoute.ChairAlone, plan.Route);
        Assert.Equal("CIS-09", plan.Rule.Id);
        var only = Assert.Single(plan.Required);
        Assert.Equal(register[2].MembershipId, only.MembershipId);
        Assert.Equal(SignatureKind.Sign, only.Kind);
    }

    [Theory]
    [InlineData("KZRU", CommissionRole.CoChair, true)]
    [InlineData("KZRU", CommissionRole.DeputyCoChair, true)]
    [InlineData("KZRU", CommissionRole.Secretary, false)]
    [InlineData("KZRU", CommissionRole.Member, false)]
    [InlineData("CIS", CommissionRole.Chair, true)]
    [InlineData("CIS", CommissionRole.CoChair, true)]
    [InlineData("CIS", CommissionRole.Member, false)]
    [InlineData("CIS", CommissionRole.Secretary, false)]
    [InlineData("CIS", CommissionRole.AdvisoryMember, false)]
    public void Who_may_open_a_vote(string code, CommissionRole role, bool may) =>
        Assert.Equal(may, P(code).Permits(ActingSeat.Of(Guid.NewGuid(), A, role), Capability.ConductVote));

    [Theory]
    [InlineData("KZRU", true)]  // KZRU-07: a side's secretary keeps its own side's register only
    [InlineData("CIS", false)]  // the council's secretariat keeps the whole register
    public void Keeping_the_register_is_per_side_or_for_the_whole_body(string code, bool ownSideOnly)
    {
        var seat = ActingSeat.Of(Guid.NewGuid(), A, CommissionRole.Secretary);
        Assert.True(P(code).Permits(seat, Capability.KeepRegister, A));
        Assert.Equal(!ownSideOnly, P(code).Permits(seat, Capability.KeepRegister, B));
    }

    [Theory]
    [InlineData(CommissionRole.AdvisoryMember)]
    [InlineData(CommissionRole.Observer)]
    [InlineData(CommissionRole.Expert)]
    public void Participants_without_a_vote_are_never_counted_and_never_vote_CIS_02_CIS_07(CommissionRole role)
    {
        var cis = P("CIS");
        var register = Body("CIS", 4);
        var guest = E(null, role);
        register.Add(guest);
        Assert.Equal(7, SessionRules.Quorum(cis, register).Total);
        Assert.Equal(4, SessionRules.VotersPresent(cis, register));
        Assert.Throws<Common.RuleViolationException>(() => SessionRules.RequireCanVote(cis, guest, register));
    }

    [Theory]
    [InlineData("KZRU", 10)]
    [InlineData("CIS", 30)]
    public void The_proposal_deadline_is_the_end_of_day_D_minus_N_in_the_sessions_zone(string code, int days)
    {
        var profile = P(code);
        Assert.Equal(days, profile.Agenda.ProposalDeadlineDays);
        var start = new DateTimeOffset(2026, 12, 20, 10, 0, 0, TimeSpan.FromHours(5)); // 10:00 in Astana
        var deadline = ProposalDeadline.For(start, "Asia/Almaty", days, profile.Agenda.Counting);
        var local = TimeZoneInfo.ConvertTime(deadline, TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty"));
        Assert.Equal(new DateTime(2026, 12, 20).AddDays(-days).Date, local.Date);
        Assert.Equal(new TimeSpan(23, 59, 59), new TimeSpan(local.Hour, local.Minute, local.Second));
        Assert.False(ProposalDeadline.IsLate(deadline, deadline));
        Assert.True(ProposalDeadline.IsLate(deadline.AddTicks(1), deadline));
    }

    [Fact]
    public void Both_shipped_profiles_are_valid_documents()
    {
        foreach (var profile in Profiles.All)
        {
            Assert.Empty(ProfileSchema.Problems(profile));
        }

        var broken = P("CIS") with { Voting = P("CIS").Voting with { HeadRole = null } };
        Assert.NotEmpty(ProfileSchema.Problems(broken));
    }

    [Fact]
    public void The_chair_rotates_in_Russian_alphabetical_order_and_otherwise_only_by_decision_CIS_03()
    {
        var names = new[] { "Узбекистан", "Армения", "Казахстан", "Беларусь", "Кыргызстан", "Россия", "Таджикистан" };
        var states = names.Select((n, i) => (SevenStates[i], n)).ToList();
        var order = ChairRotation.Order(states);
        Assert.Equal(["Армения", "Беларусь", "Казахстан", "Кыргызстан", "Россия", "Таджикистан", "Узбекистан"],
            order.Select(id => states.Single(s => s.Item1 == id).n).ToArray());

        var rule = P("CIS").Presiding;
        var kz = order[2];
        var terms = new List<ChairTerm> { new(order[1], new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), new(kz, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)) };
        var office = ChairRotation.OfficeOn(terms, order, new DateOnly(2026, 6, 1))!;
        Assert.Equal(kz, office.ChairSideId);
        Assert.Equal([order[1], order[3]], office.CoChairSideIds);

        var next = ChairRotation.ProposeNext(terms, order, rule, new DateOnly(2026, 6, 1));
        Assert.Equal(order[3], next.SideId);
        Assert.Equal(new DateOnly(2027, 1, 1), next.StartsOn);
        Assert.Equal(new DateOnly(2027, 12, 31), next.EndsOn);
        ChairRotation.CheckTerm(terms, order, rule, next, null, new DateOnly(2026, 6, 1));
        var otherwise = next with { SideId = order[4] };
        Assert.Equal("CIS-03", Assert.Throws<Common.RuleViolationException>(() => ChairRotation.CheckTerm(terms, order, rule, otherwise, null, new DateOnly(2026, 6, 1))).RuleId);
        ChairRotation.CheckTerm(terms, order, rule, otherwise, "Решение Совета № 5 от 01.06.2026", new DateOnly(2026, 6, 1));
        Assert.Equal("CIS-03", Assert.Throws<Common.RuleViolationException>(() => ChairRotation.CheckTerm(terms, order, rule, next with { StartsOn = new DateOnly(2026, 12, 1) }, "x", new DateOnly(2026, 6, 1))).RuleId);
    }
}
