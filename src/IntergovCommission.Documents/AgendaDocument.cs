using System.Text.Json.Serialization;

namespace IntergovCommission.Documents;

/// <summary>The agenda of a session as approved by both co-chairs (KZRU-11), with the invited persons.</summary>
public sealed record AgendaDocument(
    BilingualText CommissionName,
    int SessionNumber,
    DateOnly Date,
    BilingualText Place,
    BilingualText Format,
    IReadOnlyList<AgendaEntry> Items,
    IReadOnlyList<InvitedPerson> Invited,
    IReadOnlyList<CoChairApproval> Approvals,
    string? ContentHash,
    [property: JsonIgnore] IssuingBody? Body = null);

/// <param name="Speaker">Who reports on the item, if known (Russian, or the one text).</param>
/// <param name="SpeakerKk">The same in Kazakh for the Kazakh column; null prints <paramref name="Speaker"/> there
/// (left out of the content hash when null, so agendas without it keep their hash).</param>
public sealed record AgendaEntry(
    int Number,
    BilingualText Title,
    string? Speaker,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SpeakerKk = null)
{
    /// <summary>The speakers in each document language (the Kazakh form when given, else the one text in both); null when none.</summary>
    [JsonIgnore]
    public BilingualText? SpeakerText =>
        string.IsNullOrWhiteSpace(Speaker) && string.IsNullOrWhiteSpace(SpeakerKk) ? null
            : new(string.IsNullOrWhiteSpace(SpeakerKk) ? Speaker! : SpeakerKk, string.IsNullOrWhiteSpace(Speaker) ? SpeakerKk! : Speaker);
}

/// <param name="Items">Numbers of the agenda items the person speaks to.</param>
/// <param name="OrganisationKk">The organisation in Kazakh, printed above the Russian one; null prints the one text
/// (left out of the content hash when null, so documents without it keep their hash).</param>
public sealed record InvitedPerson(
    string Name,
    string Organisation,
    BilingualText Topic,
    IReadOnlyList<int> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OrganisationKk = null)
{
    /// <summary>The organisation in each document language (the Kazakh form when given, else the one text in both).</summary>
    [JsonIgnore]
    public BilingualText OrganisationText => new(string.IsNullOrWhiteSpace(OrganisationKk) ? Organisation : OrganisationKk, Organisation);
}
