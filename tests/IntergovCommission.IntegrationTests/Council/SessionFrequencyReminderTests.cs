using IntergovCommission.Domain.Sessions;
using IntergovCommission.IntegrationTests.Notifications;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Execution;
using IntergovCommission.Web.Features.Home;
using IntergovCommission.Web.Features.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntergovCommission.IntegrationTests.Council;

/// <summary>
/// CIS-04 (s. 5.1): the council meets at least once a year. When no session is scheduled within a year of the last one
/// held, its secretariat is reminded: on the home page ("what needs me"), in-app and by e-mail through the outbox, once per
/// stage. The Interstate Commission's profile says nothing of the kind, so it is never reminded.
/// </summary>
public sealed class SessionFrequencyReminderTests
{
    private static SessionFrequencyReminders Service(TestApp app, TimeProvider clock) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, Options.Create(new AssignmentReminderOptions()), NullLogger<SessionFrequencyReminders>.Instance);

    private static Task<List<string>> KeysOfAsync(TestApp app, string userName) => app.QueryAsync(async db =>
    {
        var person = await db.Users.Where(u => u.UserName == userName).Select(u => u.PersonId).SingleAsync();
        return await db.Notifications.Where(n => n.RecipientPersonId == person && n.TextKey.StartsWith("Sessions.Notify.Yearly.")).Select(n => n.TextKey).ToListAsync();
    });

    [Fact]
    public async Task The_council_secretariat_is_reminded_once_per_stage_when_no_session_is_scheduled_within_a_year_of_the_last_held()
    {
        await using var app = await TestApp.CreateAsync(settings: new Dictionary<string, string?> { ["Demo:Council"] = "true", ["Demo:Sessions"] = "true" });
        var council = await app.QueryAsync(db => db.Commissions.Where(c => c.Code == "CIS-IP").Select(c => c.Id).SingleAsync());
        var held = await app.QueryAsync(db => db.Sessions.Where(s => s.CommissionId == council && s.State == SessionState.Closed)
            .OrderByDescending(s => s.StartsAt).Select(s => new { s.Number, s.StartsAt }).FirstAsync());
        var lastHeld = DateOnly.FromDateTime(held.StartsAt.UtcDateTime);

        // The demo's next session is scheduled within the year: nothing is due yet.
        Assert.Empty((await app.SendAsAsync("cis.secretariat", new GetMyWork.Query())).SessionsDue);
        Assert.Equal(0, await Service(app, new SetClock(held.StartsAt.AddYears(1).AddDays(5))).RunOnceAsync(CancellationToken.None));

        // The session in preparation is cancelled: none is scheduled any more.
        await app.QueryAsync(db => db.Sessions.Where(s => s.CommissionId == council && s.State != SessionState.Closed)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.State, SessionState.Cancelled)));

        var due = Assert.Single((await app.SendAsAsync("cis.secretariat", new GetMyWork.Query())).SessionsDue);
        Assert.Equal((council, held.Number, "CIS-04"), (due.CommissionId, due.LastHeldNumber, due.RuleId));
        Assert.InRange(due.DueBy.DayNumber - lastHeld.DayNumber, 364, 367);
        Assert.Empty((await app.SendAsAsync("cis.ru.head", new GetMyWork.Query())).SessionsDue); // a member does not prepare sessions
        Assert.Empty((await app.SendAsAsync("kz.secretary", new GetMyWork.Query())).SessionsDue); // KZRU sets no frequency

        // Far from the due day: no notification; 30 days before: "coming", once; after it: "overdue", once.
        Assert.Equal(0, await Service(app, new SetClock(held.StartsAt.AddDays(30))).RunOnceAsync(CancellationToken.None));
        var before = new SetClock(new DateTimeOffset(due.DueBy.AddDays(-30).ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));
        Assert.Equal(1, await Service(app, before).RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await Service(app, before).RunOnceAsync(CancellationToken.None));
        Assert.Equal(["Sessions.Notify.Yearly.Coming"], await KeysOfAsync(app, "cis.secretariat"));
        var after = new SetClock(new DateTimeOffset(due.DueBy.AddDays(1).ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));
        Assert.Equal(1, await Service(app, after).RunOnceAsync(CancellationToken.None));
        Assert.Equal(["Sessions.Notify.Yearly.Coming", "Sessions.Notify.Yearly.Overdue"], (await KeysOfAsync(app, "cis.secretariat")).Order());
        Assert.Empty(await KeysOfAsync(app, "cis.ru.head"));
        Assert.Empty(await KeysOfAsync(app, "kz.secretary"));

        // Each notification may go by e-mail too: it is in the outbox with its kind.
        Assert.Equal(2, await app.QueryAsync(async db =>
        {
            var person = await db.Users.Where(u => u.UserName == "cis.secretariat").Select(u => u.PersonId).SingleAsync();
            return await db.MailOutbox.CountAsync(m => m.RecipientPersonId == person && m.Kind == SessionFrequencyReminders.NotificationKind);
        }));
    }
}
