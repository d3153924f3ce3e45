using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static IntergovCommission.IntegrationTests.Sessions.SessionSteps;

namespace IntergovCommission.IntegrationTests.Notifications;

/// <summary>A clock the test sets; the reminder service reads "now" only through it.</summary>
internal sealed class SetClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>KZRU-12: members are reminded 3 days before the proposal deadline, once per session.</summary>
public sealed class ProposalDeadlineReminderTests
{
    private const string Key = "Notifications.Event.DeadlineComing";

    private static ProposalDeadlineReminders Service(TestApp app, TimeProvider clock) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, Options.Create(new ProposalDeadlineReminderOptions()), NullLogger<ProposalDeadlineReminders>.Instance);

    [Fact]
    public async Task Reminder_goes_to_the_members_once_when_the_service_runs_twice_KZRU_12()
    {
        await using var app = await TestApp.CreateAsync();
        // Session 20 days ahead: the KZRU-12 deadline is 10 days ahead.
        var sessionId = await CreateSessionAsync(app, 20);
        var clock = new SetClock(DateTimeOffset.UtcNow);
        var service = Service(app, clock);

        Assert.Equal(0, await service.RunOnceAsync(CancellationToken.None));
        Assert.Empty(await SessionNotificationTests.RecipientsOfAsync(app, Key));

        clock.Now = DateTimeOffset.UtcNow.AddDays(8); // deadline now about 2 days away
        Assert.Equal(1, await service.RunOnceAsync(CancellationToken.None));
        clock.Now = clock.Now.AddMinutes(15);
        Assert.Equal(0, await service.RunOnceAsync(CancellationToken.None));

        // Members (and co-chairs/deputies, who also propose) — not the secretaries.
        Assert.Equal(["kz.cochair", "ru.cochair", "kz.deputy", "ru.deputy", "kz.member", "ru.member"], await SessionNotificationTests.RecipientsOfAsync(app, Key));
        var note = (await app.SendAsAsync("kz.member", new ListNotifications.Query())).Items.Single(n => n.TextKey == Key);
        Assert.Equal($"/Proposals/Create?sessionId={sessionId}", note.Link);
        Assert.Equal(1, await app.QueryAsync(db => db.ProposalDeadlineReminders.CountAsync(r => r.SessionId == sessionId)));
    }

    [Fact]
    public async Task Reminder_is_not_sent_after_the_deadline_has_passed_KZRU_12()
    {
        await using var app = await TestApp.CreateAsync();
        await CreateSessionAsync(app, 20);
        // KZRU-12 counts "10 days before the session date": the deadline is the end of day D-10 in the session's zone,
        // so a day and an hour after D-10's start it has passed in any zone.
        var service = Service(app, new SetClock(DateTimeOffset.UtcNow.AddDays(11).AddHours(1)));

        Assert.Equal(0, await service.RunOnceAsync(CancellationToken.None));
        Assert.Empty(await SessionNotificationTests.RecipientsOfAsync(app, Key));
    }

    [Fact]
    public async Task Reminder_goes_once_when_two_instances_run_at_the_same_time_KZRU_12()
    {
        await using var app = await TestApp.CreateAsync();
        await CreateSessionAsync(app, 12);
        await using var second = TestApp.Reopen(app.ConnectionString);
        var clock = new SetClock(DateTimeOffset.UtcNow);

        var runs = await Task.WhenAll(
            Service(app, clock).RunOnceAsync(CancellationToken.None),
            Service(second, clock).RunOnceAsync(CancellationToken.None),
            Service(app, clock).RunOnceAsync(CancellationToken.None));

        Assert.Equal(1, runs.Sum());
        Assert.Equal(6, (await SessionNotificationTests.RecipientsOfAsync(app, Key)).Length);
    }
}
