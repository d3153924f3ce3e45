using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Agenda;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IntergovCommission.IntegrationTests.Sessions.SessionSteps;

namespace IntergovCommission.IntegrationTests.Sessions;

public sealed class AgendaApprovalTests
{
    [Fact]
    public async Task Both_co_chairs_approving_the_same_version_publishes_the_agenda_to_members_KZRU_11()
    {
        await using var app = await TestApp.CreateAsync();
        var sessionId = await CreateSessionAsync(app, 20);
        await AddItemAsync(app, sessionId, "О программе лётных испытаний");
        await AddItemAsync(app, sessionId, "О рабочей группе", "ru.secretary");

        var beforeSending = await app.SendAsAsync("kz.member", new GetSession.Query(sessionId));
        Assert.False(beforeSending.AgendaVisible);
        Assert.Empty(beforeSending.Items);

        await SendForApprovalAsync(app, sessionId);
        await ApproveAsync(app, sessionId, "ru.cochair");
        var half = await app.SendAsAsync("kz.secretary", new GetSession.Query(sessionId));
        Assert.Equal(SessionState.AgendaUnderApproval, half.State);
        Assert.Equal("KZ", Assert.Single(half.AwaitingApproval).SideCode);
        Assert.Empty((await app.SendAsAsync("ru.member", new GetSession.Query(sessionId))).Items);

        await ApproveAsync(app, sessionId, "kz.cochair");
        Assert.Equal(SessionState.AgendaApproved, await StateAsync(app, sessionId));
        var published = await app.SendAsAsync("kz.member", new GetSession.Query(sessionId));
        Assert.True(published.AgendaVisible);
        Assert.NotNull(published.PublishedAt);
        Assert.Equal(["О программе лётных испытаний", "О рабочей группе"], published.Items.Select(i => i.Title.Ru));
        Assert.Equal(2, (await app.SendAsAsync("kz.representative", new GetSession.Query(sessionId))).Items.Count);
    }

    [Fact]
    public async Task Change_after_an_approval_makes_a_new_version_and_clears_the_approval_KZRU_11()
    {
        await using var app = await TestApp.CreateAsync();
        var sessionId = await CreateSessionAsync(app, 20);
        await AddItemAsync(app, sessionId, "О программе");
        await SendForApprovalAsync(app, sessionId);
        var first = await AgendaVersionAsync(app, sessionId);
        await ApproveAsync(app, sessionId, "kz.cochair", first);

        await AddItemAsync(app, sessionId, "Дополнительный вопрос");
        Assert.Equal(first + 1, await AgendaVersionAsync(app, sessionId));
        var view = await app.SendAsAsync("kz.secretary", new GetSession.Query(sessionId));
        Assert.Empty(view.CurrentApprovals);
        Assert.Equal(["KZ", "RU"], view.AwaitingApproval.Select(a => a.SideCode));

        // The RU co-chair approving the version they opened before the change is refused, citing KZRU-11.
        var stale = await Assert.ThrowsAsync<RuleViolationException>(() => ApproveAsync(app, sessionId, "ru.cochair", first));
        Assert.Equal("KZRU-11", stale.RuleId);
        await ApproveAsync(app, sessionId, "ru.cochair");
        Assert.Equal(SessionState.AgendaUnderApproval, await StateAsync(app, sessionId));
        await ApproveAsync(app, sessionId, "kz.cochair");
        Assert.Equal(SessionState.AgendaApproved, await StateAsync(app, sessionId));
    }

    [Fact]
    public async Task Two_co_chairs_approving_at_the_same_moment_both_count_and_publish_KZRU_11()
    {
        await using var app = await TestApp.CreateAsync();
        var sessionId = await CreateSessionAsync(app, 20);
        await AddItemAsync(app, sessionId, "О программе");
        await SendForApprovalAsync(app, sessionId);
        var version = await AgendaVersionAsync(app, sessionId);
        await Task.WhenAll(ApproveAsync(app, sessionId, "kz.cochair", version), ApproveAsync(app, sessionId, "ru.cochair", version));
        Assert.Equal(SessionState.AgendaApproved, await StateAsync(app, sessionId));
    }

    [Fact]
    public async Task Returned_agenda_goes_back_to_draft_with_the_comment_visible_to_secretaries_KZRU_11()
    {
        await using var app = await TestApp.CreateAsync();
        var sessionId = await CreateSessionAsync(app, 20);
        await AddItemAsync(app, sessionId, "О программе");
        await SendForApprovalAsync(app, sessionId);
        var noComment = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("ru.cochair", new AnswerAgenda.Command { SessionId = sessionId, AgendaVersion = 2, Outcome = ApprovalOutcome.Returned }));
        Assert.Contains(nameof(AnswerAgenda.Command.Comment), noComment.Errors.Keys);

