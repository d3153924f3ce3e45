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
    string? ContentHash);

/// <param name="Speaker">Who reports on the item, if known.</param>
public sealed record AgendaEntry(int Number, BilingualText Title, string? Speaker);

/// <param name="Items">Numbers of the agenda items the person speaks to.</param>
public sealed record InvitedPerson(string Name, string Organisation, BilingualText Topic, IReadOnlyList<int> Items);
