using System.Globalization;

namespace IntergovCommission.Web.Pages.Sessions;

/// <summary>Times of the session day as the room reads them: the time of day on the session's clock, with its offset ("10:45 (UTC+05:00)").</summary>
public static class RoomClock
{
    public static string Time(DateTimeOffset moment, string timeZoneId, bool seconds = false)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var local = TimeZoneInfo.ConvertTime(moment, zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return seconds
            ? string.Create(CultureInfo.InvariantCulture, $"{local:HH:mm:ss} (UTC{sign}{offset:hh\\:mm})")
            : string.Create(CultureInfo.InvariantCulture, $"{local:HH:mm} (UTC{sign}{offset:hh\\:mm})");
    }

    /// <summary>The instant as ISO 8601 for the page's script (the countdown).</summary>
    public static string Iso(DateTimeOffset moment) => moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
