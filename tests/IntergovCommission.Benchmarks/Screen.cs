using System.Diagnostics;

namespace IntergovCommission.Benchmarks;

/// <summary>
/// One connected voter's screen: the hub connection and, with --refetch, what live.js does on each
/// "changed": fetch the live panel again with the cookie (at most one fetch at a time; a change
/// during a fetch triggers one more fetch after it).
/// </summary>
public sealed class Screen(int index, LiveHubClient hub, HttpClient http, string cookie, Uri panelUrl, bool refetch, ProbeBoard probes)
{
    private readonly object _gate = new();
    private bool _pending;
    private bool _again;
    private int _fetchErrors;
    private int _fetches;

    public int Index { get; } = index;

    public LiveHubClient Hub { get; } = hub;

    public int FetchErrors => Volatile.Read(ref _fetchErrors);

    public int Fetches => Volatile.Read(ref _fetches);

    public void Attach() => Hub.OnVote = OnVote;

    private void OnVote(int count, long at)
    {
        probes.Current?.Seen(Index, count, at);
        if (!refetch)
        {
            return;
        }

        lock (_gate)
        {
            if (_pending)
            {
                _again = true;
                return;
            }

            _pending = true;
        }

        _ = Task.Run(FetchLoopAsync);
    }

    private async Task FetchLoopAsync()
    {
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, panelUrl);
                request.Headers.Add("Cookie", cookie);
                request.Headers.Add("X-Requested-With", "fetch");
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                Interlocked.Increment(ref _fetches);
                if (response.IsSuccessStatusCode)
                {
                    probes.Current?.PanelFetched(Index, started, Stopwatch.GetTimestamp());
                }
                else
                {
                    Interlocked.Increment(ref _fetchErrors);
                }
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref _fetchErrors);
            }

            lock (_gate)
            {
                if (!_again)
                {
                    _pending = false;
                    return;
                }

                _again = false;
            }
        }
    }
}

/// <summary>The probe in flight, if any (one cast at a time, watched on every screen).</summary>
public sealed class ProbeBoard
{
    private volatile Probe? _current;

    public Probe? Current
    {
        get => _current;
        set => _current = value;
    }
}

/// <summary>
/// One probe cast: each screen is done when it received the probe's "vote" message (the message
/// after the count it had when the probe was sent), or with --refetch when a panel fetch that
/// started after that message completed.
/// </summary>
public sealed class Probe
{
    private readonly int[] _countBefore;
    private readonly long[] _message;
    private readonly long[] _done;
    private readonly bool _panel;
    private int _remaining;
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Probe(int[] countBefore, bool panel)
    {
        _countBefore = countBefore;
        _panel = panel;
        _message = new long[countBefore.Length];
        _done = new long[countBefore.Length];
        _remaining = countBefore.Length;
    }

    public long SentAt { get; set; }

    public Task All => _all.Task;

    public IReadOnlyList<long> DoneAt => _done;

    public void Seen(int screen, int countNow, long at)
    {
        if (countNow <= _countBefore[screen] || Interlocked.CompareExchange(ref _message[screen], at, 0) != 0)
        {
            return;
        }

        if (!_panel)
        {
            Finish(screen, at);
        }
    }

    public void PanelFetched(int screen, long started, long ended)
    {
        var message = Volatile.Read(ref _message[screen]);
        if (_panel && message != 0 && started >= message)
        {
            Finish(screen, ended);
        }
    }

    /// <summary>A screen that is not connected: nothing to wait for (its time stays 0, "missed").</summary>
    public void Skip(int screen)
    {
        if (Interlocked.CompareExchange(ref _message[screen], -1, 0) == 0 && Interlocked.Decrement(ref _remaining) == 0)
        {
            _all.TrySetResult();
        }
    }

    private void Finish(int screen, long at)
    {
        if (Interlocked.CompareExchange(ref _done[screen], at, 0) == 0 && Interlocked.Decrement(ref _remaining) == 0)
        {
            _all.TrySetResult();
        }
    }
}