        await app.SendAsAsync("ru.cochair", new AnswerAgenda.Command { SessionId = sessionId, AgendaVersion = await AgendaVersionAsync(app, sessionId), Outcome = ApprovalOutcome.Returned, Comment = "Добавьте график пусков." });
        var view = await app.SendAsAsync("kz.secretary", new GetSession.Query(sessionId));
        Assert.Equal(SessionState.Draft, view.State);
        Assert.Equal("Добавьте график пусков.", view.LatestReturn?.Comment);
        Assert.Equal("RU", view.LatestReturn?.SideCode);
        Assert.Null((await app.SendAsAsync("kz.member", new GetSession.Query(sessionId))).LatestReturn);
    }

    [Fact]
    public async Task Second_secretary_reordering_the_same_version_gets_a_conflict_and_the_first_order_stands()
    {
        await using var app = await TestApp.CreateAsync();
        var sessionId = await CreateSessionAsync(app, 20);
        await AddItemAsync(app, sessionId, "A");
        await AddItemAsync(app, sessionId, "B");
        await AddItemAsync(app, sessionId, "C");
        var seen = await RowVersionAsync(app, sessionId);
        var ids = await app.QueryAsync(db => db.AgendaItems.Where(i => i.SessionId == sessionId).OrderBy(i => i.Position).Select(i => i.Id).ToListAsync());

        await app.SendAsAsync("kz.secretary", new MoveAgendaItem.Command { SessionId = sessionId, Version = seen, ItemId = ids[2], Direction = -1 });
        await Assert.ThrowsAsync<ConflictException>(() => app.SendAsAsync("ru.secretary", new MoveAgendaItem.Command { SessionId = sessionId, Version = seen, ItemId = ids[0], Direction = 1 }));

        var order = await app.QueryAsync(db => db.AgendaItems.Where(i => i.SessionId == sessionId).OrderBy(i => i.Position).Select(i => i.Title.Ru).ToListAsync());
        Assert.Equal(["A", "C", "B"], order);
    }

    [Fact]
    public async Task Wrong_roles_are_refused_citing_the_rule()
    {
        await using var app = await TestApp.CreateAsync();
        var commissionId = await CommissionIdAsync(app);
        var sessionId = await CreateSessionAsync(app, 20);
        await AddItemAsync(app, sessionId, "О программе");

        var memberCreates = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.member", new CreateSession.Command { CommissionId = commissionId, StartLocal = DateTime.UtcNow.AddDays(30), TimeZoneId = Almaty, Place = "Astana" }));
        Assert.Equal("KZRU-07", memberCreates.RuleId);
        var coChairEdits = await Assert.ThrowsAsync<ForbiddenException>(() => AddItemAsync(app, sessionId, "X", "kz.cochair"));
        Assert.Equal("KZRU-07", coChairEdits.RuleId);
        await Assert.ThrowsAsync<ForbiddenException>(() => AddItemAsync(app, sessionId, "X", "kz.representative"));

        await SendForApprovalAsync(app, sessionId);
        var secretaryApproves = await Assert.ThrowsAsync<ForbiddenException>(() => ApproveAsync(app, sessionId, "kz.secretary"));
        Assert.Equal("KZRU-04", secretaryApproves.RuleId);
        var deputyApproves = await Assert.ThrowsAsync<ForbiddenException>(() => ApproveAsync(app, sessionId, "kz.deputy"));
        Assert.Equal("KZRU-04", deputyApproves.RuleId);
        await Assert.ThrowsAsync<ForbiddenException>(() => ApproveAsync(app, sessionId, "admin"));
        Assert.Equal(SessionState.AgendaUnderApproval, await StateAsync(app, sessionId));
    }

    [Fact]
    public async Task New_session_in_the_past_or_without_a_place_is_refused_naming_the_field_and_nothing_is_saved()
    {
        await using var app = await TestApp.CreateAsync();
        var commissionId = await CommissionIdAsync(app);
        var past = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("kz.secretary", new CreateSession.Command
        {
            CommissionId = commissionId, Format = SessionFormat.InPerson, Place = "Astana", TimeZoneId = Almaty,
            StartLocal = SessionTime.ToLocal(DateTimeOffset.UtcNow.AddHours(-1), Almaty),
        }));
        Assert.Contains(nameof(CreateSession.Command.StartLocal), past.Errors.Keys);
        var noLink = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("kz.secretary", new CreateSession.Command
        {
            CommissionId = commissionId, Format = SessionFormat.Video, TimeZoneId = Almaty, StartLocal = DateTime.UtcNow.AddDays(30),
        }));
        Assert.Contains(nameof(CreateSession.Command.ConferenceLink), noLink.Errors.Keys);
        Assert.Equal(0, await app.QueryAsync(db => db.Sessions.CountAsync()));
    }

    [Fact]
    public async Task Session_numbers_are_sequential_per_commission()
    {
        await using var app = await TestApp.CreateAsync();
        var first = await CreateSessionAsync(app, 20);
        var second = await CreateSessionAsync(app, 40);
        var numbers = await app.QueryAsync(db => db.Sessions.OrderBy(s => s.Number).Select(s => new { s.Id, s.Number }).ToListAsync());
        Assert.Equal([(first, 1), (second, 2)], numbers.Select(n => (n.Id, n.Number)));
    }

    [Fact]
    public async Task Agenda_item_with_an_empty_or_over_long_title_is_refused_and_the_agenda_is_unchanged()
    {
        await using var app = await TestApp.CreateAsync();
        var sessionId = await CreateSessionAsync(app, 20);
        var empty = await Assert.ThrowsAsync<InputValidationException>(() => AddItemAsync(app, sessionId, "  "));
        Assert.Contains(nameof(SaveAgendaItem.Command.TitleRu), empty.Errors.Keys);
        var longOne = await Assert.ThrowsAsync<InputValidationException>(() => AddItemAsync(app, sessionId, new string('x', 501)));
        Assert.Contains(nameof(SaveAgendaItem.Command.TitleRu), longOne.Errors.Keys);
        Assert.Equal(0, await app.QueryAsync(db => db.AgendaItems.CountAsync()));
        Assert.Equal(1, await AgendaVersionAsync(app, sessionId));
    }

    [Fact]
    public async Task Invited_person_sees_only_the_items_they_speak_to_once_published_KZRU_14()
    {
        await using var app = await TestApp.CreateAsync();
        var commissionId = await CommissionIdAsync(app);
        var personId = await CreateInviteeUserAsync(app, commissionId, "guest.expert");
        var sessionId = await CreateSessionAsync(app, 20);
        await AddItemAsync(app, sessionId, "О наземной инфраструктуре");
        await AddItemAsync(app, sessionId, "Закрытый вопрос");
        var items = await app.QueryAsync(db => db.AgendaItems.Where(i => i.SessionId == sessionId).OrderBy(i => i.Position).Select(i => i.Id).ToListAsync());
        await app.SendAsAsync("kz.secretary", new SaveInvitee.Command
        {
            SessionId = sessionId, Version = await RowVersionAsync(app, sessionId),
            FullName = "Ержан Ахметов", Organisation = "Байтерек", OrganisationKk = "  «Бәйтерек» АҚ ", PersonId = personId, Topics = "Готовность стартового комплекса",
            TopicsKk = "Ұшыру кешенінің дайындығы", ItemIds = [items[0]],
        });

        Assert.Empty((await app.SendAsAsync("guest.expert", new GetSession.Query(sessionId))).Items);
        await SendForApprovalAsync(app, sessionId);
        await ApproveAsync(app, sessionId, "kz.cochair");
        await ApproveAsync(app, sessionId, "ru.cochair");

        var view = await app.SendAsAsync("guest.expert", new GetSession.Query(sessionId));
        Assert.Equal([items[0]], view.Items.Select(i => i.Id));
        var invitee = Assert.Single(view.Invitees);
        Assert.Equal("Ержан Ахметов", invitee.FullName);
        Assert.Equal("«Бәйтерек» АҚ", invitee.OrganisationKk);
        Assert.Equal("Ұшыру кешенінің дайындығы", invitee.TopicsKk);
        Assert.Equal(2, (await app.SendAsAsync("kz.member", new GetSession.Query(sessionId))).Items.Count);
    }

    private static async Task<Guid> CreateInviteeUserAsync(TestApp app, Guid commissionId, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissionDbContext>();
        var person = new Person(Guid.CreateVersion7(), LocalizedText.Of(null, "Ержан Ахметов"), null, null, DateTimeOffset.UtcNow);
        db.People.Add(person);
        db.Memberships.Add(new Membership(Guid.CreateVersion7(), commissionId, null, person.Id, CommissionRole.Invitee,
            new MembershipDetails(LocalizedText.Of(null, "Эксперт"), LocalizedText.Of(null, "Байтерек"), LocalizedText.Empty, null, null, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), null)));
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var result = await users.CreateAsync(new AppUser { Id = Guid.CreateVersion7(), UserName = userName, PersonId = person.Id, DisplayName = "Ержан Ахметов", CreatedAt = DateTimeOffset.UtcNow }, "Guest-Password-2026");
        Assert.True(result.Succeeded);
        return person.Id;
    }
}
