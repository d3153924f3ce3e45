namespace IntergovCommission.Domain.Sessions;

public enum SessionKind
{
    Regular = 0,
    Extraordinary = 1,
}

/// <summary>KZRU-09 (Regulation cl. 9): in person, by video-conference over confidential channels, or both.</summary>
public enum SessionFormat
{
    InPerson = 0,
    Video = 1,
    Mixed = 2,
}

public enum SessionState
{
    Draft = 0,
    AgendaUnderApproval = 1,
    AgendaApproved = 2,
    InProgress = 3,
    Closed = 4,
    Cancelled = 5,
}

public enum ApprovalOutcome
{
    Approved = 0,
    Returned = 1,
}

/// <summary>A co-chair whose approval the agenda needs (KZRU-11): the person, the side, the side's code.</summary>
public sealed record CoChairSeat(Guid PersonId, Guid SideId, string SideCode);

/// <summary>The editable content of an agenda item.</summary>
/// <param name="Rapporteurs">The speakers as the documents print them in Russian (the working language, cl. 13).</param>
/// <param name="RapporteursKk">The same speakers in Kazakh, for the Kazakh column of the documents; optional.</param>
public sealed record AgendaItemContent(
    Common.LocalizedText Title,
    string? Rapporteurs,
    Regulation.DecisionKind DecisionKind,
    Common.LocalizedText DraftDecision,
    string? RapporteursKk = null);

/// <summary>The editable content of an invited person (KZRU-07, KZRU-14).</summary>
/// <param name="OrganisationKk">The organisation in Kazakh, for the Kazakh text of the documents; optional.</param>
/// <param name="TopicsKk">The speaking topics in Kazakh; optional.</param>
public sealed record InviteeContent(string FullName, string Organisation, Guid? PersonId, string? Topics, IReadOnlyCollection<Guid> ItemIds, string? OrganisationKk = null, string? TopicsKk = null);

/// <summary>Why an item came onto this agenda from an earlier session.</summary>
public enum AgendaCarry
{
    /// <summary>KZRU-11: not reached at its session and deferred to the next one.</summary>
    Deferred = 0,
    /// <summary>KZRU-20: referred to an expert group, which brings back its proposal.</summary>
    ReturnedFromExpertGroup = 1,
}

/// <summary>Where a carried item comes from: the earlier item, why, and the referral when an expert group brings it back.</summary>
public sealed record AgendaItemOrigin(Guid FromItemId, AgendaCarry Reason, Guid? ReferralId);

/// <summary>
/// What happened to an item at its session, as the deferral and referral rules read it: whether it
/// was put to the vote (any round), whether a vote on it is open, whether a round adopted it,
/// whether it was referred to an expert group, whether it was deferred.
/// </summary>
public sealed record ItemStanding(bool Voted, bool VoteOpen, bool Adopted, bool Referred, bool Deferred);
