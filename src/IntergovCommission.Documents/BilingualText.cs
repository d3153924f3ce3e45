namespace IntergovCommission.Documents;

/// <summary>The same wording in Kazakh and in Russian (Regulation cl. 13: decisions are formalised in Russian, the Kazakh text in parallel).</summary>
public sealed record BilingualText(string Kk, string Ru)
{
    public override string ToString() => $"{Kk} / {Ru}";
}

public enum DocumentLanguage
{
    Kazakh,
    Russian,
}

public enum VoteChoice
{
    For,
    Against,
    Abstain,
}

/// <summary>A co-chair's online approval (KZRU-18); <see cref="ApprovedAt"/> is null while it is awaited.
/// <see cref="Name"/> is the person's name in each document language; <see cref="Side"/> the side's name (nominative).</summary>
public sealed record CoChairApproval(BilingualText Name, BilingualText Side, DateTimeOffset? ApprovedAt);

/// <summary>A dissenting opinion (KZRU-19), printed in full in the language its author wrote it in.</summary>
public sealed record DissentingOpinion(string Author, BilingualText Side, string Text, DocumentLanguage Language);
