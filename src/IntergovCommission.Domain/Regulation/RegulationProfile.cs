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
    /// <summary>KZRU-22; null where the regulation sets no retention term (CIS).</summary>
    public RetentionRule? Retention { get; init; }
    public required LanguageRule Languages { get; init; }
    public required DissentRule Dissent { get; init; }
    public required PresidingRule Presiding { get; init; }

    /// <summary>Who may act: per capability, the roles that hold it and whether any or all of them act.</summary>
    public IReadOnlyList<CapabilityGrant> Capabilities { get; init; } = [];

    /// <summary>The roles this regulation knows, with their names (a council has a Chair, members, advisory members, observers...).</summary>
    public IReadOnlyList<RoleDefinition> Roles { get; init; } = [];

    /// <summary>CIS-12: adopted documents go to every member within N days of the session (null: the regulation is silent).</summary>
    public DistributionRule? Distribution { get; init; }

    /// <summary>CIS-04: sessions at least yearly; extraordinary sessions on a state's proposal with a majority's support (null: silent).</summary>
    public SessionFrequencyRule? Frequency { get; init; }

    /// <summary>How the official documents name the body (null: the Interstate Commission's words, glossary.md).</summary>
    public DocumentWording? Documents { get; init; }

    /// <summary>The rules refusals on holding sessions and on materials cite (null in a document stored before they were data: the shipped profile supplies them).</summary>
    public ConductRules? Conduct { get; init; }

    /// <summary>KZRU-09 / CIS-04: the rule on holding sessions, cited when a session is not in the state an action needs.</summary>
    public RuleRef RuleOnSessions() => Conduct?.Sessions ?? Composition.Rule;

    /// <summary>KZRU-13 / CIS-10: the rule on session materials.</summary>
    public RuleRef RuleOnMaterials() => Conduct?.Materials ?? Agenda.MaterialRule ?? Composition.Rule;

    public RoleDefinition? RoleOf(CommissionRole role) => Roles.FirstOrDefault(r => r.Role == role);
}

/// <summary>
/// How a body names itself in its official documents: the short name in the nominative and in the
/// genitive («Совет» / «Совета»), the operative formula whose verb agrees with it («Совет РЕШИЛ:»,
/// «Межгосударственная комиссия РЕШИЛА:»), the position column, who approves the agenda, and the note on
/// the language of its decisions (null: none).
/// </summary>
public sealed record DocumentWording(
    LocalizedText Name,
    LocalizedText Genitive,
    LocalizedText Resolved,
    LocalizedText PositionHeader,
    LocalizedText AgendaApproved,
    LocalizedText AgendaApprovalHeading,
    LocalizedText ApproverHeader,
    LocalizedText? LanguageNote = null);

/// <summary>A role of the regulation: its name in the three languages, and whether it is an office held by rotation (not appointed).</summary>
public sealed record RoleDefinition(CommissionRole Role, LocalizedText Name, bool Office = false)
{
    /// <summary>How the role takes part (votes, counts, signs, may be represented, named items only), with the rule that says so.</summary>
    public Participation? Participation { get; init; }

    /// <summary>The name the body's documents print, where it differs from <see cref="Name"/> (KZRU: the glossary's «член Межгосударственной комиссии»).</summary>
    public LocalizedText? DocumentName { get; init; }
}

/// <summary>
/// The rules a refusal cites where no capability names one: how sessions are held (KZRU-09; CIS-04) and how
/// materials reach the body (KZRU-13; CIS-10).
/// </summary>
public sealed record ConductRules(RuleRef Sessions, RuleRef Materials);

/// <summary>CIS-12: the adopted documents are sent to all members within N days.</summary>
public sealed record DistributionRule(RuleRef Rule, int Days);

/// <summary>CIS-04: at least N regular sessions a year; an extraordinary one when more than half of the members support a state's proposal.</summary>
public sealed record SessionFrequencyRule(RuleRef Rule, int AtLeastPerYear, RuleRef ExtraordinaryRule);

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
public sealed record VotingRule(RuleRef Rule, IReadOnlyList<CommissionRole> VotingRoles, MajorityBase MajorityBase, TieOutcome Tie, VoteUnit Unit, bool OpenPersonalVote)
{
    /// <summary>With <see cref="VoteUnit.State"/>: the role that casts the state's vote, and the roles that may stand in with confirmed credentials (CIS-01).</summary>
    public CommissionRole? HeadRole { get; init; }

