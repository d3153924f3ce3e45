using System.Globalization;
using System.Net;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.IntegrationTests.Account;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Calendar;
using IntergovCommission.Web.Features.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IntergovCommission.IntegrationTests.Sessions.SessionSteps;

namespace IntergovCommission.IntegrationTests.Calendar;

/// <summary>Issue 3: the .ics download and the personal secret feed give the user's own sessions, in UTC.</summary>
public sealed class CalendarFeedTests
{
    private const string Password = "Demo-Password-2026";

    private static string Utc(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static Task<DateTimeOffset> StartOfAsync(TestApp app, Guid sessionId) =>
        app.QueryAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.StartsAt).SingleAsync());

    [Fact]
    public async Task My_ics_lists_the_users_sessions_in_utc_and_marks_a_cancelled_one_cancelled()
    {
        await using var app = await TestApp.CreateAsync();
        var live = await CreateSessionAsync(app, 20);
        var cancelled = await CreateSessionAsync(app, 30);
        await app.SendAsAsync("kz.secretary", new ChangeSessionState.Command { SessionId = cancelled, Version = await RowVersionAsync(app, cancelled), Step = SessionStep.Cancel, Reason = "Перенос" });

        using var client = HttpTests.NewClient(app);
        Assert.True(await HttpTests.SignInAsync(client, "kz.member", Password));
        using var response = await client.GetAsync("/Calendar/My.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        var liveEvent = EventOf(ics, live);
        Assert.Contains("DTSTART:" + Utc(await StartOfAsync(app, live)) + "\r\n", liveEvent, StringComparison.Ordinal);
        Assert.Contains("STATUS:CONFIRMED", liveEvent, StringComparison.Ordinal);
        var cancelledEvent = EventOf(ics, cancelled);
        Assert.Contains("DTSTART:" + Utc(await StartOfAsync(app, cancelled)) + "\r\n", cancelledEvent, StringComparison.Ordinal);
        Assert.Contains("STATUS:CANCELLED", cancelledEvent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_ics_is_refused_without_sign_in()
    {
        await using var app = await TestApp.CreateAsync();
        using var client = HttpTests.NewClient(app);
        using var response = await client.GetAsync("/Calendar/My.ics");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location?.OriginalString ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_feed_gives_the_owners_sessions_and_is_refused_for_an_unknown_regenerated_or_revoked_token()
    {
        await using var app = await TestApp.CreateAsync();
        var sessionId = await CreateSessionAsync(app, 20);
        var secret = await app.SendAsAsync("ru.member", new IssueCalendarFeed.Command());
        using var calendarApp = HttpTests.NewClient(app); // no sign-in, as a calendar app

        using (var ok = await calendarApp.GetAsync($"/Calendar/Feed/{secret}.ics"))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            var ics = await ok.Content.ReadAsStringAsync();
            Assert.Contains("DTSTART:" + Utc(await StartOfAsync(app, sessionId)) + "\r\n", EventOf(ics, sessionId), StringComparison.Ordinal);
        }

        Assert.False(await app.QueryAsync(db => db.CalendarFeedTokens.AnyAsync(t => t.TokenHash == secret)));
        using (var unknown = await calendarApp.GetAsync($"/Calendar/Feed/{secret}x.ics"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        var renewed = await app.SendAsAsync("ru.member", new IssueCalendarFeed.Command());
        Assert.NotEqual(secret, renewed);
        using (var old = await calendarApp.GetAsync($"/Calendar/Feed/{secret}.ics"))
        {
            Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        }

        using (var current = await calendarApp.GetAsync($"/Calendar/Feed/{renewed}.ics"))
        {
            Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        }

        Assert.True(await app.SendAsAsync("ru.member", new RevokeCalendarFeed.Command()));
        using var revoked = await calendarApp.GetAsync($"/Calendar/Feed/{renewed}.ics");
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        Assert.DoesNotContain("BEGIN:VCALENDAR", await revoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_feed_gives_only_the_owners_commissions_sessions()
    {
        await using var app = await TestApp.CreateAsync();
        var mine = await CreateSessionAsync(app, 20);
        var otherCommission = await app.SendAsAsync("admin", CommissionCreationTests.ValidCommission("OTHER", await AdministrationTests.ProfileIdAsync(app)));
        var foreign = await AddSessionDirectlyAsync(app, otherCommission, DateTimeOffset.UtcNow.AddDays(25));

        var secret = await app.SendAsAsync("kz.member", new IssueCalendarFeed.Command());
        using var calendarApp = HttpTests.NewClient(app);
        var ics = await calendarApp.GetStringAsync($"/Calendar/Feed/{secret}.ics");
        Assert.Contains(mine.ToString("D"), ics, StringComparison.Ordinal);
        Assert.DoesNotContain(foreign.ToString("D"), ics, StringComparison.Ordinal);
    }

    internal static async Task<Guid> AddSessionDirectlyAsync(TestApp app, Guid commissionId, DateTimeOffset startsAt, int number = 1)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissionDbContext>();
        var session = new Session(Guid.CreateVersion7(), commissionId, number,
            new SessionSetting(SessionKind.Regular, SessionFormat.InPerson, "Москва", null, startsAt, "Europe/Moscow"), DateTimeOffset.UtcNow);
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    private static string EventOf(string ics, Guid sessionId)
    {
        var uid = ics.IndexOf("UID:" + sessionId.ToString("D"), StringComparison.Ordinal);
        Assert.True(uid >= 0, $"session {sessionId} is not in the calendar");
        var end = ics.IndexOf("END:VEVENT", uid, StringComparison.Ordinal);
        return ics[uid..end];
    }
}
