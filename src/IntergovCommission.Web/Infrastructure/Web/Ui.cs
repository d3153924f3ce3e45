using System.Globalization;
using IntergovCommission.Domain.Common;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Infrastructure.Web;

/// <summary>Small view helpers: pick the text of the interface language, format dates with the zone.</summary>
public static class Ui
{
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        "kk" => "kk",
        "en" => "en",
        _ => "ru",
    };

    public static string L(LocalizedText? text) => text?.For(Language) ?? string.Empty;

    public static string Date(DateOnly? date) => date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>A term of office: "10.02.2026 – 10.02.2029", or "с 10.02.2026" (Roster.TermFrom) while it has no end.</summary>
    public static string Term(IStringLocalizer text, DateOnly start, DateOnly? end) =>
        end is null ? text["Roster.TermFrom", Date(start)] : $"{Date(start)} – {Date(end)}";

    public static string DateInput(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>A moment shown in the given IANA zone, with the zone named (e.g. "12.03.2026 10:00 (Asia/Almaty, UTC+05:00)").
    /// The zone is the session's where the session matters, the reader's own otherwise (<c>CurrentZone</c>).</summary>
    public static string Moment(DateTimeOffset moment, string timeZoneId) => ZonedTime.Screen(moment, timeZoneId);

    /// <summary>A moment exactly as the issued PDFs print it ("21.11.2026 14:05 (UTC+05:00)"): for pages that quote a document.</summary>
    public static string AsDocument(DateTimeOffset moment, string timeZoneId) => ZonedTime.Document(moment, timeZoneId);

    /// <summary>A clause reference ("cl. 10", as the profiles store it) in the interface language: "п. 10", "10-тармағы", "cl. 10".</summary>
    public static string Clause(string? clause)
    {
        if (clause is null || !clause.StartsWith("cl. ", StringComparison.Ordinal))
        {
            return clause ?? string.Empty;
        }

        var number = clause[4..];
        return Language switch
        {
            "ru" => "п. " + number,
            "kk" => number + "-тармағы",
            _ => clause,
        };
    }

    /// <summary>
    /// A clause reference as a refusal cites it: "Согласно {1} Положения" → "п. 10", "Ереженің {1} сәйкес" →
    /// "10-тармағына" (the dative the postposition takes), "Under {1} of the Regulation" → "cl. 10".
    /// </summary>
    public static string ClauseCited(string clause) => Language == "kk" && clause.StartsWith("cl. ", StringComparison.Ordinal)
        ? clause[4..] + "-тармағына"
        : Clause(clause);

    /// <summary>Refusal arguments with any clause reference shown in the interface language.</summary>
    public static object[] LocalizeArguments(IEnumerable<object> arguments) =>
        arguments.Select(a => a is string text && text.StartsWith("cl. ", StringComparison.Ordinal) ? ClauseCited(text) : a).ToArray();
}
