using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace IntergovCommission.Web.Features.Live;

/// <summary>
/// SignalR hub of live sessions: a screen joins its session's group (only someone on the
/// commission may) and hears "changed" whenever attendance, a ballot or a vote is committed;
/// it then re-reads the state (a vote's message carries its roll-call line, which the screen
/// patches in place), and a reconnect always restores the current state.
/// </summary>
[Authorize]
public sealed class LiveSessionHub(CommissionDbContext db, IActorAccessor actors) : Hub
{
    public const string Path = "/hubs/live";

    public async Task Join(Guid sessionId)
    {
        var commissionId = await LiveContext.CommissionOfSessionAsync(db, sessionId, Context.ConnectionAborted);
        var actor = await actors.GetActorAsync(Context.ConnectionAborted);
        Require.InCommission(actor, commissionId);
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(sessionId), Context.ConnectionAborted);
    }

    public static string Group(Guid sessionId) => "session:" + sessionId.ToString("N");
}

/// <summary>Tells every screen of a session that its state changed, after the change is committed.</summary>
public sealed class LiveUpdates(IHubContext<LiveSessionHub> hub, AfterCommit afterCommit)
{
    public void SessionChanged(Guid sessionId, string what) =>
        afterCommit.Add(() => hub.Clients.Group(LiveSessionHub.Group(sessionId)).SendAsync("changed", new { sessionId, what }));

    /// <summary>
    /// A cast, with what every screen needs to show it without re-reading the panel: the member's
    /// line of the roll call (and <paramref name="changes"/>, so a screen ignores an older message
    /// that arrives late). Screens recount the tally from the roll call they hold.
    /// </summary>
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
