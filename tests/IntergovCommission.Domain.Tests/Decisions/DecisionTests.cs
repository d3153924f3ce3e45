using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Voting;

namespace IntergovCommission.Domain.Tests.Decisions;

public sealed class DecisionTests
{
    private static readonly Guid Kz = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Ru = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static AttendanceEntry E(Guid side, CommissionRole role, AttendanceMode mode) => new(Guid.NewGuid(), Guid.NewGuid(), side, role, mode);

    private static readonly List<AttendanceEntry> Roster =
    [
        E(Kz, CommissionRole.CoChair, AttendanceMode.InPerson),
        E(Ru, CommissionRole.CoChair, AttendanceMode.Video),
        E(Kz, CommissionRole.Secretary, AttendanceMode.InPerson),
        E(Ru, CommissionRole.Secretary, AttendanceMode.InPerson),
        E(Kz, CommissionRole.Member, AttendanceMode.InPerson),
        E(Ru, CommissionRole.Member, AttendanceMode.Video),
        E(Kz, CommissionRole.Member, AttendanceMode.Absent),
        E(Kz, CommissionRole.Representative, AttendanceMode.InPerson),
    ];

    private static DecisionContent Content() => new(
        "5-3", new DateOnly(2026, 12, 1), "Байконур", "Байқоңыр", 5, Guid.Parse("11111111-1111-1111-1111-111111111111"),
        DecisionKind.FlightTestStartOrCompletion, "Ұшу сынақтарын бастау туралы", "О начале лётных испытаний",
        ["Бірінші абзац.", "Екінші абзац."], ["Первый абзац.", "Второй абзац."],
        [new RollCallLine(Guid.Parse("22222222-2222-2222-2222-222222222222"), "Иванов", "Иванов", "RU", VoteChoice.For, false)],
        "ballot-hash");

    [Theory]
    [InlineData(DecisionKind.FlightTestStartOrCompletion, SigningRoute.Full)]
    [InlineData(DecisionKind.IrreversibleOperations, SigningRoute.Full)]
    [InlineData(DecisionKind.ComplexOperation, SigningRoute.Full)]
    [InlineData(DecisionKind.ProgrammeApprovalOrChange, SigningRoute.Short)]
    [InlineData(DecisionKind.FlightTestSuspension, SigningRoute.Short)]
    [InlineData(DecisionKind.WorkingGroup, SigningRoute.Short)]
    [InlineData(DecisionKind.AccidentCommission, SigningRoute.Short)]
    [InlineData(DecisionKind.Other, SigningRoute.Short)]
    public void Route_comes_from_the_profile_by_decision_kind_KZRU_18_KZRU_21(DecisionKind kind, SigningRoute route) =>
        Assert.Equal(route, SigningRules.Plan(Profiles.Kzru, kind, Roster, Roster).Route);

    [Fact]
    public void Full_route_needs_every_voting_member_present_and_both_co_chairs_KZRU_18()
    {
        var plan = SigningRules.Plan(Profiles.Kzru, DecisionKind.FlightTestStartOrCompletion, Roster, Roster);
        var signers = plan.Required.Where(r => r.Kind == SignatureKind.Sign).ToList();
        Assert.Equal(6, signers.Count); // 2 co-chairs, 2 secretaries, 2 members present; not the absent one, not the representative
        Assert.DoesNotContain(signers, s => s.Role == CommissionRole.Representative);
        Assert.Equal(2, plan.Required.Count(r => r.Kind == SignatureKind.Approve));
        Assert.Equal(2, plan.Copies);
        Assert.Equal("KZRU-18", plan.Rule.Id);
    }

    [Fact]
    public void Short_route_needs_the_two_secretaries_and_both_co_chairs_KZRU_21()
    {
        var plan = SigningRules.Plan(Profiles.Kzru, DecisionKind.Other, Roster, Roster);
        Assert.All(plan.Required.Where(r => r.Kind == SignatureKind.Sign), s => Assert.Equal(CommissionRole.Secretary, s.Role));
        Assert.Equal(2, plan.Required.Count(r => r.Kind == SignatureKind.Sign));
        Assert.Equal(1, plan.Copies);
        Assert.Equal("KZRU-21", plan.Rule.Id);
    }

    [Fact]
    public void Same_content_gives_the_same_hash()
    {
        Assert.Equal(ContentHash.Compute(Content()), ContentHash.Compute(Content()));
        Assert.Matches("^[0-9a-f]{64}$", ContentHash.Compute(Content()));
    }

