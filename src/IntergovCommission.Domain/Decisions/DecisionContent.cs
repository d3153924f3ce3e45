using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Voting;

namespace IntergovCommission.Domain.Decisions;

/// <summary>A line of the roll call annexed to a decision (KZRU-17: open personal vote).</summary>
public sealed record RollCallLine(Guid MembershipId, string NameRu, string? NameKk, string SideCode, VoteChoice? Choice, bool RecordedBySecretary);

/// <summary>
/// Everything a signature covers: both texts (KZRU-23), the metadata and the roll call. Its
/// <see cref="ContentHash"/> is what signers sign; any change gives another hash.
/// </summary>
public sealed record DecisionContent(
    string Number,
    DateOnly Date,
    string PlaceRu,
    string? PlaceKk,
    int SessionNumber,
    Guid AgendaItemId,
    DecisionKind Kind,
    string TitleKk,
    string TitleRu,
    IReadOnlyList<string> TextKk,
    IReadOnlyList<string> TextRu,
    IReadOnlyList<RollCallLine> RollCall,
    string BallotTextHash);

public static class ContentHash
{
    /// <summary>
    /// SHA-256 (lower-case hex) over a canonical form: one field per line, in a fixed order, every
    /// value length-prefixed so no two different contents serialise alike; paragraphs and
    /// roll-call lines in their given order (the roll call sorted by membership id).
    /// </summary>
    public static string Compute(DecisionContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var sb = new StringBuilder();
        void Field(string name, string? value)
        {
            var text = value ?? "\u2205";
            sb.Append(name).Append(':').Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(text).Append('\n');
        }

        Field("format", "intergov-decision/1");
        Field("number", content.Number);
        Field("date", content.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Field("place.ru", content.PlaceRu);
        Field("place.kk", content.PlaceKk);
        Field("session", content.SessionNumber.ToString(CultureInfo.InvariantCulture));
        Field("item", content.AgendaItemId.ToString("D"));
        Field("kind", content.Kind.ToString());
        Field("title.kk", content.TitleKk);
        Field("title.ru", content.TitleRu);
        Field("ballot", content.BallotTextHash);
        Field("text.kk.count", content.TextKk.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var paragraph in content.TextKk)
        {
            Field("text.kk", paragraph.ReplaceLineEndings("\n"));
        }

        Field("text.ru.count", content.TextRu.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var paragraph in content.TextRu)
        {
            Field("text.ru", paragraph.ReplaceLineEndings("\n"));
        }

        Field("rollcall.count", content.RollCall.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var line in content.RollCall.OrderBy(l => l.MembershipId))
        {
            Field("rollcall.member", line.MembershipId.ToString("D"));
            Field("rollcall.name.ru", line.NameRu);
            Field("rollcall.name.kk", line.NameKk);
            Field("rollcall.side", line.SideCode);
            Field("rollcall.choice", line.Choice?.ToString());
            Field("rollcall.recorded", line.RecordedBySecretary ? "1" : "0");
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()))).ToLowerInvariant();
    }
}
