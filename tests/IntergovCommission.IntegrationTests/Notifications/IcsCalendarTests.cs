using System.Text;
using IntergovCommission.Web.Infrastructure.Calendar;

namespace IntergovCommission.IntegrationTests.Notifications;

public sealed class IcsCalendarTests
{
    private static readonly CalendarEvent Session = new(
        Guid.Parse("3f2c1b9e-1d2a-4c55-9f10-2b7a8e6d4c11"),
        new DateTimeOffset(2026, 12, 10, 10, 0, 0, TimeSpan.FromHours(5)),
        new DateTimeOffset(2026, 12, 10, 13, 0, 0, TimeSpan.FromHours(5)),
        "Заседание № 3 Казахстанско-российской межгосударственной комиссии по лётным испытаниям «Союз-5», «Байтерек»",
        "Астана, пр. Мәңгілік Ел, 55/17; зал 3",
        "Повестка: 1) программа; 2) разное",
        "http://127.0.0.1:5080/Sessions/Details/3f2c1b9e-1d2a-4c55-9f10-2b7a8e6d4c11",
        new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero),
        false);

    [Fact]
    public void Times_are_written_in_utc()
    {
        var ics = IcsCalendar.Build("Сессии", [Session]);
        Assert.Contains("DTSTART:20261210T050000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND:20261210T080000Z\r\n", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_are_folded_at_75_octets_without_breaking_characters()
    {
        var ics = IcsCalendar.Build("Сессии", [Session]);
        foreach (var line in ics.Split("\r\n"))
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line);
        }

        var unfolded = ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:" + Session.Summary.Replace(",", "\\,", StringComparison.Ordinal), unfolded, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_values_are_escaped()
    {
        var ics = IcsCalendar.Build("Сессии", [Session]).Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("LOCATION:Астана\\, пр. Мәңгілік Ел\\, 55/17\\; зал 3", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancelled_session_is_marked_cancelled()
    {
        var ics = IcsCalendar.Build("Сессии", [Session with { Cancelled = true }]);
        Assert.Contains("STATUS:CANCELLED", ics, StringComparison.Ordinal);
    }
}
