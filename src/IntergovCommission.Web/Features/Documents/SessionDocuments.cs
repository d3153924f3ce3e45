using System.Security.Cryptography;
using System.Text.Json;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Documents;
using IntergovCommission.Web.Infrastructure.Mediator;

namespace IntergovCommission.Web.Features.Documents;

/// <summary>A rendered session document: what the browser downloads.</summary>
public sealed record PdfFile(string FileName, byte[] Content, string ContentHash)
{
    public const string ContentType = "application/pdf";
}

/// <summary>
/// Who reads a session's documents (the agenda and minutes PDFs), and the wording the use cases fill
/// the document records with. The documents are issued in the languages of the commission's profile
/// (KZRU-23: Kazakh and Russian side by side; CIS-13: Russian only), whatever the reader's interface
/// language, and name the body and its positions in the profile's words (<see cref="Body"/>, <see cref="Role(RegulationProfile, CommissionRole)"/>).
/// </summary>
public static class SessionDocuments
{
    /// <summary>
    /// Whoever reads the session reads its documents: the commission's members, secretaries,
    /// co-chairs, deputies and representatives, and administrators. An invited person sees only the
    /// items they speak to (KZRU-14), so not the whole agenda or the minutes.
    /// </summary>
    public static bool MayRead(Actor actor, Guid commissionId) =>
        actor.IsAuthenticated && (actor.IsAdministrator || actor.IsIn(commissionId));

    public static void RequireReader(Actor actor, Guid commissionId)
    {
        Require.InCommission(actor, commissionId);
        if (!MayRead(actor, commissionId))
        {
            throw Require.InvitedOnly(actor, commissionId);
        }
    }

    /// <summary>Both forms of a text; a missing one falls back to the other.</summary>
    /// <summary>
    /// KZRU-23: each column its own language only; a missing text prints a dash, never the other language's text
    /// (KZRU-23 keeps such an agenda from being sent for approval; this guards older records).
    /// </summary>
    public static BilingualText Exact(LocalizedText text) =>
        new(string.IsNullOrWhiteSpace(text.Kk) ? "—" : text.Kk, string.IsNullOrWhiteSpace(text.Ru) ? "—" : text.Ru);

    public static BilingualText Both(LocalizedText text) => new(text.Kk ?? text.Ru ?? text.En ?? string.Empty, text.Ru ?? text.Kk ?? text.En ?? string.Empty);

    /// <summary>A person's name as the documents print it: the Kazakh form, and the Russian one when it differs ("Нұрлан Қасымов · Нурлан Касымов").</summary>
    public static string Name(LocalizedText name)
    {
        var kk = name.Kk;
        var ru = name.Ru;
        if (kk is null || ru is null || string.Equals(kk, ru, StringComparison.Ordinal))
        {
            return ru ?? kk ?? name.En ?? string.Empty;
        }

        return $"{kk} · {ru}";
    }

    /// <summary>A person's name for each document column: the Kazakh form in the Kazakh column, the Russian form in the Russian one.</summary>
    public static BilingualText Names(LocalizedText name) => Both(name);

    /// <summary>
    /// The body that issues the commission's documents, from its profile: the document languages
    /// (KZRU-23 / CIS-13), the body's words (<see cref="RegulationProfile.Documents"/>; none: the
    /// Interstate Commission's, glossary.md), a vote per state (CIS-01), where dissent goes (KZRU-19 /
    /// CIS-08) and the clause on expert groups.
    /// </summary>
    public static IssuingBody Body(RegulationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var body = profile.Documents is { } w
            ? new IssuingBody
            {
                Languages = ["ru"],
                Name = Text(w.Name),
                Genitive = Text(w.Genitive),
                Resolved = Text(w.Resolved),
                PositionHeader = Text(w.PositionHeader),
                AgendaApproved = Text(w.AgendaApproved),
                AgendaApprovalHeading = Text(w.AgendaApprovalHeading),
                ApproverHeader = Text(w.ApproverHeader),
                LanguageNote = w.LanguageNote is { } note ? Text(note) : null,
            }
            : IssuingBody.InterstateCommission;
        var expertGroup = profile.Capabilities.FirstOrDefault(g => g.Capability == Capability.ReferToExpertGroup)?.Rule.Clause;
        return body with
        {
            Languages = [.. profile.Languages.DocumentLanguages],
            VotesByState = profile.Voting.Unit == VoteUnit.State,
            DissentInMinutes = !profile.Dissent.AttachedToDecision,
            ExpertGroupClause = expertGroup is null ? null : ClauseNumber(expertGroup),
        };
    }

