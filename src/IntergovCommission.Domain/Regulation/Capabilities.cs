using IntergovCommission.Domain.Commissions;

namespace IntergovCommission.Domain.Regulation;

/// <summary>
/// What a seat may do in a commission. Who holds each capability is data of the regulation
/// profile (<see cref="CapabilityGrant"/>), never an <c>if</c> on a role in a use case.
/// </summary>
public enum Capability
{
    /// <summary>Open and close a vote (KZRU-10 / CIS-03: the presiding person; the handler checks who presides now).</summary>
    ConductVote = 0,
    /// <summary>Record the vote of another person of the seat's side (KZRU-17: by show of hands or by name on video).</summary>
    RecordVoteForOther = 1,
    /// <summary>Approve the agenda (KZRU-11, CIS-03).</summary>
    ApproveAgenda = 2,
    /// <summary>Accept an unscheduled item on the session day (KZRU-12).</summary>
    AcceptUnscheduledItem = 3,
    /// <summary>Approve a signed decision (KZRU-04, KZRU-18).</summary>
    ApproveDecision = 4,
    /// <summary>Put a decision on its signing route, correct it, issue it (KZRU-07, CIS-12).</summary>
    IssueDecision = 5,
    /// <summary>Refer an item to an expert group (KZRU-20).</summary>
    ReferToExpertGroup = 6,
    /// <summary>Defer an item not reached to the next session (KZRU-11).</summary>
    DeferItem = 7,
    /// <summary>Decide that a person must attend in person (KZRU-05).</summary>
    RequireAttendanceInPerson = 8,
    /// <summary>Keep the attendance register (KZRU-07: of the own side).</summary>
    KeepRegister = 9,
    /// <summary>Keep the roster (memberships) of a side (KZRU-02, KZRU-07).</summary>
    KeepRoster = 10,
    /// <summary>Receive and decide members' proposals (KZRU-12: the secretary of the proposer's side).</summary>
    ReceiveProposals = 11,
    /// <summary>Propose an agenda item (KZRU-06).</summary>
    Propose = 12,
    /// <summary>Prepare sessions, draft the agenda, manage materials (KZRU-07, CIS-12 secretariat).</summary>
    PrepareSessions = 13,
    /// <summary>Confirm a substitute's credentials before a vote (CIS-01).</summary>
    ConfirmCredentials = 14,
    /// <summary>Declare no interest in a question on behalf of the seat's state (CIS-08).</summary>
    DeclareNoInterest = 15,
    /// <summary>See the people's contacts (secretariat and presiding persons).</summary>
    SeeContacts = 16,
    /// <summary>Mark an agenda item as directly affecting a state (CIS-11).</summary>
    MarkAffectedStates = 17,
    /// <summary>Propose an extraordinary session on behalf of the seat's state, and answer another state's proposal (CIS-04).</summary>
    ProposeExtraordinarySession = 18,
    /// <summary>Record the assignments of an issued decision for a side (KZRU-07).</summary>
    RecordAssignments = 19,
    /// <summary>Give an assignment, or require materials, a report or a conclusion, by one's own act (KZRU-05).</summary>
    GiveAssignments = 20,
    /// <summary>Approve a deadline extension (KZRU-04).</summary>
    ApproveExtension = 21,
    /// <summary>Control execution: answer reports, cancel, ask for more time for a side (KZRU-07, WF-02).</summary>
    ControlExecution = 22,
    /// <summary>Keep the records: the retention basis, the archive, disposal acts, the commission's audit trail (KZRU-22).</summary>
    KeepRecords = 23,
    /// <summary>Keep the register of the treaties the commission serves, fields (1)-(8) (WF-07, seed 004 annex 1).</summary>
    KeepTreatyRegister = 24,
    /// <summary>Write fields (9)-(10) and (12) of the annual treaty report for the reporting side (WF-07: its secretariat only).</summary>
    WriteTreatyReport = 25,
}

/// <summary>Whether a capability is held over the whole commission or only over the seat's own side.</summary>
public enum CapabilityScope
{
    AnySide = 0,
    OwnSide = 1,
}

/// <summary>Where several seats hold a capability: one of them acts, or every one of them must.</summary>
public enum ActingBy
{
    AnyOne = 0,
    EveryOne = 1,
}

/// <summary>One line of the profile's "who may act" table.</summary>
public sealed record CapabilityGrant(Capability Capability, IReadOnlyList<CommissionRole> Roles, CapabilityScope Scope, ActingBy By, RuleRef Rule);

/// <summary>
/// A seat as authorization sees it: the membership, its side, and every role it holds now (the
/// membership's role plus offices such as a rotating chair, CIS-03).
/// </summary>
public sealed record ActingSeat(Guid MembershipId, Guid? SideId, IReadOnlyCollection<CommissionRole> Roles)
{
    public static ActingSeat Of(Guid membershipId, Guid? sideId, CommissionRole role) => new(membershipId, sideId, [role]);

    public bool Has(CommissionRole role) => Roles.Contains(role);
}

/// <summary>The one pure function that answers "may this seat do this here".</summary>
public static class Permissions
{
    public static CapabilityGrant? Grant(this RegulationProfile profile, Capability capability)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Capabilities.FirstOrDefault(g => g.Capability == capability);
    }

    /// <summary>
    /// True when the seat holds one of the roles the profile grants the capability to and, for a
    /// capability held per side, <paramref name="targetSideId"/> (when given) is the seat's own side.
    /// </summary>
    public static bool Permits(this RegulationProfile profile, ActingSeat seat, Capability capability, Guid? targetSideId = null)
    {
        ArgumentNullException.ThrowIfNull(seat);
        var grant = profile.Grant(capability);
        if (grant is null || !grant.Roles.Any(seat.Has))
        {
            return false;
        }

        return grant.Scope == CapabilityScope.AnySide || targetSideId is null || seat.SideId == targetSideId;
    }

    /// <summary>Any of the seats permits it.</summary>
    public static bool PermitsAny(this RegulationProfile profile, IEnumerable<ActingSeat> seats, Capability capability, Guid? targetSideId = null) =>
        seats.Any(s => profile.Permits(s, capability, targetSideId));

    /// <summary>The roles that hold a capability (for notification recipients and lists), empty when none does.</summary>
    public static IReadOnlyList<CommissionRole> RolesFor(this RegulationProfile profile, Capability capability) =>
        profile.Grant(capability)?.Roles ?? [];

    /// <summary>The rule that grants (or withholds) a capability, cited in a refusal.</summary>
    public static RuleRef RuleFor(this RegulationProfile profile, Capability capability) =>
        profile.Grant(capability)?.Rule ?? profile.Composition.Rule;
}
