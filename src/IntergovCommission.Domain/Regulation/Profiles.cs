using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;

namespace IntergovCommission.Domain.Regulation;

/// <summary>The profiles the product ships with.</summary>
public static class Profiles
{
    private static readonly CommissionRole[] AppointedRoles =
        [CommissionRole.CoChair, CommissionRole.DeputyCoChair, CommissionRole.Secretary, CommissionRole.Member];

    /// <summary>
    /// The Kazakh-Russian Interstate Commission (seed 000, Regulation cl. 4-13). Open
    /// points of the text are settings with the defaults of regulation.md.
    /// </summary>
    public static RegulationProfile Kzru { get; } = new()
    {
        Code = "KZRU",
        Version = 1,
        Name = LocalizedText.Of(
            "Қазақстан-Ресей мемлекетаралық комиссиясы туралы ереже",
            "Положение о Казахстанско-российской межгосударственной комиссии",
            "Regulation on the Kazakh-Russian Interstate Commission"),
        Source = "Agreement of 12 Nov 2025 (Moscow), annex: Regulation cl. 1-13",
        Composition = new CompositionRule(
            new RuleRef("KZRU-01", "cl. 4"),
            [new SeatLimit(CommissionRole.CoChair, 1), new SeatLimit(CommissionRole.Secretary, 1)],
            [CommissionRole.CoChair, CommissionRole.DeputyCoChair, CommissionRole.Secretary, CommissionRole.Member, CommissionRole.Representative],
            AppointedRoles,
            new RuleRef("KZRU-02", "cl. 11")),
        Quorum = new QuorumRule(
            new RuleRef("KZRU-16", "cl. 10"), 2, 3,
            AppointedRoles,
            [AttendanceMode.InPerson, AttendanceMode.Video]),
        Voting = new VotingRule(
            new RuleRef("KZRU-17", "cl. 10"),
            AppointedRoles,
            MajorityBase.VotingMembersPresent,
            TieOutcome.NotAdopted,
            VoteUnit.Member,
            OpenPersonalVote: true),
        Agenda = new AgendaRule(
            new RuleRef("KZRU-12", "cl. 9"), 10,
            null, null,
            new RuleRef("KZRU-11", "cl. 9"), ApprovalByAllCoChairs: true),
        Signing = new SigningRule(
            new RuleRef("KZRU-18", "cl. 10"),
            new RuleRef("KZRU-21", "cl. 10"),
            new Dictionary<DecisionKind, SigningRoute>
            {
                [DecisionKind.FlightTestStartOrCompletion] = SigningRoute.Full,
                [DecisionKind.IrreversibleOperations] = SigningRoute.Full,
                [DecisionKind.ComplexOperation] = SigningRoute.Full,
                [DecisionKind.ProgrammeApprovalOrChange] = SigningRoute.Short,
                [DecisionKind.FlightTestSuspension] = SigningRoute.Short,
                [DecisionKind.WorkingGroup] = SigningRoute.Short,
                [DecisionKind.AccidentCommission] = SigningRoute.Short,
                [DecisionKind.Other] = SigningRoute.Short,
            },
            FullRouteCopies: 2),
        Retention = new RetentionRule(new RuleRef("KZRU-22", "cl. 10"), 3),
        Languages = new LanguageRule(new RuleRef("KZRU-23", "cl. 13"), "ru", ["kk", "ru"]),
        Dissent = new DissentRule(new RuleRef("KZRU-19", "cl. 10"), 3, AttachedToDecision: true),
        Presiding = new PresidingRule(new RuleRef("KZRU-10", "cl. 9"), [CommissionRole.CoChair], CommissionRole.DeputyCoChair),
    };
}
