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
/// </summary>
[Authorize]
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

    public static string Group(Guid sessionId) => "session:" + sessionId.ToString("N");
}

/// <summary>Tells every screen of a session that its state changed, after the change is committed (the hub behind <see cref="ILiveBroadcast"/>).</summary>
public sealed class LiveUpdates(IHubContext<LiveSessionHub> hub, AfterCommit afterCommit) : ILiveBroadcast
{
    public void SessionChanged(Guid sessionId, string what) =>
        afterCommit.Add(() => hub.Clients.Group(LiveSessionHub.Group(sessionId)).SendAsync("changed", new { sessionId, what }));

    public void VoteCast(Guid sessionId, Guid ballotId, Guid membershipId, Domain.Voting.VoteChoice choice, bool recordedBySecretary, int changes) =>
        afterCommit.Add(() => hub.Clients.Group(LiveSessionHub.Group(sessionId)).SendAsync("changed", new
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
