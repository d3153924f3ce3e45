using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace IntergovCommission.Benchmarks;

/// <summary>
/// One live screen: Microsoft.AspNetCore.SignalR.Client on the live hub (/hubs/live) over WebSockets
/// with the sign-in cookie, as wwwroot/js/live.js does: connect, invoke Join(sessionId), listen for
/// "changed". Each "changed" whose "what" is "vote" is stamped (Stopwatch ticks) in arrival order.
/// </summary>
public sealed class LiveHubClient : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly List<long> _voteMessages = new(4096);
    private HubConnection? _connection;

    /// <summary>Called on each "vote" message with the count so far and its arrival time (e.g. to re-fetch the panel as live.js does).</summary>
    public Action<int, long>? OnVote { get; set; }

    public int Index { get; }

    public string? Error { get; private set; }

    public LiveHubClient(int index) => Index = index;

    /// <summary>Number of "vote" messages received so far.</summary>
    public int VoteCount
    {
        get
        {
            lock (_gate)
            {
                return _voteMessages.Count;
            }
        }
    }

    /// <summary>The arrival time (Stopwatch ticks) of the n-th "vote" message (0-based).</summary>
    public long VoteAt(int n)
    {
        lock (_gate)
        {
            return _voteMessages[n];
        }
    }

    /// <summary>Connects with the sign-in cookie ("name=value") and joins the session's group.</summary>
    public async Task ConnectAndJoinAsync(Uri baseAddress, string cookieHeader, Guid sessionId, CancellationToken ct)
    {
        var hubUrl = new Uri(baseAddress, "/hubs/live");
        _connection = new HubConnectionBuilder()
            .WithUrl(hubUrl, HttpTransportType.WebSockets, options =>
            {
                options.SkipNegotiation = true;
                options.Headers["Cookie"] = cookieHeader;
            })
            .Build();
        _connection.On<JsonElement>("changed", message =>
        {
            var at = Stopwatch.GetTimestamp();
            if (!message.TryGetProperty("what", out var what) || what.GetString() != "vote")
            {
                return;
            }

            int count;
            lock (_gate)
            {
                _voteMessages.Add(at);
                count = _voteMessages.Count;
            }

            OnVote?.Invoke(count, at);
        });
        _connection.Closed += error =>
        {
            Error = error?.Message ?? "closed";
            return Task.CompletedTask;
        };
        await _connection.StartAsync(ct);
        await _connection.InvokeAsync("Join", sessionId, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
