using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Agenda;
using IntergovCommission.Web.Features.Decisions;
using IntergovCommission.Web.Features.Home;
using IntergovCommission.Web.Features.Live;
using IntergovCommission.Web.Features.Proposals;
using IntergovCommission.Web.Features.Sessions;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Home;

/// <summary>Issue 15 item 5: the home page's "what needs me", per role and side, from the profile's capabilities.</summary>
public sealed class MyWorkTests
{
    [Fact]
    public async Task Open_vote_is_listed_with_a_link_to_the_ballot_for_a_voter_and_not_for_a_representative()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(app);
        await LiveScenario.RegisterEveryoneAsync(app, sessionId);
        var ballotId = await app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));

        var member = await app.SendAsAsync("kz.member", new GetMyWork.Query());
        var vote = Assert.Single(member.OpenVotes);
        Assert.Equal(ballotId, vote.BallotId);
        Assert.Equal($"/Sessions/Live/{sessionId}#open-ballot-title", vote.Link);
        Assert.False(vote.Voted);
        Assert.Equal("Asia/Almaty", vote.TimeZoneId);
        Assert.Equal("Asia/Almaty", member.TimeZoneId);
        Assert.Equal("Europe/Moscow", (await app.SendAsAsync("ru.member", new GetMyWork.Query())).TimeZoneId);

        Assert.Empty((await app.SendAsAsync("kz.representative", new GetMyWork.Query())).OpenVotes);

        // The vote-opened notification reached the member (in-app), linking to the ballot.
        var personId = await app.QueryAsync(db => db.Users.Where(u => u.UserName == "kz.member").Select(u => u.PersonId).SingleAsync());
        Assert.True(await app.QueryAsync(db => db.Notifications.AnyAsync(n => n.RecipientPersonId == personId && n.Kind == "vote-opened" && n.Link == vote.Link)));
        var representative = await app.QueryAsync(db => db.Users.Where(u => u.UserName == "kz.representative").Select(u => u.PersonId).SingleAsync());
        Assert.False(await app.QueryAsync(db => db.Notifications.AnyAsync(n => n.RecipientPersonId == representative && n.Kind == "vote-opened")));
    }

    [Fact]
    public async Task Decision_awaits_the_secretaries_signatures_first_and_the_co_chairs_approval_once_signed_KZRU_18()
    {
        await using var app = await TestApp.CreateAsync();
        var adopted = await DecisionScenario.AdoptedAsync(app, DecisionKind.ProgrammeApprovalOrChange);
        var hash = await app.SendAsAsync("kz.secretary", new StartSigning.Command(adopted.DecisionId));

        var secretary = Assert.Single((await app.SendAsAsync("kz.secretary", new GetMyWork.Query())).Decisions);
        Assert.Equal(SignatureKind.Sign, secretary.Kind);
        Assert.Empty((await app.SendAsAsync("kz.cochair", new GetMyWork.Query())).Decisions);
        Assert.Empty((await app.SendAsAsync("kz.member", new GetMyWork.Query())).Decisions);

        foreach (var user in new[] { "kz.secretary", "ru.secretary" })
        {
            await app.SendAsAsync(user, new SignDecision.Command { DecisionId = adopted.DecisionId, Kind = SignatureKind.Sign, ContentHash = hash, Confirmation = DecisionScenario.Password });
        }

        var coChair = Assert.Single((await app.SendAsAsync("kz.cochair", new GetMyWork.Query())).Decisions);
        Assert.Equal(SignatureKind.Approve, coChair.Kind);
        Assert.Empty((await app.SendAsAsync("kz.secretary", new GetMyWork.Query())).Decisions);
    }

    [Fact]
    public async Task Proposal_awaits_the_secretary_of_its_side_and_the_agenda_awaits_each_co_chair_KZRU_06_KZRU_11()
    {
        await using var app = await TestApp.CreateAsync();
        var sessionId = await Sessions.SessionSteps.CreateSessionAsync(app, 20);
        await app.SendAsAsync("kz.member", new SubmitProposal.Command { SessionId = sessionId, TitleRu = "О графике испытаний", TitleKk = "Сынақ кестесі туралы", RationaleRu = "Сдвиг сроков." });

        Assert.Single((await app.SendAsAsync("kz.secretary", new GetMyWork.Query())).Proposals);
        Assert.Empty((await app.SendAsAsync("ru.secretary", new GetMyWork.Query())).Proposals);
        Assert.Empty((await app.SendAsAsync("kz.member", new GetMyWork.Query())).Proposals);

        await Sessions.SessionSteps.AddItemAsync(app, sessionId, "О программе");
        await Sessions.SessionSteps.SendForApprovalAsync(app, sessionId);
        var agenda = Assert.Single((await app.SendAsAsync("kz.cochair", new GetMyWork.Query())).Agendas);
        Assert.Equal($"/Sessions/Approve/{sessionId}", agenda.Link);
        Assert.Empty((await app.SendAsAsync("kz.member", new GetMyWork.Query())).Agendas);

        await Sessions.SessionSteps.ApproveAsync(app, sessionId, "kz.cochair");
        Assert.Empty((await app.SendAsAsync("kz.cochair", new GetMyWork.Query())).Agendas);
        Assert.Single((await app.SendAsAsync("ru.cochair", new GetMyWork.Query())).Agendas);

        // The member's next session, in the session's zone.
        var next = (await app.SendAsAsync("kz.member", new GetMyWork.Query())).Next;
        Assert.NotNull(next);
        Assert.Equal(sessionId, next.SessionId);
        Assert.Equal("Asia/Almaty", next.TimeZoneId);
    }

    [Fact]
    public async Task Council_agenda_awaits_the_chair_and_not_a_states_member_CIS_03()
    {
        await using var app = await TestApp.CreateAsync(settings: new Dictionary<string, string?> { ["Demo:Council"] = "true" });
        var commissionId = await app.QueryAsync(db => db.Commissions.Where(c => c.Code != "KZRU").Select(c => c.Id).SingleAsync());
        var start = SessionTime.ToLocal(DateTimeOffset.UtcNow.AddDays(20), "Europe/Moscow");
        var created = await app.SendAsAsync("cis.secretariat", new CreateSession.Command
        {
            CommissionId = commissionId, Kind = SessionKind.Regular, Format = SessionFormat.InPerson, Place = "Москва",
            StartLocal = new DateTime(start.Year, start.Month, start.Day, 10, 0, 0, DateTimeKind.Unspecified), TimeZoneId = "Europe/Moscow",
        });
        // CIS-13: the council's documents are in Russian only; a Russian-only item goes for approval.
        await app.SendAsAsync("cis.secretariat", new SaveAgendaItem.Command
        {
            SessionId = created.SessionId, Version = await VersionAsync(app, created.SessionId), TitleRu = "О плане работы", Rapporteurs = "Ахметова Д.",
            DecisionKind = DecisionKind.Other, DraftDecisionRu = "Утвердить.",
        });
        await app.SendAsAsync("cis.secretariat", new SendAgendaForApproval.Command { SessionId = created.SessionId, Version = await VersionAsync(app, created.SessionId) });

        Assert.Single((await app.SendAsAsync("cis.chair", new GetMyWork.Query())).Agendas);
        Assert.Empty((await app.SendAsAsync("cis.kg.head", new GetMyWork.Query())).Agendas);
        Assert.Equal(created.SessionId, (await app.SendAsAsync("cis.kg.head", new GetMyWork.Query())).Next?.SessionId);
    }

    [Fact]
    public async Task Persons_own_zone_replaces_the_sides_and_instants_in_notifications_are_shown_in_it()
    {
        await using var app = await TestApp.CreateAsync();
        Assert.Equal("Asia/Almaty", (await app.SendAsAsync("kz.member", new Web.Features.Account.GetMySettings.Query())).EffectiveTimeZoneId);

        await app.SendAsAsync("kz.member", new Web.Features.Account.SaveMySettings.Command { TimeZoneId = "Europe/Moscow", EmailKinds = ["vote-opened"] });

        Assert.Equal("Europe/Moscow", (await app.SendAsAsync("kz.member", new GetMyWork.Query())).TimeZoneId);
        var settings = await app.SendAsAsync("kz.member", new Web.Features.Account.GetMySettings.Query());
        Assert.Equal(["vote-opened"], settings.EmailKinds);
        var bad = await Assert.ThrowsAsync<Web.Infrastructure.Mediator.InputValidationException>(() =>
            app.SendAsAsync("kz.member", new Web.Features.Account.SaveMySettings.Command { TimeZoneId = "Mars/Olympus" }));
        Assert.Contains(nameof(Web.Features.Account.SaveMySettings.Command.TimeZoneId), bad.Errors.Keys);

        var argument = Web.Features.Notifications.Notifier.Instant(new DateTimeOffset(2026, 11, 30, 22, 22, 0, TimeSpan.Zero));
        Assert.Equal("01.12.2026 01:22 (Europe/Moscow, UTC+03:00)", Web.Features.Notifications.NotificationText.Arguments([argument], "Europe/Moscow").Single());
        Assert.Equal("01.12.2026 03:22 (Asia/Almaty, UTC+05:00)", Web.Features.Notifications.NotificationText.Arguments([argument], "Asia/Almaty").Single());
    }

    private static Task<uint> VersionAsync(TestApp app, Guid sessionId) =>
        app.QueryAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Version).SingleAsync());
}
