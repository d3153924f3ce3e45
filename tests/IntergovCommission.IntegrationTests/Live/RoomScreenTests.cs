using System.Net;
using System.Text.Json;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Live;
using IntergovCommission.Web.Hubs;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntergovCommission.IntegrationTests.Live;

/// <summary>
/// Issue #15: the room screen's secret links (created and revoked by a secretary, stored hashed, audited, read-only,
/// one session only), the hub's screen group, and the confirmation a close needs while voters present have not voted.
/// </summary>
public sealed class RoomScreenTests
{
    [Fact]
    public async Task Screen_link_opens_its_session_without_a_sign_in_until_it_is_revoked()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, _) = await LiveScenario.StartedSessionAsync(app);
        var (otherSession, _) = await LiveScenario.StartedSessionAsync(app, "О графике пусков");

        var link = await app.SendAsAsync("kz.secretary", new CreateScreenLink.Command { SessionId = sessionId, Label = "Зал А" });

        // Only the SHA-256 of the secret is stored; creation is audited.
        var stored = await app.QueryAsync(db => db.ScreenLinks.SingleAsync(l => l.Id == link.LinkId));
        Assert.Equal(ApiToken.Hash(link.Secret), stored.TokenHash);
        Assert.NotEqual(link.Secret, stored.TokenHash);
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action.Contains("CreateScreenLink"))), "Creating a screen link is not audited.");

        // Nobody signed in: the link reads its own session's room view, with no register and no personal state.
        var screen = await AnonymousAsync(app, new GetRoomScreen.Query(sessionId, link.Secret));
        Assert.Equal(sessionId, screen.SessionId);
        Assert.Empty(screen.Register);
        Assert.Null(screen.Me.MembershipId);
        Assert.False(screen.Me.IsSecretary);

        // Another session's screen, a wrong key, or no key at all: refused.
        await Assert.ThrowsAsync<NotFoundException>(() => AnonymousAsync(app, new GetRoomScreen.Query(otherSession, link.Secret)));
        await Assert.ThrowsAsync<NotFoundException>(() => AnonymousAsync(app, new GetRoomScreen.Query(sessionId, link.Secret + "x")));
        await Assert.ThrowsAsync<ForbiddenException>(() => AnonymousAsync(app, new GetRoomScreen.Query(sessionId)));

        // A member does not create links (the secretaries keep the register, KZRU-07).
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.member", new CreateScreenLink.Command { SessionId = sessionId, Label = "x" }));

        await app.SendAsAsync("ru.secretary", new RevokeScreenLink.Command(sessionId, link.LinkId));
        await Assert.ThrowsAsync<NotFoundException>(() => AnonymousAsync(app, new GetRoomScreen.Query(sessionId, link.Secret)));
        Assert.NotNull(await app.QueryAsync(db => db.ScreenLinks.Where(l => l.Id == link.LinkId).Select(l => l.RevokedAt).SingleAsync()));
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action.Contains("RevokeScreenLink"))), "Revoking a screen link is not audited.");
    }

    [Fact]
    public async Task Screen_link_joins_only_its_own_sessions_screen_group_and_hears_the_votes()
    {
        await using var app = await TestApp.CreateAsync();
        var server = app.StartKestrel();
        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(app);
        var (otherSession, _) = await LiveScenario.StartedSessionAsync(app, "О графике пусков");
        await LiveScenario.RegisterEveryoneAsync(app, sessionId);
        var ballotId = await app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
        var link = await app.SendAsAsync("kz.secretary", new CreateScreenLink.Command { SessionId = sessionId, Label = "Зал А" });

        // A connection with nobody signed in, holding only the link.
        await using var projector = new HubConnectionBuilder().WithUrl(new Uri(server, LiveSessionHub.Path)).Build();
        await projector.StartAsync();
        var heard = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var revoked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        projector.On<JsonElement>("changed", message => heard.TrySetResult(message));
        projector.On<JsonElement>("revoked", _ => revoked.TrySetResult());

        // Not the session's own group (the pages'), not another session's screen, not a wrong key.
        await Assert.ThrowsAsync<HubException>(() => projector.InvokeAsync("Join", sessionId));
        await Assert.ThrowsAsync<HubException>(() => projector.InvokeAsync("JoinScreen", otherSession, link.Secret));
        await Assert.ThrowsAsync<HubException>(() => projector.InvokeAsync("JoinScreen", sessionId, "not-the-key"));
        await Assert.ThrowsAsync<HubException>(() => projector.InvokeAsync("JoinScreen", sessionId, (string?)null));

        await projector.InvokeAsync("JoinScreen", sessionId, link.Secret);
        await app.SendAsAsync("kz.member", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.For });
        var message = await heard.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(ballotId, message.GetProperty("ballotId").GetGuid());

        // Revoked: the screen is told, and the link no longer joins.
        await app.SendAsAsync("kz.secretary", new RevokeScreenLink.Command(sessionId, link.LinkId));
        await revoked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await using var again = new HubConnectionBuilder().WithUrl(new Uri(server, LiveSessionHub.Path)).Build();
        await again.StartAsync();
        await Assert.ThrowsAsync<HubException>(() => again.InvokeAsync("JoinScreen", sessionId, link.Secret));
    }

    [Fact]
    public async Task Screen_page_with_a_link_answers_signed_out_and_404_after_revocation()
    {
        await using var app = await TestApp.CreateAsync();
        var server = app.StartKestrel();
        var (sessionId, _) = await LiveScenario.StartedSessionAsync(app);
        var link = await app.SendAsAsync("kz.secretary", new CreateScreenLink.Command { SessionId = sessionId, Label = "Зал А" });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server };

        using (var page = await client.GetAsync(new Uri($"/Sessions/Screen/{sessionId}?key={Uri.EscapeDataString(link.Secret)}", UriKind.Relative)))
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.DoesNotContain("<form", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<button", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("/Account/Logout", html, StringComparison.Ordinal);
        }

        using (var signedOut = await client.GetAsync(new Uri($"/Sessions/Screen/{sessionId}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
            Assert.Contains("/Account/Login", signedOut.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        await app.SendAsAsync("kz.secretary", new RevokeScreenLink.Command(sessionId, link.LinkId));
        using var gone = await client.GetAsync(new Uri($"/Sessions/Screen/{sessionId}?key={Uri.EscapeDataString(link.Secret)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Close_is_refused_without_confirmation_when_voters_present_have_not_voted()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(app);
        await LiveScenario.RegisterEveryoneAsync(app, sessionId);
        var ballotId = await app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
        await app.SendAsAsync("kz.member", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.For });
        var missing = (await app.SendAsAsync("kz.cochair", new GetLiveSession.Query(sessionId))).OpenBallot!.NotVoted.Count;
        Assert.True(missing > 0);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.cochair", new CloseBallot.Command(ballotId)));
        Assert.Equal("Room.Close.MissingVotes", refused.Key);
        Assert.Equal(missing, Assert.IsType<int>(refused.Arguments[0]));
        Assert.Equal(BallotState.Open, await app.QueryAsync(db => db.Ballots.Where(b => b.Id == ballotId).Select(b => b.State).SingleAsync()));

        await app.SendAsAsync("kz.cochair", new CloseBallot.Command(ballotId, ConfirmMissingVotes: true));
        Assert.Equal(BallotState.Closed, await app.QueryAsync(db => db.Ballots.Where(b => b.Id == ballotId).Select(b => b.State).SingleAsync()));
    }

    [Fact]
    public async Task Close_needs_no_confirmation_when_every_voter_present_has_voted()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(app);
        await LiveScenario.RegisterEveryoneAsync(app, sessionId);
        var ballotId = await app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId, ClosesInMinutes: 5));
        var state = await app.SendAsAsync("kz.cochair", new GetLiveSession.Query(sessionId));
        Assert.NotNull(state.OpenBallot!.ClosingAnnouncedFor);
        Assert.Equal(state.OpenBallot.OpenedAt.AddMinutes(5), state.OpenBallot.ClosingAnnouncedFor);
        Assert.True(state.OpenBallot.NeededToAdopt > 0);
        foreach (var line in state.OpenBallot.RollCall)
        {
            var user = (await LiveScenario.RosterAsync(app)).Single(r => r.MembershipId == line.MembershipId).UserName;
            if (user is not null)
            {
                await app.SendAsAsync(user, new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.For });
            }
            else
            {
                await LiveScenario.RecordVoteAsync(app, ballotId, line.MembershipId, VoteChoice.For);
            }
        }

        await app.SendAsAsync("kz.cochair", new CloseBallot.Command(ballotId));
        Assert.Equal(BallotState.Closed, await app.QueryAsync(db => db.Ballots.Where(b => b.Id == ballotId).Select(b => b.State).SingleAsync()));
    }

    [Fact]
    public async Task Announced_closing_time_is_refused_outside_one_to_240_minutes()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(app);
        await LiveScenario.RegisterEveryoneAsync(app, sessionId);
        var invalid = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId, ClosesInMinutes: 0)));
        Assert.Contains(nameof(OpenBallot.Command.ClosesInMinutes), invalid.Errors.Keys);
    }

    /// <summary>Sends a request with nobody signed in (the room screen's projector).</summary>
    private static async Task<T> AnonymousAsync<T>(TestApp app, IRequest<T> request)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }
}
