using IntergovCommission.Domain.Common;

namespace IntergovCommission.Domain.Regulation;

/// <summary>A text a document language needs and does not have: which item (0 for a decision), which field, which language.</summary>
/// <param name="Field">The field as the API names it: "title", "draftDecision", "text".</param>
public sealed record MissingText(int ItemNumber, string Field, string Language)
{
    /// <summary>The API's name of the missing field ("titleKk", "draftDecisionKk").</summary>
    public string ApiField => Field + char.ToUpperInvariant(Language[0]) + Language[1..];
}

/// <summary>
/// KZRU-23 (cl. 13), CIS-13: official documents carry every text in each of the profile's document languages (KZRU: Kazakh
/// and Russian side by side; CIS: Russian). An agenda is not sent for approval, nor a decision for signature, while one is missing.
/// </summary>
public static class DocumentTexts
{
    /// <summary>An agenda item's title in every language, and its draft decision too where it has one.</summary>
    public static IReadOnlyList<MissingText> MissingInItem(int number, LocalizedText title, LocalizedText draftDecision, IReadOnlyList<string> languages)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(draftDecision);
        ArgumentNullException.ThrowIfNull(languages);
        var hasDraft = !string.IsNullOrWhiteSpace(draftDecision.Kk) || !string.IsNullOrWhiteSpace(draftDecision.Ru);
        var missing = new List<MissingText>();
        foreach (var language in languages)
        {
            if (string.IsNullOrWhiteSpace(title.Exactly(language)))
            {
                missing.Add(new MissingText(number, "title", language));
            }

            if (hasDraft && string.IsNullOrWhiteSpace(draftDecision.Exactly(language)))
            {
                missing.Add(new MissingText(number, "draftDecision", language));
            }
        }

        return missing;
    }

    /// <summary>A decision's title and text in every document language.</summary>
    public static IReadOnlyList<MissingText> MissingInDecision(string? titleKk, string? titleRu, string? textKk, string? textRu, IReadOnlyList<string> languages)
    {
        ArgumentNullException.ThrowIfNull(languages);
        var missing = new List<MissingText>();
        foreach (var language in languages)
        {
            var (title, text) = language == "kk" ? (titleKk, textKk) : (titleRu, textRu);
            if (string.IsNullOrWhiteSpace(title))
            {
                missing.Add(new MissingText(0, "title", language));
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                missing.Add(new MissingText(0, "text", language));
            }
        }

        return missing;
    }

    /// <summary>"№ 2: titleKk, draftDecisionKk; № 3: titleKk" (or "titleKk, textKk" for a decision): language-neutral, the API's field names.</summary>
    public static string Describe(IEnumerable<MissingText> missing) =>
        string.Join("; ", missing.GroupBy(m => m.ItemNumber).OrderBy(g => g.Key)
            .Select(g => (g.Key > 0 ? "№ " + g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " : string.Empty) + string.Join(", ", g.Select(m => m.ApiField))));

    /// <summary>The refusal: the profile's language rule, the list of what is missing.</summary>
    public static RuleViolationException Refusal(LanguageRule rule, string key, string englishMessage, IReadOnlyList<MissingText> missing)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new RuleViolationException(rule.Rule.Id, key, englishMessage, rule.Rule.Id, rule.Rule.Clause, Describe(missing));
    }
}
