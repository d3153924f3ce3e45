using IntergovCommission.Domain.Commissions;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntergovCommission.IntegrationTests.Notifications;

public sealed class NotificationTests
{
    [Fact]
    public async Task Notification_to_a_capabilitys_holders_reaches_only_that_sides_holders_and_is_read_once()
    {
        await using var app = await TestApp.CreateAsync();
        var commissionId = await app.QueryAsync(db => db.Commissions.Select(c => c.Id).SingleAsync());
        var kz = await app.QueryAsync(db => db.Sides.Where(s => s.Code == "KZ").Select(s => s.Id).SingleAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            await notifier.ToHoldersAsync(commissionId, IntergovCommission.Domain.Regulation.Capability.ReceiveProposals, kz, "ProposalReceived", "Notifications.Title", "/Notifications", CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<CommissionDbContext>().SaveChangesAsync();
        }

        var kzSecretary = await app.SendAsAsync("kz.secretary", new ListNotifications.Query());
        var ruSecretary = await app.SendAsAsync("ru.secretary", new ListNotifications.Query());
        Assert.Equal(1, kzSecretary.Unread);
        Assert.Equal(0, ruSecretary.Unread);

        Assert.Equal(1, await app.SendAsAsync("kz.secretary", new MarkNotificationsRead.Command(kzSecretary.Items[0].Id)));
        Assert.Equal(0, await app.SendAsAsync("kz.secretary", new MarkNotificationsRead.Command(kzSecretary.Items[0].Id)));
        Assert.Equal(0, (await app.SendAsAsync("kz.secretary", new ListNotifications.Query())).Unread);
    }

    [Fact]
    public async Task A_user_cannot_mark_someone_elses_notification_read()
    {
        await using var app = await TestApp.CreateAsync();
        var personId = await app.QueryAsync(db => db.Users.Where(u => u.UserName == "kz.member").Select(u => u.PersonId!.Value).SingleAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Notifier>().To(personId, null, "Test", "Notifications.Title", null);
            await scope.ServiceProvider.GetRequiredService<CommissionDbContext>().SaveChangesAsync();
        }

        var id = await app.QueryAsync(db => db.Notifications.Select(n => n.Id).SingleAsync());
        Assert.Equal(0, await app.SendAsAsync("ru.member", new MarkNotificationsRead.Command(id)));
        Assert.Equal(1, (await app.SendAsAsync("kz.member", new ListNotifications.Query())).Unread);
    }
}
