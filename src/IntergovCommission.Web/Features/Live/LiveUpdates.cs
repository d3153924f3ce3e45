using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace IntergovCommission.Web.Features.Live;

/// <summary>
/// SignalR hub of live sessions: a screen joins its session's group (only someone on the
/// commission may) and hears "changed" whenever attendance, a ballot or a vote is committed;
/// it then re-reads the state, so a reconnect always restores the current state.
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
}