    /// <summary>A stored text keyed by language code, for the documents.</summary>
    public static LanguageText Text(LocalizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, value) in new[] { ("kk", text.Kk), ("ru", text.Ru), ("en", text.En) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                texts[code] = value;
            }
        }

        return new LanguageText(texts);
    }

    /// <summary>A person's name for documents in <paramref name="body"/>'s languages: with Kazakh, <see cref="Name(LocalizedText)"/>; without, the Russian form alone.</summary>
    public static string Name(LocalizedText name, IssuingBody body)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(body);
        return body.Languages.Contains("kk", StringComparer.Ordinal) ? Name(name) : name.For(body.Languages[0]);
    }

    /// <summary>
    /// A position in the documents: the profile's document name of the role (KZRU: the glossary's «член
    /// Межгосударственной комиссии»; CIS: «Председатель Совета»), its interface name where it has none.
    /// </summary>
    public static BilingualText Role(RegulationProfile profile, CommissionRole role)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.DocumentNameOf(role) is { IsEmpty: false } name ? Both(name) : new(role.ToString(), role.ToString());
    }

    /// <summary>
    /// The position the minutes are signed in: those who keep the register sign in the profile's name of their role
    /// (the secretary, a council's secretariat), the presiding person as «Председательствующий» (glossary).
    /// </summary>
    public static BilingualText SigningPosition(RegulationProfile profile, CommissionRole role)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.RolesFor(Capability.KeepRegister).Contains(role) && profile.RoleOf(role)?.Name is { IsEmpty: false } name
            ? Both(name)
            : new("Төрағалық етуші", "Председательствующий");
    }

    /// <summary>KZRU-09: in person, by video-conference, or both (Regulation cl. 9).</summary>
    public static BilingualText Format(SessionFormat format) => format switch
    {
        SessionFormat.InPerson => Glossary.InPerson.Bilingual,
        SessionFormat.Video => Glossary.Video.Bilingual,
        SessionFormat.Mixed => Glossary.Mixed.Bilingual,
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The place in each document language (the Kazakh form when given, else the one place); a session held only by video-conference has none.</summary>
    public static BilingualText Place(string? place, string? placeKk = null) =>
        string.IsNullOrWhiteSpace(place) ? new("Бейнеконференцбайланыс режимінде", "В режиме видеоконференции") : new(string.IsNullOrWhiteSpace(placeKk) ? place : placeKk, place);

    /// <summary>
    /// An invited person's topics: without a Kazakh form, the one free text in the language the secretary
    /// wrote it in, printed once (as before, so the content hash of such documents is unchanged); with it,
    /// the Kazakh text above the Russian one.
    /// </summary>
    public static BilingualText Topics(string? topics, string? topicsKk) =>
        string.IsNullOrWhiteSpace(topicsKk) ? new(topics ?? "—", string.Empty) : new(topicsKk, topics ?? string.Empty);

    /// <summary>The number of a clause as the profile cites it ("cl. 10" → "10", "s. 5.3" → "5.3"), for the documents' own wording.</summary>
    public static string ClauseNumber(string clause)
    {
        var start = clause.AsSpan().IndexOfAnyInRange('0', '9');
        return start < 0 ? clause : clause[start..].Trim();
    }

    /// <summary>The session's day on the wall clock of the zone it was set in.</summary>
    public static DateOnly Day(DateTimeOffset startsAt, string timeZoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(startsAt, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).DateTime);

    /// <summary>An instant on the wall clock of a zone (the printed time carries its offset).</summary>
    public static DateTimeOffset InZone(DateTimeOffset instant, string timeZoneId) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));

    /// <summary>
    /// SHA-256 (lower-case hex) of the document's data without its hash: the same session data gives
    /// the same hash, whenever and by whomever the PDF is downloaded.
    /// </summary>
    public static string ContentHash<T>(T documentWithoutHash) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(documentWithoutHash, HashJson))).ToLowerInvariant();

    private static readonly JsonSerializerOptions HashJson = new() { WriteIndented = false };

    public static string AgendaFileName(int sessionNumber) => FormattableString.Invariant($"agenda-session-{sessionNumber}.pdf");

    public static string MinutesFileName(int sessionNumber) => FormattableString.Invariant($"minutes-session-{sessionNumber}.pdf");
}
