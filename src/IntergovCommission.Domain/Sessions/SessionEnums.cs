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
public sealed record AgendaItemContent(
    Common.LocalizedText Title,
    string? Rapporteurs,
    Regulation.DecisionKind DecisionKind,
    Common.LocalizedText DraftDecision);

/// <summary>The editable content of an invited person (KZRU-07, KZRU-14).</summary>
public sealed record InviteeContent(string FullName, string Organisation, Guid? PersonId, string? Topics, IReadOnlyCollection<Guid> ItemIds);
