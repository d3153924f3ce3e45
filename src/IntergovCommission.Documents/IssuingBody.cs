namespace IntergovCommission.Documents;

/// <summary>
/// A text in each document language, keyed by the language's code ("kk", "ru", ...): the body's own
/// words come to the documents this way, so a profile with other languages brings its words with it.
/// </summary>
public sealed class LanguageText
{
    private readonly Dictionary<string, string> _texts;

    public LanguageText(IReadOnlyDictionary<string, string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        _texts = new Dictionary<string, string>(texts, StringComparer.Ordinal);
    }

    /// <summary>The text in <paramref name="language"/>; a language the caller gave no text in is an error, not a silent gap.</summary>
    public string this[string language] => _texts.TryGetValue(language, out var text)
        ? text
        : throw new ArgumentException($"No text in the document language \"{language}\".", nameof(language));

    public bool Has(string language) => _texts.TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text);

    public static LanguageText Of(params (string Language, string Text)[] texts) =>
        new(texts.ToDictionary(t => t.Language, t => t.Text, StringComparer.Ordinal));

    public static LanguageText From(BilingualText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Of(("kk", text.Kk), ("ru", text.Ru));
    }

    public override string ToString() => string.Join(" / ", _texts.Values);
}

/// <summary>
/// The body that issues a document, in its own words, and the languages it issues documents in
/// (from the commission's regulation profile). One language: one full-width column; two: parallel
/// columns in the order given. The composers know the standard wording of a document in Kazakh
/// ("kk") and Russian ("ru"); the body's name, its genitive and its operative formula come from here.
/// </summary>
public sealed record IssuingBody
{
    /// <summary>The document languages in column order, e.g. ["kk", "ru"] (KZRU-23) or ["ru"] (CIS-13).</summary>
    public required IReadOnlyList<string> Languages { get; init; }

    /// <summary>The short name in the nominative: «Межгосударственная комиссия», «Совет».</summary>
    public required LanguageText Name { get; init; }

    /// <summary>The short name in the genitive: «Межгосударственной комиссии», «Совета».</summary>
    public required LanguageText Genitive { get; init; }

    /// <summary>The operative formula, the verb agreeing with the body: «Межгосударственная комиссия РЕШИЛА:», «Совет РЕШИЛ:».</summary>
    public required LanguageText Resolved { get; init; }

    /// <summary>The header of the position column: «Должность в Комиссии», «Должность в Совете».</summary>
    public required LanguageText PositionHeader { get; init; }

    /// <summary>One vote per state (CIS-01): the roll call, the tally and the quorum count states, and a "side" is printed as «Государство».</summary>
    public bool VotesByState { get; init; }

    /// <summary>Dissenting opinions are entered in the minutes (CIS-08), not annexed to the decision (KZRU-19).</summary>
    public bool DissentInMinutes { get; init; }

    /// <summary>The note on the language of the decision (KZRU-23, cl. 13); null prints none.</summary>
    public LanguageText? LanguageNote { get; init; }

    /// <summary>The clause that refers a question to an expert group, cited in the minutes; null cites none.</summary>
    public string? ExpertGroupClause { get; init; }

    /// <summary>The approval line of an approved agenda: «УТВЕРЖДЕНА сопредседателями Межгосударственной комиссии».</summary>
    public required LanguageText AgendaApproved { get; init; }

    /// <summary>The heading of the agenda's approval table and its approver column: «УТВЕРЖДЕНИЕ СОПРЕДСЕДАТЕЛЯМИ» / «Сопредседатель».</summary>
    public required LanguageText AgendaApprovalHeading { get; init; }

    public required LanguageText ApproverHeader { get; init; }

    /// <summary>The Kazakh-Russian Interstate Commission (glossary): Kazakh and Russian in parallel.</summary>
    public static IssuingBody InterstateCommission { get; } = new()
    {
        Languages = ["kk", "ru"],
        Name = LanguageText.From(Glossary.Commission.Bilingual),
        Genitive = LanguageText.From(Glossary.CommissionGenitive.Bilingual),
        Resolved = LanguageText.Of(("kk", $"{Glossary.Commission.Kk} ШЕШІМ ҚАБЫЛДАДЫ:"), ("ru", $"{Glossary.Commission.Ru} РЕШИЛА:")),
        PositionHeader = LanguageText.Of(("kk", "Комиссиядағы лауазымы"), ("ru", "Должность в Комиссии")),
        LanguageNote = LanguageText.From(Glossary.DecisionLanguage.Bilingual),
        ExpertGroupClause = "10",
        AgendaApproved = LanguageText.Of(("kk", $"{Glossary.CommissionGenitive.Kk} тең төрағалары БЕКІТКЕН"), ("ru", $"УТВЕРЖДЕНА сопредседателями {Glossary.CommissionGenitive.Ru}")),
        AgendaApprovalHeading = LanguageText.Of(("kk", "ТЕҢ ТӨРАҒАЛАРДЫҢ БЕКІТУІ"), ("ru", "УТВЕРЖДЕНИЕ СОПРЕДСЕДАТЕЛЯМИ")),
        ApproverHeader = LanguageText.Of(("kk", "Тең төраға"), ("ru", "Сопредседатель")),
    };

    /// <summary>The language codes the composers have standard wording for.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["kk", "ru"];

    internal void Validate()
    {
        if (Languages.Count is < 1 or > 2)
        {
            throw new ArgumentException("A document is printed in one language or two in parallel.");
        }

        if (Languages.Distinct(StringComparer.Ordinal).Count() != Languages.Count)
        {
            throw new ArgumentException("A document language is listed twice.");
        }

        foreach (var language in Languages)
        {
            if (!Supported.Contains(language, StringComparer.Ordinal))
            {
                throw new ArgumentException($"No standard document wording in the language \"{language}\".");
            }

            foreach (var (text, what) in new[] { (Name, "name"), (Genitive, "genitive"), (Resolved, "operative formula"), (PositionHeader, "position header"),
                         (AgendaApproved, "agenda approval"), (AgendaApprovalHeading, "agenda approval heading"), (ApproverHeader, "approver header") })
            {
                if (!text.Has(language))
                {
                    throw new ArgumentException($"The body's {what} has no text in \"{language}\".");
                }
            }
        }
    }
}
