using System.Globalization;
using System.Text;

namespace IntergovCommission.Web.Infrastructure.Calendar;

/// <summary>One calendar event (a session) for an .ics feed.</summary>
public sealed record CalendarEvent(Guid Uid, DateTimeOffset Start, DateTimeOffset End, string Summary, string? Location, string? Description, string? Url, DateTimeOffset Stamp, bool Cancelled);

/// <summary>
/// RFC 5545 iCalendar text: CRLF line ends, lines folded at 75 octets, TEXT values escaped,
/// times in UTC so every client shows them in its own zone.
/// </summary>
public static class IcsCalendar
{
    public static string Build(string calendarName, IEnumerable<CalendarEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//IntergovCommission//Sessions//RU");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        Line(sb, "X-WR-CALNAME:" + Escape(calendarName));
        foreach (var e in events)
        {
            Line(sb, "BEGIN:VEVENT");
            Line(sb, "UID:" + e.Uid.ToString("D") + "@intergov-commission");
            Line(sb, "DTSTAMP:" + Utc(e.Stamp));
            Line(sb, "DTSTART:" + Utc(e.Start));
            Line(sb, "DTEND:" + Utc(e.End));
            Line(sb, "SUMMARY:" + Escape(e.Summary));
            if (!string.IsNullOrWhiteSpace(e.Location))
            {
                Line(sb, "LOCATION:" + Escape(e.Location));
            }

            if (!string.IsNullOrWhiteSpace(e.Description))
            {
                Line(sb, "DESCRIPTION:" + Escape(e.Description));
            }

            if (!string.IsNullOrWhiteSpace(e.Url))
            {
                Line(sb, "URL:" + e.Url);
            }

            Line(sb, "STATUS:" + (e.Cancelled ? "CANCELLED" : "CONFIRMED"));
            Line(sb, "END:VEVENT");
        }

        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    public static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .ReplaceLineEndings("\\n");

    private static string Utc(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Folds a content line at 75 octets (UTF-8), never splitting a character.</summary>
    private static void Line(StringBuilder sb, string line)
    {
        var octets = 0;
        var limit = 75; // continuation lines begin with one space, which counts
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 0;
                limit = 74;
            }

            sb.Append(rune.ToString());
            octets += size;
        }

        sb.Append("\r\n");
    }
}
