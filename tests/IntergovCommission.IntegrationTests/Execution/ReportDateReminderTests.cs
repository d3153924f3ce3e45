using IntergovCommission.IntegrationTests.Notifications;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Execution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntergovCommission.IntegrationTests.Execution;

/// <summary>WF-05, WF-07: the fixed report dates are reminded in-app through the Notifier, once, to the right secretaries.</summary>
public sealed class ReportDateReminderTests
{
    private static ReportDateReminders Service(TestApp app, TimeProvider clock) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, Options.Create(new AssignmentReminderOptions()), NullLogger<ReportDateReminders>.Instance);

    private static Task<List<string>> KeysOfAsync(TestApp app, string userName) => app.QueryAsync(async db =>
    {
        var person = await db.Users.Where(u => u.UserName == userName).Select(u => u.PersonId).SingleAsync();
        return await db.Notifications.Where(n => n.RecipientPersonId == person && n.TextKey.StartsWith("ReportDates.")).Select(n => n.TextKey).ToListAsync();
    });

    [Fact]
    public async Task The_10_January_reports_are_reminded_on_the_day_once_and_the_treaty_report_only_to_the_Kazakh_secretary()
    {
        await using var app = await TestApp.CreateAsync();
        var clock = new SetClock(new DateTimeOffset(2027, 1, 10, 6, 0, 0, TimeSpan.Zero));

        var sent = await Service(app, clock).RunOnceAsync(CancellationToken.None);
        var again = await Service(app, clock).RunOnceAsync(CancellationToken.None);

        Assert.True(sent >= 3); // the annual report on each side, the treaty report on the KZ side
        Assert.Equal(0, again);
        var kz = await KeysOfAsync(app, "kz.secretary");
        var ru = await KeysOfAsync(app, "ru.secretary");
        Assert.Contains("ReportDates.Notify.Due.Year", kz);
        Assert.Contains("ReportDates.Notify.Due.Treaties", kz);
        Assert.Contains("ReportDates.Notify.Due.Year", ru);
        Assert.DoesNotContain("ReportDates.Notify.Due.Treaties", ru);
        Assert.Empty(await KeysOfAsync(app, "kz.member"));
    }

    [Fact]
    public async Task The_half_year_report_is_reminded_some_working_days_before_15_June()
    {
        await using var app = await TestApp.CreateAsync();

        await Service(app, new SetClock(new DateTimeOffset(2027, 6, 1, 6, 0, 0, TimeSpan.Zero))).RunOnceAsync(CancellationToken.None);
        Assert.DoesNotContain("ReportDates.Notify.Coming.HalfYear", await KeysOfAsync(app, "kz.secretary"));
        await Service(app, new SetClock(new DateTimeOffset(2027, 6, 10, 6, 0, 0, TimeSpan.Zero))).RunOnceAsync(CancellationToken.None);

        Assert.Contains("ReportDates.Notify.Coming.HalfYear", await KeysOfAsync(app, "kz.secretary"));
    }
}
