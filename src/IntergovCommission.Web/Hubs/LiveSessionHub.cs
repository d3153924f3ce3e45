using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

using IntergovCommission.Web.Features.Live;

namespace IntergovCommission.Web.Hubs;

/// <summary>
/// SignalR hub of live sessions: a screen joins its session's group (only someone on the
/// commission may) and hears "changed" whenever attendance, a ballot or a vote is committed;
/// it then re-reads the state (a vote's message carries its roll-call line, which the screen
/// patches in place), and a reconnect always restores the current state.
/// The room screen joins the session's screen group instead (<see cref="JoinScreen"/>): signed in on the commission,
/// or with nobody signed in through a secret screen link, which opens that one session's screen group and nothing else.
/// The connection itself needs no sign-in (a projector has none); every method checks who may join.
/// </summary>
[AllowAnonymous]
public sealed class LiveSessionHub(CommissionDbContext db, TimeProvider clock) : Hub
{
    public const string Path = "/hubs/live";

    /// <summary>
    /// Joins the session's group: only someone who sits on the commission (KZRU-14: not an invited person,
    /// who hears nothing of the votes). The user is the hub connection's own (<see cref="HubCallerContext.User"/>):
    /// over long polling there is no HTTP context for the invocation.
    /// </summary>
    public async Task Join(Guid sessionId)
    {
        var commissionId = await LiveContext.CommissionOfSessionAsync(db, sessionId, Context.ConnectionAborted);
        var actor = Context.UserIdentifier is { } id && Guid.TryParse(id, out var userId)
            ? await Infrastructure.Web.ActorLoader.LoadAsync(db, clock, userId, Context.ConnectionAborted)
            : Actor.Anonymous;
        try
        {
            Require.InCommission(actor, commissionId);
        }
        catch (ForbiddenException refused)
        {
            // The client sees the refusal and its rule (a plain exception reaches it only as "an unexpected error").
            throw new HubException(refused.RuleId is null ? refused.Message : refused.RuleId + ": " + refused.Message);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, Group(sessionId), Context.ConnectionAborted);
    }

    /// <summary>
    /// Joins the session's room-screen group: what the room sees (the same changes, no personal state). With a
    /// <paramref name="key"/>, only the session that link was made for, while it is not revoked; without one,
    /// someone on the commission.
    /// </summary>
    public async Task JoinScreen(Guid sessionId, string? key)
    {
        if (!string.IsNullOrEmpty(key))
        {
            var linkId = await LinkOfKeyAsync(key, sessionId);
            if (linkId is null)
            {
                throw new HubException("The screen link is not valid for this session (revoked or unknown).");
            }

            await Groups.AddToGroupAsync(Context.ConnectionId, ScreenGroup(sessionId), Context.ConnectionAborted);
            await Groups.AddToGroupAsync(Context.ConnectionId, LinkGroup(linkId.Value), Context.ConnectionAborted);
            return;
        }

        var commissionId = await LiveContext.CommissionOfSessionAsync(db, sessionId, Context.ConnectionAborted);
        var actor = Context.UserIdentifier is { } id && Guid.TryParse(id, out var userId)
            ? await Infrastructure.Web.ActorLoader.LoadAsync(db, clock, userId, Context.ConnectionAborted)
            : Actor.Anonymous;
        try
        {
            Require.InCommission(actor, commissionId);
        }
        catch (ForbiddenException refused)
        {
            throw new HubException(refused.RuleId is null ? refused.Message : refused.RuleId + ": " + refused.Message);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, ScreenGroup(sessionId), Context.ConnectionAborted);
    }

    private async Task<Guid?> LinkOfKeyAsync(string key, Guid sessionId)
    {
        if (key.Length > 100)
        {
            return null;
        }

        var hash = ApiToken.Hash(key);
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
            db.ScreenLinks.Where(l => l.TokenHash == hash && l.SessionId == sessionId && l.RevokedAt == null).Select(l => (Guid?)l.Id), Context.ConnectionAborted);
    }

    public static string Group(Guid sessionId) => "session:" + sessionId.ToString("N");

    /// <summary>The room screens of a session: they hear the same changes as the session's pages.</summary>
    public static string ScreenGroup(Guid sessionId) => "screen:" + sessionId.ToString("N");

    /// <summary>The screens opened through one screen link: told when it is revoked.</summary>
    public static string LinkGroup(Guid linkId) => "screen-link:" + linkId.ToString("N");
}

/// <summary>Tells every screen of a session that its state changed, after the change is committed (the hub behind <see cref="ILiveBroadcast"/>).</summary>
public sealed class LiveUpdates(IHubContext<LiveSessionHub> hub, AfterCommit afterCommit) : ILiveBroadcast
{
    public void SessionChanged(Guid sessionId, string what) =>
        afterCommit.Add(() => hub.Clients.Groups(LiveSessionHub.Group(sessionId), LiveSessionHub.ScreenGroup(sessionId)).SendAsync("changed", new { sessionId, what }));

    public void ScreenLinkRevoked(Guid sessionId, Guid linkId) =>
        afterCommit.Add(() => hub.Clients.Group(LiveSessionHub.LinkGroup(linkId)).SendAsync("revoked", new { sessionId }));

    public void VoteCast(Guid sessionId, Guid ballotId, Guid membershipId, Domain.Voting.VoteChoice choice, bool recordedBySecretary, int changes) =>
        afterCommit.Add(() => hub.Clients.Groups(LiveSessionHub.Group(sessionId), LiveSessionHub.ScreenGroup(sessionId)).SendAsync("changed", new
        {
            sessionId,
            what = "vote",
            ballotId,
            membershipId,
            choice = choice.ToString(),
            recordedBySecretary,
            changes,
        }));
}
