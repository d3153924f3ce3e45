using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Agenda;
using IntergovCommission.Web.Features.Notifications;
using IntergovCommission.Web.Features.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IntergovCommission.IntegrationTests.Sessions.SessionSteps;

namespace IntergovCommission.IntegrationTests.Notifications;

/// <summary>Issue 3: each preparation event reaches exactly the people it concerns, through the bell.</summary>
public sealed class SessionNotificationTests
{
    private static readonly string[] Everyone =
        ["kz.cochair", "ru.cochair", "kz.deputy", "ru.deputy", "kz.secretary", "ru.secretary", "kz.member", "ru.member", "kz.representative"];

    internal static async Task<string[]> RecipientsOfAsync(TestApp app, string textKey)
    {
        List<string> who = [];
        foreach (var user in Everyone)
        {
            var mine = await app.SendAsAsync(user, new ListNotifications.Query());
            var count = mine.Items.Count(n => n.TextKey == textKey);
            Assert.True(count <= 1, $"{user} got {textKey} {count} times");
            if (count == 1)
            {
                who.Add(user);
            }
        }

        return [.. who];
    }

    [Fact]
    public async Task Kz_members_proposal_notifies_the_kz_secretary_and_not_the_ru_secretary_KZRU_06()
    {
        await using var app = await TestApp.CreateAsync();
        var sessionId = await CreateSessionAsync(app, 12);
        await app.SendAsAsync("kz.member", new SubmitProposal.Command { SessionId = sessionId, TitleRu = "О графике испытаний", RationaleRu = "Сдвиг сроков." });

        Assert.Equal(["kz.secretary"], await RecipientsOfAsync(app, "Notifications.Event.ProposalReceived"));
        var bell = await app.SendAsAsync("kz.secretary", new ListNotifications.Query());
        var note = Assert.Single(bell.Items);
        Assert.Equal(1, bell.Unread);
        Assert.Equal("/Proposals/Inbox", note.Link);
        Assert.Contains("О графике испытаний", note.Arguments);
    }

    [Fact]
    public async Task Ru_members_proposal_notifies_the_ru_secretary_only_KZRU_06()
    {
        await using var app = await TestApp.CreateAsync();
        var sessionId = await CreateSessionAsync(app, 12);
        await app.SendAsAsync("ru.member", new SubmitProposal.Command { SessionId = sessionId, TitleRu = "О стартовом комплексе", RationaleRu = "Готовность." });

        Assert.Equal(["ru.secretary"], await RecipientsOfAsync(app, "Notifications.Event.ProposalReceived"));
    }

    [Fact]
    public async Task Agenda_sent_for_approval_notifies_both_co_chairs_only_KZRU_11()
    {
        await using var app = await TestApp.CreateAsync();
        var sessionId = await CreateSessionAsync(app, 20);
        await AddItemAsync(app, sessionId, "Об утверждении программы");
        await SendForApprovalAsync(app, sessionId);

        Assert.Equal(["kz.cochair", "ru.cochair"], await RecipientsOfAsync(app, "Notifications.Event.AgendaSent"));
        var note = (await app.SendAsAsync("ru.cochair", new ListNotifications.Query())).Items.Single(n => n.Kind == SessionEvents.AgendaSentKind);
        Assert.Equal($"/Sessions/Approve/{sessionId}", note.Link);
    }

    [Fact]
    public async Task Returned_agenda_notifies_the_secretaries_with_the_comment_KZRU_11()
    {
        await using var app = await TestApp.CreateAsync();
        var sessionId = await CreateSessionAsync(app, 20);
        await AddItemAsync(app, sessionId, "Об утверждении программы");
        await SendForApprovalAsync(app, sessionId);
        await app.SendAsAsync("ru.cochair", new AnswerAgenda.Command
        {
            SessionId = sessionId, AgendaVersion = await AgendaVersionAsync(app, sessionId), Outcome = ApprovalOutcome.Returned, Comment = "Добавить докладчика от Роскосмоса",
        });

        Assert.Equal(["kz.secretary", "ru.secretary"], await RecipientsOfAsync(app, "Notifications.Event.AgendaReturned"));
        var note = (await app.SendAsAsync("kz.secretary", new ListNotifications.Query())).Items.Single(n => n.Kind == SessionEvents.AgendaReturnedKind);
        Assert.Contains("Добавить докладчика от Роскосмоса", note.Arguments);
        Assert.Equal($"/Sessions/Agenda/{sessionId}", note.Link);
        Assert.Empty(await RecipientsOfAsync(app, "Notifications.Event.AgendaApproved"));
    }

    [Fact]
    public async Task Approved_agenda_notifies_every_member_and_the_linked_invitee_only_after_both_co_chairs_KZRU_11()
    {
        await using var app = await TestApp.CreateAsync();
        var commissionId = await CommissionIdAsync(app);
        var sessionId = await CreateSessionAsync(app, 20);
        await AddItemAsync(app, sessionId, "Об утверждении программы");
        var itemId = await app.QueryAsync(db => db.AgendaItems.Where(i => i.SessionId == sessionId).Select(i => i.Id).SingleAsync());
        var inviteeId = await CreateInviteePersonAsync(app, commissionId);
        var outsiderId = await CreateInviteePersonAsync(app, commissionId);
        await app.SendAsAsync("kz.secretary", new SaveInvitee.Command
        {
            SessionId = sessionId, Version = await RowVersionAsync(app, sessionId),
            FullName = "Ержан Ахметов", Organisation = "Байтерек", PersonId = inviteeId, Topics = "Стартовый комплекс", ItemIds = [itemId],
        });
        await SendForApprovalAsync(app, sessionId);
        await ApproveAsync(app, sessionId, "kz.cochair");
        Assert.Empty(await RecipientsOfAsync(app, "Notifications.Event.AgendaApproved"));

        await ApproveAsync(app, sessionId, "ru.cochair");

        Assert.Equal(Everyone, await RecipientsOfAsync(app, "Notifications.Event.AgendaApproved"));
        Assert.Equal(1, await app.QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientPersonId == inviteeId && n.Kind == SessionEvents.AgendaApprovedKind)));
        Assert.Equal(0, await app.QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientPersonId == outsiderId)));
    }

    private static async Task<Guid> CreateInviteePersonAsync(TestApp app, Guid commissionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissionDbContext>();
        var person = new Person(Guid.CreateVersion7(), LocalizedText.Of(null, "Ержан Ахметов"), null, null, DateTimeOffset.UtcNow);
        db.People.Add(person);
        db.Memberships.Add(new Membership(Guid.CreateVersion7(), commissionId, null, person.Id, CommissionRole.Invitee,
            new MembershipDetails(LocalizedText.Of(null, "Эксперт"), LocalizedText.Of(null, "Байтерек"), LocalizedText.Empty, null, null, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), null)));
        await db.SaveChangesAsync();
        return person.Id;
    }
}