    /// <summary>The role that stands for a state (its head; a member where the profile names none).</summary>
    public CommissionRole StateHead() => HeadRole ?? CommissionRole.Member;
    public IReadOnlyList<CommissionRole> SubstituteRoles { get; init; } = [];
    public RuleRef? CredentialsRule { get; init; }
    /// <summary>CIS-08: a state may declare no interest in a question; whether such a state still counts in the majority base.</summary>
    public RuleRef? NoInterestRule { get; init; }
    public bool NoInterestCountsInBase { get; init; }
    /// <summary>CIS-11: an item directly affecting a state is not voted on in its representative's absence.</summary>
    public RuleRef? AffectedStateRule { get; init; }
}

/// <summary>KZRU-12: proposals reach the own side's secretary N days before the session.</summary>
public sealed record AgendaRule(RuleRef ProposalRule, int ProposalDeadlineDays, RuleRef? MaterialRule, int? MaterialLeadDays, RuleRef ApprovalRule, bool ApprovalByAllCoChairs)
{
    /// <summary>How "N days before the session" is counted (KZRU-12: before the session's date, so the whole day D-N counts).</summary>
    public DeadlineCounting Counting { get; init; } = DeadlineCounting.EndOfDayBeforeSessionDate;
}

public enum DeadlineCounting
{
    /// <summary>"No later than N days before the session date": the last moment is the end of day D-N in the session's zone.</summary>
    EndOfDayBeforeSessionDate = 0,
    /// <summary>N days before the session's start, at its hour.</summary>
    AtSessionHour = 1,
}

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
    /// <summary>CIS-09: the chair alone signs.</summary>
    ChairAlone = 2,
}

public sealed record SigningRule(RuleRef FullRouteRule, RuleRef ShortRouteRule, IReadOnlyDictionary<DecisionKind, SigningRoute> RouteByKind, int FullRouteCopies)
{
    /// <summary>The route of a kind the table does not name.</summary>
    public SigningRoute DefaultRoute { get; init; } = SigningRoute.Full;

    /// <summary>CIS-09: the rule of the chair-alone route (null where the regulation has none).</summary>
    public RuleRef? ChairAloneRule { get; init; }

    /// <summary>KZRU-21: the roles that sign on the short route.</summary>
    public IReadOnlyList<CommissionRole> ShortRouteSigners { get; init; } = [CommissionRole.Secretary];

    public SigningRoute RouteFor(DecisionKind kind) =>
        RouteByKind.TryGetValue(kind, out var route) ? route : DefaultRoute;

    public RuleRef RuleOf(SigningRoute route) => route switch
    {
        SigningRoute.Full => FullRouteRule,
        SigningRoute.Short => ShortRouteRule,
        _ => ChairAloneRule ?? FullRouteRule,
    };
}

/// <summary>KZRU-22: signed decisions are kept N years after flight tests end.</summary>
public sealed record RetentionRule(RuleRef Rule, int YearsAfterFlightTests);

/// <summary>KZRU-23: working language and the languages decision documents are issued in.</summary>
public sealed record LanguageRule(RuleRef Rule, string WorkingLanguage, IReadOnlyList<string> DocumentLanguages);

/// <summary>KZRU-19: a written dissenting opinion, within N days after the session.</summary>
public sealed record DissentRule(RuleRef Rule, int DeadlineDaysAfterSession, bool AttachedToDecision);

/// <summary>KZRU-10: who presides, and who stands in for an absent co-chair.</summary>
public sealed record PresidingRule(RuleRef Rule, IReadOnlyList<CommissionRole> PresidingRoles, CommissionRole StandIn)
{
    public PresidingMode Mode { get; init; } = PresidingMode.PerSide;
    /// <summary>CIS-03: the longest term of a rotating chair, in months.</summary>
    public int MaxTermMonths { get; init; } = 12;
}

public enum PresidingMode
{
    /// <summary>KZRU-10: each side's co-chair presides; a deputy of the same side stands in.</summary>
    PerSide = 0,
    /// <summary>CIS-03: one chair, rotating among the states in Russian alphabetical order; the previous and the next chair are co-chairs and stand in.</summary>
    RotatingChair = 1,
}
