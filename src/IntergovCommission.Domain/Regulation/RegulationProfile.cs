using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;

namespace IntergovCommission.Domain.Regulation;

/// <summary>
/// The rules a commission runs under, as data. Stored versioned (code + version) as a JSON
/// document; every rule that reads it cites the rule id recorded here.
/// </summary>
public sealed record RegulationProfile
{
    public required string Code { get; init; }
    public required int Version { get; init; }
    public required LocalizedText Name { get; init; }
    public required string Source { get; init; }
    public required CompositionRule Composition { get; init; }
    public required QuorumRule Quorum { get; init; }
    public required VotingRule Voting { get; init; }
    public required AgendaRule Agenda { get; init; }
    public required SigningRule Signing { get; init; }
    public required RetentionRule Retention { get; init; }
    public required LanguageRule Languages { get; init; }
    public required DissentRule Dissent { get; init; }
    public required PresidingRule Presiding { get; init; }
}

public sealed record RuleRef(string Id, string Clause);

/// <summary>Which roles exist and how many seats each side has for a role (KZRU-01).</summary>
public sealed record CompositionRule(RuleRef Rule, IReadOnlyList<SeatLimit> SeatLimits, IReadOnlyList<CommissionRole> SideBoundRoles, IReadOnlyList<CommissionRole> RolesNeedingAppointingAct, RuleRef AppointmentRule);

public sealed record SeatLimit(CommissionRole Role, int MaxPerSide);

public enum AttendanceMode
{
    Absent = 0,
    InPerson = 1,
    Video = 2,
    Represented = 3,
}

/// <summary>KZRU-16: a fraction of the counted members must attend in the counted modes.</summary>
public sealed record QuorumRule(RuleRef Rule, int Numerator, int Denominator, IReadOnlyList<CommissionRole> CountedRoles, IReadOnlyList<AttendanceMode> CountedModes);

public enum MajorityBase
{
    /// <summary>More than half of the voting members present (KZRU default).</summary>
    VotingMembersPresent = 0,
    /// <summary>More than half of the votes cast for or against.</summary>
    VotesCast = 1,
}

public enum TieOutcome
{
    NotAdopted = 0,
    PresidingDecides = 1,
}

public enum VoteUnit
{
    Member = 0,
    State = 1,
}

/// <summary>KZRU-17: who votes, what a majority counts, what a tie does, the vote unit.</summary>
public sealed record VotingRule(RuleRef Rule, IReadOnlyList<CommissionRole> VotingRoles, MajorityBase MajorityBase, TieOutcome Tie, VoteUnit Unit, bool OpenPersonalVote);

/// <summary>KZRU-12: proposals reach the own side's secretary N days before the session.</summary>
public sealed record AgendaRule(RuleRef ProposalRule, int ProposalDeadlineDays, RuleRef? MaterialRule, int? MaterialLeadDays, RuleRef ApprovalRule, bool ApprovalByAllCoChairs);

public enum DecisionKind
{
    FlightTestStartOrCompletion = 0,
    IrreversibleOperations = 1,
    ComplexOperation = 2,
    ProgrammeApprovalOrChange = 3,
    FlightTestSuspension = 4,
    WorkingGroup = 5,
    AccidentCommission = 6,
    Other = 7,
}

public enum SigningRoute
{
    /// <summary>KZRU-18: members present sign in two copies; the co-chairs approve.</summary>
    Full = 0,
    /// <summary>KZRU-21: the secretaries sign; the co-chairs approve.</summary>
    Short = 1,
}

public sealed record SigningRule(RuleRef FullRouteRule, RuleRef ShortRouteRule, IReadOnlyDictionary<DecisionKind, SigningRoute> RouteByKind, int FullRouteCopies)
{
    public SigningRoute RouteFor(DecisionKind kind) =>
        RouteByKind.TryGetValue(kind, out var route) ? route : SigningRoute.Full;
}

/// <summary>KZRU-22: signed decisions are kept N years after flight tests end.</summary>
public sealed record RetentionRule(RuleRef Rule, int YearsAfterFlightTests);

/// <summary>KZRU-23: working language and the languages decision documents are issued in.</summary>
public sealed record LanguageRule(RuleRef Rule, string WorkingLanguage, IReadOnlyList<string> DocumentLanguages);

/// <summary>KZRU-19: a written dissenting opinion, within N days after the session.</summary>
public sealed record DissentRule(RuleRef Rule, int DeadlineDaysAfterSession, bool AttachedToDecision);

/// <summary>KZRU-10: who presides, and who stands in for an absent co-chair.</summary>
public sealed record PresidingRule(RuleRef Rule, IReadOnlyList<CommissionRole> PresidingRoles, CommissionRole StandIn);
