using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IntergovCommission.Domain.Audit;

/// <summary>
/// The canonical content of one audit row and its chained hash. The hash of row n is
/// SHA-256 over the canonical form, which includes n and the hash of row n-1, so a row cannot be
/// changed, removed, inserted or renumbered without breaking the link that follows it.
/// <para>
/// The form must survive a round trip through PostgreSQL: <c>request</c> and <c>changes</c> are
/// <c>jsonb</c> (keys reordered, whitespace dropped, <c>1E+2</c> printed as <c>100</c>, <c>1.50</c>
/// kept with its scale) and <c>at</c> keeps microseconds. So JSON is re-written with keys in ordinal
/// order, strings decoded and minimally escaped, and numbers reduced to digits and an exponent;
/// the time is cut to microseconds before it is stored and printed in UTC with six decimals.
/// </para>
/// </summary>
public static class AuditCanonicalForm
{
    /// <summary>The predecessor of the first row.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Version tag, the first element of every canonical form.</summary>
    public const string Version = "intergov-audit/1";

    public static DateTimeOffset ToStoredPrecision(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    public static string Of(AuditRecord row, long seq, string previousHash)
    {
        var text = new StringBuilder(256 + row.Request.Length + row.Changes.Length);
        text.Append('[');
        WriteString(text, Version);
        text.Append(',').Append(seq.ToString(CultureInfo.InvariantCulture));
        text.Append(',');
        WriteString(text, row.Id.ToString("D"));
        text.Append(',');
        WriteString(text, ToStoredPrecision(row.At).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        text.Append(',');
        WriteNullable(text, row.UserId?.ToString("D"));
        text.Append(',');
        WriteNullable(text, row.UserName);
        text.Append(',');
        WriteNullable(text, row.CommissionId?.ToString("D"));
        text.Append(',');
        WriteString(text, row.Action);
        text.Append(',');
        WriteJson(text, row.Request);
        text.Append(',');
        WriteJson(text, row.Changes);
        text.Append(',');
        WriteNullable(text, row.CorrelationId);
        text.Append(',');
        WriteNullable(text, row.RemoteAddress);
        text.Append(',');
        WriteString(text, previousHash);
        text.Append(']');
        return text.ToString();
    }

    /// <summary>Lower-case hex SHA-256 of the canonical form.</summary>
    public static string Hash(AuditRecord row, long seq, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Of(row, seq, previousHash))));

    /// <summary>JSON text in canonical form: the same for every text PostgreSQL's jsonb treats as equal.</summary>
    public static string Json(string json)
    {
        var text = new StringBuilder(json.Length);
        WriteJson(text, json);
        return text.ToString();
    }

    private static void WriteJson(StringBuilder text, string json)
    {
        using var document = JsonDocument.Parse(json);
        Write(text, document.RootElement);
    }

    private static void Write(StringBuilder text, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append('{');
                var first = true;
                // jsonb keeps the last of duplicate keys.
                var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    properties[property.Name] = property.Value;
                }

                foreach (var (name, value) in properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        text.Append(',');
                    }

                    first = false;
                    WriteString(text, name);
                    text.Append(':');
                    Write(text, value);
                }

                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (index++ > 0)
                    {
                        text.Append(',');
                    }

                    Write(text, item);
                }

                text.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(text, element.GetString()!);
                break;
            case JsonValueKind.Number:
                text.Append(Number(element.GetRawText()));
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            default:
                text.Append("null");
                break;
        }
    }

    /// <summary>A JSON number as sign, significant digits and exponent: 1.50, 15e-1 and 0.15E1 are all "15e-1"; 100 and 1E+2 are "1e2".</summary>
    public static string Number(string raw)
    {
        var negative = raw.StartsWith('-');
        var body = negative ? raw[1..] : raw;
        var exponent = 0L;
        var e = body.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            exponent = long.Parse(body[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            body = body[..e];
        }

        var point = body.IndexOf('.', StringComparison.Ordinal);
        if (point >= 0)
        {
            exponent -= body.Length - point - 1;
            body = body.Remove(point, 1);
        }

        body = body.TrimStart('0');
        if (body.Length == 0)
        {
            return "0";
        }

        var trimmed = body.TrimEnd('0');
        exponent += body.Length - trimmed.Length;
        var result = (negative ? "-" : string.Empty) + trimmed;
        return exponent == 0 ? result : result + "e" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    private static void WriteNullable(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("null");
        }
        else
        {
            WriteString(text, value);
        }
    }

    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case < ' ':
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        text.Append('"');
    }
}
