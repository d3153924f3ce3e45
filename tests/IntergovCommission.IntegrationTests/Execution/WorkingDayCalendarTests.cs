using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IntergovCommission.Domain.Calendars;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Calendars;
using IntergovCommission.Web.Features.Tokens;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Execution;

/// <summary>WF-06: the shipped KZ and RU calendars, the working-day count over the API, an administrator's edits (audited, versioned).</summary>
public sealed class WorkingDayCalendarTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private readonly TestApp _app = fixture.App;

    internal static async Task<HttpClient> ClientAsync(TestApp app, string userName, string language = "en")
    {
        var token = await app.SendAsAsync(userName, new CreateAccessToken.Command { Name = "execution", ExpiresInDays = 30 });
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    [Theory]
    [InlineData("KZ", 2026, 247)]
    [InlineData("RU", 2025, 247)]
    [InlineData("RU", 2026, 247)]
    [InlineData("RU", 2027, 247)]
    public async Task The_shipped_years_have_the_working_days_their_sources_give(string country, int year, int workingDays)
    {
        var result = await _app.SendAsAsync("kz.member", new GetCalendarYear.Query(country, year));

        Assert.True(result.Entered);
        Assert.Equal(workingDays, result.WorkingDays);
        Assert.False(string.IsNullOrWhiteSpace(result.Source));
    }

    [Fact]
    public async Task A_moved_day_off_keeps_its_origin_and_the_estimated_year_is_provisional()
    {
        var ru = await _app.SendAsAsync("ru.member", new GetCalendarYear.Query("RU", 2026));
        var kz2027 = await _app.SendAsAsync("ru.member", new GetCalendarYear.Query("KZ", 2027));

        var dec31 = Assert.Single(ru.Days, d => d.Date == new DateOnly(2026, 12, 31));
        Assert.Equal(CalendarDayKind.DayOff, dec31.Kind);
        Assert.Equal(new DateOnly(2026, 1, 4), dec31.MovedFrom);
        Assert.True(kz2027.Provisional);
        Assert.False(ru.Provisional);
    }

    [Fact]
    public async Task The_api_counts_working_days_and_flags_a_year_without_a_calendar()
    {
        using var client = await ClientAsync(_app, "kz.secretary");

        var exact = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendars/KZ/working-days?from=2026-12-11&days=5");
        var flagged = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendars/RU/working-days?from=2027-12-30&days=1");

        Assert.Equal("2026-12-21", exact.GetProperty("date").GetString());
        Assert.Equal("5 working days from 11.12.2026, KZ calendar", exact.GetProperty("rule").GetString());
        Assert.Equal(0, exact.GetProperty("yearsWithoutCalendar").GetArrayLength());
        Assert.Equal("2028-01-03", flagged.GetProperty("date").GetString());
        Assert.Equal(2028, flagged.GetProperty("yearsWithoutCalendar")[0].GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/calendars/KZ/working-days?from=2026-12-11&days=0", "days", "from 1 to")]
    [InlineData("/api/v1/calendars/KZ/working-days?from=2026-12-11&days=-3", "days", "from 1 to")]
    [InlineData("/api/v1/calendars/ZZ/working-days?from=2026-12-11&days=5", "country", "No working-day calendar is entered for “ZZ”")]
    [InlineData("/api/v1/calendars/KAZ/working-days?from=2026-12-11&days=5", "country", "two-letter code")]
    public async Task A_count_of_no_days_or_an_unknown_country_is_refused_naming_the_field(string url, string field, string message)
    {
        using var client = await ClientAsync(_app, "kz.secretary");

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(message, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_refusal_reads_in_russian_for_a_russian_caller()
    {
        using var client = await ClientAsync(_app, "ru.secretary", "ru");

        var body = await client.GetStringAsync(new Uri("/api/v1/calendars/KZ/working-days?from=2026-12-11&days=5", UriKind.Relative));
        var refused = await (await client.GetAsync(new Uri("/api/v1/calendars/KZ/working-days?from=2026-12-11&days=0", UriKind.Relative))).Content.ReadAsStringAsync();

        Assert.Contains("2026-12-21", body, StringComparison.Ordinal);
        Assert.Contains("Укажите число рабочих дней", refused, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kz.secretary")]
    [InlineData("kz.cochair")]
    [InlineData("ru.member")]
    public async Task Only_an_administrator_edits_a_calendar(string userName)
    {
        var year = await _app.SendAsAsync(userName, new GetCalendarYear.Query("KZ", 2025));

        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsAsync(userName, new SaveCalendarDay.Command
        {
            Country = "KZ", Date = new DateOnly(2025, 11, 3), Kind = CalendarDayKind.DayOff, MovedFrom = new DateOnly(2025, 11, 1), Version = year.Version,
        }));

        Assert.False(year.CanEdit);
        Assert.DoesNotContain((await _app.SendAsAsync(userName, new GetCalendarYear.Query("KZ", 2025))).Days, d => d.Date == new DateOnly(2025, 11, 3));
    }

    [Fact]
    public async Task An_administrator_enters_a_new_country_year_adds_and_removes_a_day_and_every_change_is_audited()
    {
        await _app.SendAsAsync("admin", new SaveCalendarYear.Command { Country = "uz", Year = 2026, Source = "Постановление № 1 от 01.01.2026" });
        var entered = await _app.SendAsAsync("admin", new GetCalendarYear.Query("UZ", 2026));
        Assert.True(entered.Entered);
        Assert.Equal(261, entered.WorkingDays);

        await _app.SendAsAsync("admin", new SaveCalendarDay.Command
        {
            Country = "UZ", Date = new DateOnly(2026, 3, 20), Kind = CalendarDayKind.DayOff, MovedFrom = new DateOnly(2026, 3, 21), Note = "Навруз", Version = entered.Version,
        });
        var withDay = await _app.SendAsAsync("admin", new GetCalendarYear.Query("UZ", 2026));
        Assert.Equal(260, withDay.WorkingDays);
        Assert.Equal(new DateOnly(2026, 3, 23), (await _app.SendAsAsync("admin", new CountWorkingDays.Query("UZ", new DateOnly(2026, 3, 19), 1))).Date);

        await _app.SendAsAsync("admin", new RemoveCalendarDay.Command { Country = "UZ", Date = new DateOnly(2026, 3, 20), Version = withDay.Version });
        Assert.Equal(261, (await _app.SendAsAsync("admin", new GetCalendarYear.Query("UZ", 2026))).WorkingDays);

        var trail = await _app.QueryAsync(db => db.AuditEntries.Where(a => a.Action.Contains("Calendar")).Select(a => new { a.Action, a.Request, a.Changes }).ToListAsync());
        var audited = trail.Where(a => a.Request.Contains("\"UZ\"", StringComparison.OrdinalIgnoreCase)).Select(a => a.Action).ToList();
        Assert.Contains(trail, a => a.Action == "RemoveCalendarDay.Command" && a.Changes.Contains("CalendarDayRecord", StringComparison.Ordinal));
        Assert.Contains("SaveCalendarYear.Command", audited);
        Assert.Contains("SaveCalendarDay.Command", audited);
        Assert.Contains("RemoveCalendarDay.Command", audited);
    }

    [Fact]
    public async Task An_edit_made_on_a_stale_version_of_the_year_is_refused_and_changes_nothing()
    {
        await _app.SendAsAsync("admin", new SaveCalendarYear.Command { Country = "BY", Year = 2026, Source = "Указ № 1" });
        var read = await _app.SendAsAsync("admin", new GetCalendarYear.Query("BY", 2026));
        await _app.SendAsAsync("admin", new SaveCalendarDay.Command { Country = "BY", Date = new DateOnly(2026, 7, 3), Kind = CalendarDayKind.Holiday, Version = read.Version });

        await Assert.ThrowsAsync<ConflictException>(() => _app.SendAsAsync("admin", new SaveCalendarDay.Command
        {
            Country = "BY", Date = new DateOnly(2026, 11, 9), Kind = CalendarDayKind.DayOff, MovedFrom = new DateOnly(2026, 11, 7), Version = read.Version,
        }));

        var after = await _app.SendAsAsync("admin", new GetCalendarYear.Query("BY", 2026));
        Assert.DoesNotContain(after.Days, d => d.Date == new DateOnly(2026, 11, 9));
    }

    [Fact]
    public async Task A_working_weekend_day_must_be_a_weekend_day_and_a_moved_day_off_names_its_origin()
    {
        var year = await _app.SendAsAsync("admin", new GetCalendarYear.Query("KZ", 2026));

        var weekday = await Assert.ThrowsAsync<InputValidationException>(() => _app.SendAsAsync("admin", new SaveCalendarDay.Command
        {
            Country = "KZ", Date = new DateOnly(2026, 6, 3), Kind = CalendarDayKind.WorkingWeekend, Version = year.Version,
        }));
        var noOrigin = await Assert.ThrowsAsync<InputValidationException>(() => _app.SendAsAsync("admin", new SaveCalendarDay.Command
        {
            Country = "KZ", Date = new DateOnly(2026, 6, 3), Kind = CalendarDayKind.DayOff, Version = year.Version,
        }));

        Assert.Contains("Date", weekday.Errors.Keys);
        Assert.Contains("MovedFrom", noOrigin.Errors.Keys);
        Assert.Equal(year.Days.Count, (await _app.SendAsAsync("admin", new GetCalendarYear.Query("KZ", 2026))).Days.Count);
    }
}
