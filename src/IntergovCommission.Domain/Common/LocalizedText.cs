namespace IntergovCommission.Domain.Common;

/// <summary>
/// A text kept per language (KZRU-23: Kazakh and Russian texts side by side; English for the interface).
/// Stored as three columns; Russian, the working language, is the fallback.
/// </summary>
public sealed record LocalizedText(string? Kk, string? Ru, string? En)
{
    public static LocalizedText Empty { get; } = new(null, null, null);

    public string For(string language) => language switch
    {
        "kk" => Kk ?? Ru ?? En ?? string.Empty,
        "en" => En ?? Ru ?? Kk ?? string.Empty,
        _ => Ru ?? Kk ?? En ?? string.Empty,
    };

    /// <summary>The text in exactly this language, no fallback (null when absent).</summary>
    public string? Exactly(string language) => language switch
    {
        "kk" => Kk,
        "en" => En,
        _ => Ru,
    };

    public bool IsEmpty => string.IsNullOrWhiteSpace(Kk) && string.IsNullOrWhiteSpace(Ru) && string.IsNullOrWhiteSpace(En);

    public static LocalizedText Of(string? kk, string? ru, string? en = null) =>
        new(Normalize(kk), Normalize(ru), Normalize(en));

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