    [Fact]
    public void Any_change_in_text_roll_call_or_metadata_changes_the_hash()
    {
        var baseline = ContentHash.Compute(Content());
        var changes = new[]
        {
            Content() with { TextKk = ["Бірінші абзац!", "Екінші абзац."] },
            Content() with { TextRu = ["Первый абзац.", "Второй абзац", ] },
            Content() with { TextRu = ["Первый абзац.Второй абзац."] },
            Content() with { Number = "5-4" },
            Content() with { Date = new DateOnly(2026, 12, 2) },
            Content() with { PlaceRu = "Москва" },
            Content() with { Kind = DecisionKind.Other },
            Content() with { BallotTextHash = "other" },
            Content() with { RollCall = [new RollCallLine(Guid.Parse("22222222-2222-2222-2222-222222222222"), "Иванов", "Иванов", "RU", VoteChoice.Against, false)] },
            Content() with { RollCall = [new RollCallLine(Guid.Parse("22222222-2222-2222-2222-222222222222"), "Иванов", "Иванов", "RU", VoteChoice.For, true)] },
            Content() with { RollCall = [] },
        };
        foreach (var changed in changes)
        {
            Assert.NotEqual(baseline, ContentHash.Compute(changed));
        }
    }

    private static (Decision Decision, SigningPlan Plan, string Hash) Started(DecisionKind kind)
    {
        var decision = new Decision(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "5-3", kind, 1, null);
        var plan = SigningRules.Plan(Profiles.Kzru, kind, Roster, Roster);
        var hash = ContentHash.Compute(Content());
        decision.StartSigning(hash, plan, T0);
        return (decision, plan, hash);
    }

    [Fact]
    public void Approval_before_every_required_signature_is_refused_KZRU_18()
    {
        var (decision, plan, hash) = Started(DecisionKind.FlightTestStartOrCompletion);
        var coChair = plan.Required.First(r => r.Kind == SignatureKind.Approve);
        var ex = Assert.Throws<RuleViolationException>(() => decision.Sign(coChair.MembershipId, SignatureKind.Approve, hash, T0, null, "builtin"));
        Assert.Equal("KZRU-18", ex.RuleId);
        Assert.Equal(DecisionState.Signing, decision.State);
    }

    [Fact]
    public void Absent_member_or_representative_may_not_sign_on_the_full_route_KZRU_18()
    {
        var (decision, _, hash) = Started(DecisionKind.FlightTestStartOrCompletion);
        var absent = Roster.Single(e => e.Mode == AttendanceMode.Absent);
        var representative = Roster.Single(e => e.Role == CommissionRole.Representative);
        Assert.Equal("KZRU-18", Assert.Throws<RuleViolationException>(() => decision.Sign(absent.MembershipId, SignatureKind.Sign, hash, T0, null, "builtin")).RuleId);
        Assert.Equal("KZRU-18", Assert.Throws<RuleViolationException>(() => decision.Sign(representative.MembershipId, SignatureKind.Sign, hash, T0, null, "builtin")).RuleId);
    }

    [Fact]
    public void Member_may_not_sign_on_the_short_route_KZRU_21()
    {
        var (decision, _, hash) = Started(DecisionKind.Other);
        var member = Roster.First(e => e.Role == CommissionRole.Member && e.Mode == AttendanceMode.InPerson);
        Assert.Equal("KZRU-21", Assert.Throws<RuleViolationException>(() => decision.Sign(member.MembershipId, SignatureKind.Sign, hash, T0, null, "builtin")).RuleId);
    }

    [Fact]
    public void Signature_over_another_hash_is_refused()
    {
        var (decision, plan, _) = Started(DecisionKind.Other);
        var secretary = plan.Required.First(r => r.Kind == SignatureKind.Sign);
        Assert.Throws<RuleViolationException>(() => decision.Sign(secretary.MembershipId, SignatureKind.Sign, "0000", T0, null, "builtin"));
    }

    [Fact]
    public void Short_route_goes_to_approved_after_secretaries_sign_and_both_co_chairs_approve_and_signing_twice_does_nothing()
    {
        var (decision, plan, hash) = Started(DecisionKind.Other);
        foreach (var signer in plan.Required.Where(r => r.Kind == SignatureKind.Sign))
        {
            Assert.True(decision.Sign(signer.MembershipId, SignatureKind.Sign, hash, T0, "127.0.0.1", "builtin"));
            Assert.False(decision.Sign(signer.MembershipId, SignatureKind.Sign, hash, T0.AddMinutes(1), "127.0.0.1", "builtin"));
        }

        var approvers = plan.Required.Where(r => r.Kind == SignatureKind.Approve).ToList();
        decision.Sign(approvers[0].MembershipId, SignatureKind.Approve, hash, T0, null, "builtin");
        Assert.Equal(DecisionState.Signing, decision.State);
        decision.Sign(approvers[1].MembershipId, SignatureKind.Approve, hash, T0.AddHours(1), null, "builtin");
        Assert.Equal(DecisionState.Approved, decision.State);
        Assert.Equal(T0.AddHours(1), decision.ApprovedAt);
        Assert.Empty(decision.Awaited);
        decision.MarkIssued();
        Assert.Equal(DecisionState.Issued, decision.State);
    }

    [Fact]
    public void Member_who_is_not_a_co_chair_may_not_approve_KZRU_04()
    {
        var (decision, plan, hash) = Started(DecisionKind.Other);
        var secretary = plan.Required.First(r => r.Kind == SignatureKind.Sign);
        Assert.Equal("KZRU-04", Assert.Throws<RuleViolationException>(() => decision.Sign(secretary.MembershipId, SignatureKind.Approve, hash, T0, null, "builtin")).RuleId);
    }
}
