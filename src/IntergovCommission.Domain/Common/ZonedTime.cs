using System.Globalization;

namespace IntergovCommission.Domain.Common;

/// <summary>
/// The one way a moment is written for people (issue 15 item 8): on the clock of a named IANA zone, always
/// saying which. <see cref="Document"/> is exactly what the issued PDFs print ("21.11.2026 14:05 (UTC+05:00)",
/// Documents' <c>Bilingual.Moment</c>), so the public verification page shows the same text as the paper.
/// </summary>
public static class ZonedTime
{
    public static DateTimeOffset In(DateTimeOffset moment, string timeZoneId) =>
        TimeZoneInfo.ConvertTime(moment, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));

    /// <summary>"21.11.2026 14:05 (UTC+05:00)": as the PDFs print it.</summary>
    public static string Document(DateTimeOffset moment, string timeZoneId) => Offset(In(moment, timeZoneId), includeZoneName: null, minus: "\u2212");

    /// <summary>"12.03.2026 10:00 (Asia/Almaty, UTC+05:00)": the screens' form, naming the zone too.</summary>
    public static string Screen(DateTimeOffset moment, string timeZoneId) => Offset(In(moment, timeZoneId), timeZoneId, minus: "-");

    private static string Offset(DateTimeOffset local, string? includeZoneName, string minus)
    {
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? minus : "+";
        var abs = offset.Duration();
        var utc = string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{abs.Hours:00}:{abs.Minutes:00}");
        return string.Create(CultureInfo.InvariantCulture, $"{local:dd.MM.yyyy HH:mm} ({(includeZoneName is null ? utc : includeZoneName + ", " + utc)})");
    }
}
