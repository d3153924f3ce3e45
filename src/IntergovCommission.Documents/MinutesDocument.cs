namespace IntergovCommission.Documents;

/// <summary>The minutes of a session: attendance, quorum, and for each agenda item the vote, decision and dissent.</summary>
/// <param name="ContentHash">Optional hash printed in the footer (hex).</param>
/// <param name="Invited">The invited persons (KZRU-14): printed under ШАҚЫРЫЛҒАН ТҰЛҒАЛАР ‖ ПРИГЛАШЕННЫЕ ЛИЦА.</param>
public sealed record MinutesDocument(
    BilingualText CommissionName,
    int SessionNumber,
    DateOnly Date,
    BilingualText Place,
    BilingualText Format,
    IReadOnlyList<BilingualText> Presiding,
    IReadOnlyList<AttendanceEntry> Attendance,
    QuorumLine Quorum,
    IReadOnlyList<MinutesItem> Items,
    IReadOnlyList<MinutesSignatory> Signatories,
    string? ContentHash,
    IReadOnlyList<InvitedPerson>? Invited = null,
    [property: System.Text.Json.Serialization.JsonIgnore] IssuingBody? Body = null);

public enum AttendanceMode
{
    InPerson,
    Video,
    Absent,
    Represented,
}

/// <param name="RepresentedBy">Who attended for an absent member (speaks, never votes, never signs).</param>
public sealed record AttendanceEntry(string Name, BilingualText Side, BilingualText Role, AttendanceMode Mode, string? RepresentedBy = null);

/// <summary>The quorum as computed by the profile; <see cref="Clause"/> is the number of the Regulation's clause it applies ("10").</summary>
public sealed record QuorumLine(bool Reached, int Present, int Total, int Required, string Clause);

public enum ItemOutcome
{
    Adopted,
    Rejected,
    ReferredToExpertGroup,
    NotPutToVote,
}

public sealed record VoteTally(int For, int Against, int Abstain);

public sealed record MinutesItem(
    int Number,
    BilingualText Title,
    ItemOutcome Outcome,
    VoteTally? Vote,
    string? DecisionNumber,
    IReadOnlyList<DissentingOpinion> Dissent);

/// <param name="Role">The position the minutes sign in: «Төрағалық етуші» ‖ «Председательствующий», «Хатшы» ‖ «Секретарь».</param>
public sealed record MinutesSignatory(BilingualText Name, BilingualText Role);
