using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace IntergovCommission.Benchmarks;

/// <summary>
/// A minimal SignalR client for the live hub (/hubs/live): the JSON hub protocol (version 1) over a
/// WebSocket, connected directly (no negotiate, like the .NET client's SkipNegotiation). It does what
/// wwwroot/js/live.js does: handshake, invoke Join(sessionId), then listen for "changed". Each
/// "changed" whose "what" is "vote" is stamped (Stopwatch ticks) in arrival order.
/// (Microsoft.AspNetCore.SignalR.Client does not restore from the package mirror this project uses.)
/// </summary>
public sealed class LiveHubClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private readonly List<long> _voteMessages = new(4096);
    private TaskCompletionSource<JsonElement>? _pendingCompletion;
    private Task? _receiveLoop;
    private Task? _pingLoop;
    private int _invocationId;

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

    /// <summary>Connects with the sign-in cookie, completes the handshake and joins the session's group.</summary>
    public async Task ConnectAndJoinAsync(Uri baseAddress, string cookieHeader, Guid sessionId, CancellationToken ct)
    {
        var ws = new UriBuilder(baseAddress) { Scheme = baseAddress.Scheme == "https" ? "wss" : "ws", Path = "/hubs/live" }.Uri;
        _socket.Options.SetRequestHeader("Cookie", cookieHeader);
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await _socket.ConnectAsync(ws, ct);
        await SendRawAsync("{\"protocol\":\"json\",\"version\":1}" + RecordSeparator, ct);

        var handshake = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pendingCompletion = handshake;
        _receiveLoop = Task.Run(ReceiveLoopAsync, CancellationToken.None);
        var answer = await handshake.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        if (answer.TryGetProperty("error", out var handshakeError))
        {
            throw new InvalidOperationException("Hub handshake refused: " + handshakeError.GetString());
        }

        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pendingCompletion = completion;
        var id = Interlocked.Increment(ref _invocationId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await SendRawAsync(JsonSerializer.Serialize(new { type = 1, invocationId = id, target = "Join", arguments = new object[] { sessionId } }) + RecordSeparator, ct);
        var joined = await completion.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        if (joined.TryGetProperty("error", out var joinError))
        {
            throw new InvalidOperationException("Join refused: " + joinError.GetString());
        }

        _pingLoop = Task.Run(PingLoopAsync, CancellationToken.None);
    }

    private async Task PingLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(PingEvery, _stop.Token);
                await SendRawAsync("{\"type\":6}" + RecordSeparator, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException ex)
        {
            Error ??= "ping: " + ex.Message;
        }
    }

    private async Task SendRawAsync(string text, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await _sendLock.WaitAsync(ct);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, ct);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var pending = new ArrayBufferWriter<byte>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (!_stop.IsCancellationRequested)
                    {
                        Error ??= "closed by the server: " + _socket.CloseStatusDescription;
                    }

                    return;
                }

                var now = Stopwatch.GetTimestamp();
                pending.Write(buffer.AsSpan(0, result.Count));
                // Several hub messages may share a frame; each ends with the record separator.
                var data = pending.WrittenSpan;
                int separator;
                var consumed = 0;
                while ((separator = data[consumed..].IndexOf((byte)RecordSeparator)) >= 0)
                {
                    Handle(data.Slice(consumed, separator), now);
                    consumed += separator + 1;
                }

                if (consumed > 0)
                {
                    var rest = data[consumed..].ToArray();
                    pending.Clear();
                    pending.Write(rest);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException ex)
        {
            if (!_stop.IsCancellationRequested)
            {
                Error ??= ex.Message;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _pendingCompletion?.TrySetException(new InvalidOperationException("The hub connection ended: " + Error));
        }
    }

    private void Handle(ReadOnlySpan<byte> message, long now)
    {
        using var json = JsonDocument.Parse(message.ToArray());
        var root = json.RootElement;
        if (!root.TryGetProperty("type", out var type))
        {
            // The handshake answer: {} or {"error": "..."}.
            _pendingCompletion?.TrySetResult(root.Clone());
            return;
        }

        switch (type.GetInt32())
        {
            case 1 when root.GetProperty("target").GetString() == "changed":
                var what = root.GetProperty("arguments")[0].GetProperty("what").GetString();
                if (what == "vote")
                {
                    int count;
                    lock (_gate)
                    {
                        _voteMessages.Add(now);
                        count = _voteMessages.Count;
                    }

                    OnVote?.Invoke(count, now);
                }

                break;
            case 3:
                _pendingCompletion?.TrySetResult(root.Clone());
                break;
            case 7:
                Error ??= "close message: " + (root.TryGetProperty("error", out var e) ? e.GetString() : "(none)");
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }

        foreach (var loop in new[] { _receiveLoop, _pingLoop })
        {
            if (loop is not null)
            {
                await loop.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        _socket.Dispose();
        _sendLock.Dispose();
        _stop.Dispose();
    }
}
