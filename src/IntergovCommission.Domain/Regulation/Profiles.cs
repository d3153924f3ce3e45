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
        Capabilities = KzruCapabilities(),
        Conduct = new ConductRules(new RuleRef("KZRU-09", "cl. 9"), new RuleRef("KZRU-13", "cl. 9")),
        Roles =
        [
            new(CommissionRole.CoChair, LocalizedText.Of("Тең төраға", "Сопредседатель", "Co-chair")) { Participation = KzruMember },
            new(CommissionRole.DeputyCoChair, LocalizedText.Of("Тең төрағаның орынбасары", "Заместитель сопредседателя", "Deputy co-chair")) { Participation = KzruMember },
            new(CommissionRole.Secretary, LocalizedText.Of("Хатшы", "Секретарь", "Secretary")) { Participation = KzruMember },
            new(CommissionRole.Member, LocalizedText.Of("Комиссия мүшесі", "Член комиссии", "Member"))
            {
                Participation = KzruMember,
                DocumentName = LocalizedText.Of("Мемлекетаралық комиссияның мүшесі", "член Межгосударственной комиссии", "member"),
            },
            // KZRU-15: attends in a member's place; does not vote, does not count towards quorum, does not sign.
            new(CommissionRole.Representative, LocalizedText.Of("Өкіл", "Представитель", "Representative"))
            {
                Participation = new Participation(new RuleRef("KZRU-15", "cl. 9")) { RepresentsAnother = true },
            },
            // KZRU-14: non-members attend only if invited, to the items they speak to.
            new(CommissionRole.Invitee, LocalizedText.Of("Шақырылған адам", "Приглашённый", "Invited person"))
            {
                Participation = new Participation(new RuleRef("KZRU-14", "cl. 9")) { NamedItemsOnly = true },
                DocumentName = LocalizedText.Of("Шақырылған тұлға", "Приглашенное лицо", "Invited person"),
            },
        ],
    };

    /// <summary>KZRU-14/16/17/18: each person on the commission's list attends, votes, counts for the quorum, signs, and may send a representative (KZRU-15).</summary>
    private static Participation KzruMember => new(new RuleRef("KZRU-17", "cl. 10"))
    {
        Votes = true,
        CountsForQuorum = true,
        Signs = true,
        MayBeRepresented = true,
    };

    private static CapabilityGrant[] KzruCapabilities()
    {
        CommissionRole[] coChairs = [CommissionRole.CoChair];
        CommissionRole[] presiding = [CommissionRole.CoChair, CommissionRole.DeputyCoChair];
        CommissionRole[] secretaries = [CommissionRole.Secretary];
        return
        [
            new(Capability.ConductVote, presiding, CapabilityScope.AnySide, ActingBy.AnyOne, new RuleRef("KZRU-10", "cl. 9")),
            new(Capability.RecordVoteForOther, secretaries, CapabilityScope.OwnSide, ActingBy.AnyOne, new RuleRef("KZRU-17", "cl. 10")),
            new(Capability.ApproveAgenda, coChairs, CapabilityScope.AnySide, ActingBy.EveryOne, new RuleRef("KZRU-04", "cl. 5")),
            new(Capability.AcceptUnscheduledItem, coChairs, CapabilityScope.AnySide, ActingBy.EveryOne, new RuleRef("KZRU-04", "cl. 5")),
            new(Capability.ApproveDecision, coChairs, CapabilityScope.AnySide, ActingBy.EveryOne, new RuleRef("KZRU-04", "cl. 5")),
            new(Capability.IssueDecision, secretaries, CapabilityScope.AnySide, ActingBy.AnyOne, new RuleRef("KZRU-22", "cl. 10")),
            new(Capability.ReferToExpertGroup, presiding, CapabilityScope.AnySide, ActingBy.AnyOne, new RuleRef("KZRU-20", "cl. 10")),
            new(Capability.DeferItem, [CommissionRole.Secretary, CommissionRole.CoChair, CommissionRole.DeputyCoChair], CapabilityScope.AnySide, ActingBy.AnyOne, new RuleRef("KZRU-11", "cl. 9")),
            new(Capability.RequireAttendanceInPerson, coChairs, CapabilityScope.AnySide, ActingBy.AnyOne, new RuleRef("KZRU-05", "cl. 6")),
            new(Capability.KeepRegister, secretaries, CapabilityScope.OwnSide, ActingBy.AnyOne, new RuleRef("KZRU-07", "cl. 8")),
            new(Capability.KeepRoster, secretaries, CapabilityScope.OwnSide, ActingBy.AnyOne, new RuleRef("KZRU-07", "cl. 8")),
            new(Capability.ReceiveProposals, secretaries, CapabilityScope.OwnSide, ActingBy.AnyOne, new RuleRef("KZRU-06", "cl. 7")),
            new(Capability.Propose, [CommissionRole.Member, CommissionRole.DeputyCoChair, CommissionRole.CoChair], CapabilityScope.AnySide, ActingBy.AnyOne, new RuleRef("KZRU-06", "cl. 7")),
            new(Capability.PrepareSessions, secretaries, CapabilityScope.AnySide, ActingBy.AnyOne, new RuleRef("KZRU-07", "cl. 8")),
            new(Capability.SeeContacts, [CommissionRole.Secretary, CommissionRole.CoChair], CapabilityScope.AnySide, ActingBy.AnyOne, new RuleRef("KZRU-07", "cl. 8")),
            new(Capability.RecordAssignments, secretaries, CapabilityScope.OwnSide, ActingBy.AnyOne, new RuleRef("KZRU-07", "cl. 8")),
            new(Capability.GiveAssignments, coChairs, CapabilityScope.OwnSide, ActingBy.AnyOne, new RuleRef("KZRU-05", "cl. 6")),
            new(Capability.ApproveExtension, coChairs, CapabilityScope.OwnSide, ActingBy.AnyOne, new RuleRef("KZRU-04", "cl. 5")),
            new(Capability.ControlExecution, secretaries, CapabilityScope.OwnSide, ActingBy.AnyOne, new RuleRef("KZRU-07", "cl. 8")),
            new(Capability.KeepRecords, secretaries, CapabilityScope.AnySide, ActingBy.AnyOne, new RuleRef("KZRU-22", "cl. 10")),
            // WF-07 (seed 004 cl. 2, annex 1): the treaty report is the reporting side's; within the commission it is the secretaries' work (cl. 8).
            new(Capability.KeepTreatyRegister, secretaries, CapabilityScope.AnySide, ActingBy.AnyOne, new RuleRef("KZRU-07", "cl. 8")),
            new(Capability.WriteTreatyReport, secretaries, CapabilityScope.OwnSide, ActingBy.AnyOne, new RuleRef("KZRU-07", "cl. 8")),
        ];
    }

    private static readonly CommissionRole[] CisVoters = [CommissionRole.Member, CommissionRole.Substitute];

    /// <summary>
    /// The CIS Council on Industrial Policy (seed 002, Regulation on the Council s. 4-5): one vote
    /// per state, a chair rotating among the states, the chair signs alone, Russian only.
    /// </summary>
    public static RegulationProfile Cis { get; } = new()
    {
        Code = "CIS",
        Version = 1,
        Name = LocalizedText.Of(
            "ТМД-ға қатысушы мемлекеттердің Өнеркәсіптік саясат жөніндегі кеңесі туралы ереже",
            "Положение о Совете по промышленной политике государств — участников СНГ",
            "Regulation on the CIS Council on Industrial Policy"),
        Source = "Agreement on the Council on Industrial Policy (approved by Government Decree of Kazakhstan No. 696-1 of 29 May 2012), annex: Regulation s. 4-5",
        Composition = new CompositionRule(
            new RuleRef("CIS-01", "cl. 4.1"),
            [new SeatLimit(CommissionRole.Member, 1)],
            [CommissionRole.Member, CommissionRole.Substitute],
            [CommissionRole.Member],
            new RuleRef("CIS-01", "cl. 4.1")),
        Quorum = new QuorumRule(
            new RuleRef("CIS-05", "cl. 5.3"), 2, 3,
            CisVoters,
            [AttendanceMode.InPerson, AttendanceMode.Video]),
        Voting = new VotingRule(
            new RuleRef("CIS-08", "cl. 5.8"),
            CisVoters,
            MajorityBase.VotingMembersPresent,
            TieOutcome.NotAdopted,
            VoteUnit.State,
            OpenPersonalVote: true)
        {
            HeadRole = CommissionRole.Member,
            SubstituteRoles = [CommissionRole.Substitute],
            CredentialsRule = new RuleRef("CIS-01", "cl. 4.1"),
            NoInterestRule = new RuleRef("CIS-08", "cl. 5.8"),
            NoInterestCountsInBase = false,
            AffectedStateRule = new RuleRef("CIS-11", "cl. 5.14"),
        },
        Agenda = new AgendaRule(
            new RuleRef("CIS-10", "cl. 5.11"), 30,
            new RuleRef("CIS-10", "cl. 5.11"), 30,
            new RuleRef("CIS-03", "cl. 5.15"), ApprovalByAllCoChairs: false),
        Signing = new SigningRule(
            new RuleRef("CIS-09", "cl. 5.9"),
            new RuleRef("CIS-09", "cl. 5.9"),
            new Dictionary<DecisionKind, SigningRoute>(),
            FullRouteCopies: 1)
        {
            DefaultRoute = SigningRoute.ChairAlone,
            ChairAloneRule = new RuleRef("CIS-09", "cl. 5.9"),
        },
        Retention = null,
        Languages = new LanguageRule(new RuleRef("CIS-13", "cl. 5.17"), "ru", ["ru"]),
        Dissent = new DissentRule(new RuleRef("CIS-08", "cl. 5.8"), 3, AttachedToDecision: false),
        Documents = new DocumentWording(
            LocalizedText.Of("Кеңес", "Совет", "Council"),
            LocalizedText.Of("Кеңестің", "Совета", "of the Council"),
            LocalizedText.Of("Кеңес ШЕШІМ ҚАБЫЛДАДЫ:", "Совет РЕШИЛ:", "The Council DECIDED:"),
            LocalizedText.Of("Кеңестегі лауазымы", "Должность в Совете", "Position in the Council"),
            LocalizedText.Of("Кеңес төрағасы БЕКІТКЕН", "УТВЕРЖДЕНА Председателем Совета", "APPROVED by the Chair of the Council"),
            LocalizedText.Of("КЕҢЕС ТӨРАҒАСЫНЫҢ БЕКІТУІ", "УТВЕРЖДЕНИЕ ПРЕДСЕДАТЕЛЕМ СОВЕТА", "APPROVAL BY THE CHAIR OF THE COUNCIL"),
            LocalizedText.Of("Кеңес төрағасы", "Председатель Совета", "Chair of the Council")),
        Presiding = new PresidingRule(new RuleRef("CIS-03", "cl. 4.3"), [CommissionRole.Chair], CommissionRole.CoChair)
        {
            Mode = PresidingMode.RotatingChair,
            MaxTermMonths = 12,
        },
        Distribution = new DistributionRule(new RuleRef("CIS-12", "cl. 5.16"), 14),
        Frequency = new SessionFrequencyRule(new RuleRef("CIS-04", "cl. 5.1"), 1, new RuleRef("CIS-04", "cl. 5.2")),
        Capabilities = CisCapabilities(),
        Conduct = new ConductRules(new RuleRef("CIS-04", "cl. 5.1"), new RuleRef("CIS-10", "cl. 5.11")),
        Roles =
        [
            // CIS-03: offices held through a member's seat; the seat votes (as a member), the office signs (CIS-09).
            new(CommissionRole.Chair, LocalizedText.Of("Кеңес төрағасы", "Председатель Совета", "Chair"), Office: true)
            {
                Participation = new Participation(new RuleRef("CIS-09", "cl. 5.9")) { Signs = true },
            },
            new(CommissionRole.CoChair, LocalizedText.Of("Тең төраға", "Сопредседатель", "Co-chair"), Office: true)
            {
                Participation = new Participation(new RuleRef("CIS-03", "cl. 4.3")) { Signs = true },
            },
            new(CommissionRole.Member, LocalizedText.Of("Кеңес мүшесі", "Член Совета", "Council member"))
            {
                Participation = new Participation(new RuleRef("CIS-01", "cl. 4.1")) { Votes = true, CountsForQuorum = true, Signs = true, MayBeRepresented = true },
            },
            new(CommissionRole.Substitute, LocalizedText.Of("Кеңес мүшесін алмастыратын тұлға", "Лицо, замещающее члена Совета", "Substitute"))
            {
                Participation = new Participation(new RuleRef("CIS-01", "cl. 4.1")) { Votes = true, CountsForQuorum = true, Signs = true },
            },
            // CIS-02: an advisory vote: on the register, never counted, never signing.
            new(CommissionRole.AdvisoryMember, LocalizedText.Of("Кеңесші дауыс құқығы бар мүше", "Член Совета с правом совещательного голоса", "Advisory member"))
            {
                Participation = new Participation(new RuleRef("CIS-02", "cl. 4.2")),
            },
            // CIS-07: observers and experts take part by the council's decision; they do not vote.
            new(CommissionRole.Observer, LocalizedText.Of("Байқаушы", "Наблюдатель", "Observer"))
            {
                Participation = new Participation(new RuleRef("CIS-07", "cl. 5.7")),
            },
            new(CommissionRole.Expert, LocalizedText.Of("Сарапшы", "Эксперт", "Expert"))
            {
                Participation = new Participation(new RuleRef("CIS-07", "cl. 5.7")),
            },
            new(CommissionRole.Secretary, LocalizedText.Of("Кеңес хатшылығы", "Секретариат Совета", "Secretariat"))
            {
                Participation = new Participation(new RuleRef("CIS-02", "cl. 4.2")),
            },
            new(CommissionRole.Invitee, LocalizedText.Of("Шақырылған адам", "Приглашённый", "Invited person"))
            {
                Participation = new Participation(new RuleRef("CIS-07", "cl. 5.7")) { NamedItemsOnly = true },
            },
        ],
    };

    private static CapabilityGrant[] CisCapabilities()
    {
        CommissionRole[] chair = [CommissionRole.Chair];
        CommissionRole[] presiding = [CommissionRole.Chair, CommissionRole.CoChair];
        CommissionRole[] secretariat = [CommissionRole.Secretary];
        var chairRule = new RuleRef("CIS-03", "cl. 5.15");
        var secretariatRule = new RuleRef("CIS-12", "cl. 5.12");
        return
        [
            new(Capability.ConductVote, presiding, CapabilityScope.AnySide, ActingBy.AnyOne, new RuleRef("CIS-03", "cl. 4.3")),
            new(Capability.RecordVoteForOther, secretariat, CapabilityScope.AnySide, ActingBy.AnyOne, new RuleRef("CIS-01", "cl. 4.1")),
            new(Capability.ApproveAgenda, chair, CapabilityScope.AnySide, ActingBy.AnyOne, chairRule),
            new(Capability.AcceptUnscheduledItem, chair, CapabilityScope.AnySide, ActingBy.AnyOne, chairRule),
            new(Capability.IssueDecision, secretariat, CapabilityScope.AnySide, ActingBy.AnyOne, new RuleRef("CIS-12", "cl. 5.16")),
            new(Capability.ReferToExpertGroup, presiding, CapabilityScope.AnySide, ActingBy.AnyOne, new RuleRef("CIS-07", "cl. 5.7")),
            new(Capability.DeferItem, [CommissionRole.Chair, CommissionRole.Secretary], CapabilityScope.AnySide, ActingBy.AnyOne, chairRule),
            new(Capability.RequireAttendanceInPerson, chair, CapabilityScope.AnySide, ActingBy.AnyOne, chairRule),
            new(Capability.KeepRegister, secretariat, CapabilityScope.AnySide, ActingBy.AnyOne, secretariatRule),
            new(Capability.KeepRoster, secretariat, CapabilityScope.AnySide, ActingBy.AnyOne, secretariatRule),
            new(Capability.ReceiveProposals, secretariat, CapabilityScope.AnySide, ActingBy.AnyOne, secretariatRule),
            new(Capability.Propose, [CommissionRole.Member], CapabilityScope.AnySide, ActingBy.AnyOne, new RuleRef("CIS-04", "cl. 5.2")),
            new(Capability.PrepareSessions, secretariat, CapabilityScope.AnySide, ActingBy.AnyOne, secretariatRule),
            new(Capability.ConfirmCredentials, secretariat, CapabilityScope.AnySide, ActingBy.AnyOne, new RuleRef("CIS-01", "cl. 4.1")),
            new(Capability.DeclareNoInterest, CisVoters, CapabilityScope.OwnSide, ActingBy.AnyOne, new RuleRef("CIS-08", "cl. 5.8")),
            new(Capability.SeeContacts, [CommissionRole.Secretary, CommissionRole.Chair], CapabilityScope.AnySide, ActingBy.AnyOne, secretariatRule),
            new(Capability.MarkAffectedStates, secretariat, CapabilityScope.AnySide, ActingBy.AnyOne, new RuleRef("CIS-11", "cl. 5.14")),
            new(Capability.ProposeExtraordinarySession, CisVoters, CapabilityScope.OwnSide, ActingBy.AnyOne, new RuleRef("CIS-04", "cl. 5.2")),
            new(Capability.RecordAssignments, secretariat, CapabilityScope.AnySide, ActingBy.AnyOne, secretariatRule),
            new(Capability.GiveAssignments, chair, CapabilityScope.AnySide, ActingBy.AnyOne, chairRule),
            new(Capability.ApproveExtension, chair, CapabilityScope.AnySide, ActingBy.AnyOne, chairRule),
            new(Capability.ControlExecution, secretariat, CapabilityScope.AnySide, ActingBy.AnyOne, secretariatRule),
            new(Capability.KeepRecords, secretariat, CapabilityScope.AnySide, ActingBy.AnyOne, secretariatRule),
            new(Capability.KeepTreatyRegister, secretariat, CapabilityScope.AnySide, ActingBy.AnyOne, secretariatRule),
            new(Capability.WriteTreatyReport, secretariat, CapabilityScope.OwnSide, ActingBy.AnyOne, secretariatRule),
        ];
    }

    /// <summary>Every profile the product ships, newest version of each code.</summary>
    public static IReadOnlyList<RegulationProfile> All { get; } = [Kzru, Cis];

    public static RegulationProfile? ByCode(string code) => All.FirstOrDefault(p => p.Code == code);
}
