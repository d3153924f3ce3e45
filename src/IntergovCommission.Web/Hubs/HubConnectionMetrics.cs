using Microsoft.AspNetCore.SignalR;

namespace IntergovCommission.Web.Hubs;

/// <summary>Counts the open hub connections of this instance (metric intergov.hub.connections).</summary>
public sealed class HubConnectionMetrics : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        await next(context);
        Infrastructure.AppMetrics.HubConnections.Add(1);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        Infrastructure.AppMetrics.HubConnections.Add(-1);
        await next(context, exception);
    }
}
