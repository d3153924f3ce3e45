using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using IntergovCommission.Benchmarks;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Testing;

// Live-session benchmark (issue #4): the real app on Kestrel and a throwaway PostgreSQL, N voters
// with a hub connection each, casting and changing votes over the API. Not a test: run it by hand
// (docs/benchmarks.md). Every loop is bounded by count and time; all traffic goes to 127.0.0.1.

if (args.FirstOrDefault() is "cast-cost" or "pages")
{
    // The cost of one vote against raw PostgreSQL, and pages over ten years of data (issue #16): CastCost.cs, PageBench.cs, docs/benchmarks.md.
    Directory.SetCurrentDirectory(AppContext.BaseDirectory);
    CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
    CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
    AppDomain.CurrentDomain.UnhandledException += (_, _) => TestDatabase.Shutdown();
    try
    {
        return args[0] == "pages" ? await PageBench.RunAsync(args[1..]) : await CastCost.RunAsync(args[1..]);
    }
    finally
    {
        TestDatabase.Shutdown();
    }
}

var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.WriteLine(BenchOptions.Usage);
    return 2;
}

// WebApplicationFactory finds the app's content root through MvcTestingAppManifest.json in the
// current directory (the output folder under `dotnet test`; wherever `dotnet run` was started here).
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
void Log(string line) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");

// The throwaway cluster is stopped and deleted at process exit; a crash skips that, so do it here too.
AppDomain.CurrentDomain.UnhandledException += (_, _) => TestDatabase.Shutdown();
if (options.Search)
{
    Environment.SetEnvironmentVariable("Serilog__MinimumLevel__Default", options.AppLogLevel);
    return await SearchBench.RunAsync(options.SearchDecisions, options.SearchMaterials, options.SearchWords, options.SearchSamples, options.Output, Log);
}

var started = DateTimeOffset.UtcNow;
Log($"voters {options.Voters}, concurrency {options.Concurrency}, vote changes per voter {options.Changes}, probes {options.Probes}, refetch panel {(options.Refetch ? "on" : "off")}, app log level {options.AppLogLevel}");
// The app reads Serilog's level from its configuration; environment variables of this process reach only this app instance.
Environment.SetEnvironmentVariable("Serilog__MinimumLevel__Default", options.AppLogLevel);
var settings = new Dictionary<string, string?>();
if (options.RateLimit is int permit)
{
    settings["Api:RateLimit:PermitPerMinute"] = permit.ToString(CultureInfo.InvariantCulture);
}

var setupClock = Stopwatch.StartNew();
await using var app = await TestApp.CreateAsync(seedDemo: true, settings: settings);
var baseAddress = app.StartKestrel();
Log($"app: {baseAddress} on a throwaway PostgreSQL, started in {setupClock.Elapsed.TotalSeconds:F1} s");
var machine = await MachineInfo.DescribeAsync(app.ConnectionString);
var cpu = CpuMeter.ForThisProcessCluster();
var ballot = await BenchSetup.PrepareAsync(app, options.Voters, Log);
var voters = ballot.Voters;

using var handler = new SocketsHttpHandler
{
    MaxConnectionsPerServer = Math.Max(options.Concurrency, 16) + (options.Refetch ? voters.Count : 0),
    PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    UseCookies = false,
    AutomaticDecompression = DecompressionMethods.None,
};
using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

// 1. Screens: one hub connection per voter, joined to the session's group.
var board = new ProbeBoard();
var panelUrl = new Uri(baseAddress, $"/Sessions/Live/{ballot.SessionId}?handler=Panel");
var screens = new Screen[voters.Count];
var connectMs = new double[voters.Count];
var connectErrors = 0;
var connectClock = Stopwatch.StartNew();
using (var gate = new SemaphoreSlim(Math.Max(1, options.Concurrency)))
{
    await Task.WhenAll(voters.Select(async v =>
    {
        await gate.WaitAsync();
        try
        {
            var hub = new LiveHubClient(v.Index);
            var t0 = Stopwatch.GetTimestamp();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await hub.ConnectAndJoinAsync(baseAddress, v.Cookie, ballot.SessionId, timeout.Token);
            connectMs[v.Index] = Stats.Ms(t0, Stopwatch.GetTimestamp());
            screens[v.Index] = new Screen(v.Index, hub, http, v.Cookie, panelUrl, options.Refetch, board);
            screens[v.Index].Attach();
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Net.WebSockets.WebSocketException or OperationCanceledException or TimeoutException or HttpRequestException or Microsoft.AspNetCore.SignalR.HubException)
        {
            if (Interlocked.Increment(ref connectErrors) <= 3)
            {
                Log($"screen {v.Index} ({v.UserName}) did not connect: {ex.Message}");
            }
        }
        finally
        {
            gate.Release();
        }
    }));
}

var connected = screens.Where(s => s is not null).ToArray();
Log($"screens: {connected.Length} of {voters.Count} connected and joined in {connectClock.Elapsed.TotalSeconds:F1} s ({connectErrors} failed)");
if (connected.Length == 0)
{
    Log("no screen connected; stopping.");
    return 1;
}

// 2. Load: every voter casts, then changes its vote --changes times; --concurrency requests in flight.
var choices = new[] { VoteChoice.For, VoteChoice.Against, VoteChoice.Abstain };
var random = new Random(20260421);
var plan = new List<(int Voter, VoteChoice Choice)>();
for (var round = 0; round <= options.Changes; round++)
{
    var order = Enumerable.Range(0, voters.Count).ToArray();
    random.Shuffle(order);
    plan.AddRange(order.Select(v => (v, choices[(v + round) % choices.Length])));
}

var casts = new CastResult[plan.Count];
var lastOfVoter = new Task?[voters.Count];
var errorSamples = new List<string>();
var next = -1;
var scansBefore = await TableScans.ReadAsync(app.ConnectionString);
var cpuBeforeLoad = cpu.Read();
var loadClock = Stopwatch.StartNew();
var loadDeadline = TimeSpan.FromSeconds(options.MaxSeconds);
var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < plan.Count && loadClock.Elapsed < loadDeadline)
    {
        var (voter, choice) = plan[i];
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task? previous;
        lock (lastOfVoter)
        {
            previous = lastOfVoter[voter];
            lastOfVoter[voter] = done.Task;
        }

        // A voter's change follows its own earlier cast (a person presses one button at a time).
        if (previous is not null)
        {
            await previous;
        }

        casts[i] = await CastAsync(voters[voter], choice);
        done.SetResult();
    }
})).ToArray();
await Task.WhenAll(workers);
loadClock.Stop();
var cpuAfterLoad = cpu.Read();
await Task.Delay(1500); // backends report their table counters once idle for a second
var scansAfter = await TableScans.ReadAsync(app.ConnectionString);

var ok = casts.Where(c => c is { Ok: true }).ToArray();
var failed = casts.Count(c => c is { Ok: false });
var notSent = casts.Count(c => c is null);
Log($"load: {ok.Length} casts stored, {failed} refused or failed, {notSent} not sent (time limit) in {loadClock.Elapsed.TotalSeconds:F1} s");

// Wait until every screen has heard every stored vote (bounded).
var expected = ok.Length;
var drainClock = Stopwatch.StartNew();
while (connected.Any(s => s.Hub.VoteCount < expected) && drainClock.Elapsed < TimeSpan.FromSeconds(60))
{
    await Task.Delay(50);
}

var lastCastEnd = ok.Length == 0 ? 0 : ok.Max(c => c.End);
var allHeardAt = connected.All(s => s.Hub.VoteCount >= expected) && expected > 0
    ? connected.Max(s => s.Hub.VoteAt(expected - 1))
    : 0;
var missing = connected.Sum(s => Math.Max(0, expected - s.Hub.VoteCount));

// Rank matching: the k-th "vote" message a screen hears belongs to the k-th cast sent (FIFO).
var sends = ok.Select(c => c.Start).Order().ToArray();
var perScreenLoad = new List<double>(connected.Length * expected);
var allScreensLoad = new List<double>(expected);
for (var k = 0; k < expected; k++)
{
    long latest = 0;
    var heardByAll = true;
    foreach (var s in connected)
    {
        if (s.Hub.VoteCount <= k)
        {
            heardByAll = false;
            continue;
        }

        var at = s.Hub.VoteAt(k);
        perScreenLoad.Add(Stats.Ms(sends[k], at));
        latest = Math.Max(latest, at);
    }

    if (heardByAll)
    {
        allScreensLoad.Add(Stats.Ms(sends[k], latest));
    }
}

// 3. Probes: one cast at a time, each watched until every screen heard it (exact attribution).
var probeCast = new List<double>();
var probePerScreen = new List<double>();
var probeAll = new List<double>();
var probeErrors = 0;
var probeMissed = 0;
var current = new VoteChoice[voters.Count];
for (var v = 0; v < voters.Count; v++)
{
    current[v] = choices[(v + options.Changes) % choices.Length];
}

var probeClock = Stopwatch.StartNew();
for (var p = 0; p < options.Probes && probeClock.Elapsed < loadDeadline; p++)
{
    var voter = p % voters.Count;
    var choice = choices[(Array.IndexOf(choices, current[voter]) + 1) % choices.Length];
    var before = new int[screens.Length];
    foreach (var s in connected)
    {
        before[s.Index] = s.Hub.VoteCount;
    }

    // Screens that never connected count as already done.
    var probe = new Probe(before, options.Refetch);
    foreach (var index in Enumerable.Range(0, screens.Length).Where(i => screens[i] is null))
    {
        probe.Skip(index);
    }

    board.Current = probe;
    var result = await CastAsync(voters[voter], choice);
    if (!result.Ok)
    {
        probeErrors++;
        board.Current = null;
        continue;
    }

    current[voter] = choice;
    probeCast.Add(result.Ms);
    await Task.WhenAny(probe.All, Task.Delay(TimeSpan.FromSeconds(30)));
    board.Current = null;
    long latest = 0;
    foreach (var s in connected)
    {
        var at = probe.DoneAt[s.Index];
        if (at == 0)
        {
            probeMissed++;
            continue;
        }

        probePerScreen.Add(Stats.Ms(result.Start, at));
        latest = Math.Max(latest, at);
    }

    if (probe.All.IsCompleted)
    {
        probeAll.Add(Stats.Ms(result.Start, latest));
    }

    // Let --refetch screens settle before the next probe, as a person would between votes.
    if (options.Refetch)
    {
        await Task.Delay(100);
    }
}

Log($"probes: {probeCast.Count} casts watched one at a time in {probeClock.Elapsed.TotalSeconds:F1} s");
var hubErrors = connected.Where(s => s.Hub.Error is not null).Select(s => s.Hub.Error!).ToList();

// 4. Report.
var castStats = new Stats(ok.Select(c => c.Ms));
var throughput = ok.Length == 0 ? 0 : ok.Length / Stats.Ms(ok.Min(c => c.Start), lastCastEnd) * 1000.0;
var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"### Live-session benchmark, {started:yyyy-MM-dd HH:mm} UTC");
report.AppendLine();
report.AppendLine("| machine | |");
report.AppendLine("|---|---|");
foreach (var (name, value) in machine)
{
    report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");
}

report.AppendLine();
report.AppendLine("| run | |");
report.AppendLine("|---|---|");
report.AppendLine(CultureInfo.InvariantCulture, $"| voters (hub screens connected) | {voters.Count} ({connected.Length}); roster {ballot.VotingMembers} voting members, all present |");
report.AppendLine(CultureInfo.InvariantCulture, $"| casts in the load phase | {plan.Count} (each voter casts, then changes its vote {options.Changes}×) at concurrency {options.Concurrency} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| screens re-fetch the panel on each change (live.js) | {(options.Refetch ? "yes" : "no: the hub message is the update")} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| throughput | **{throughput:F1} casts/s** ({ok.Length} stored in {Stats.Ms(ok.Length == 0 ? 0 : ok.Min(c => c.Start), lastCastEnd) / 1000:F1} s) |");
report.AppendLine(CultureInfo.InvariantCulture, $"| errors | load: {failed} refused/failed, {notSent} not sent; probes: {probeErrors}; screens: {connectErrors} not connected, {hubErrors.Count} dropped; undelivered messages {missing}; probe screens missed {probeMissed}{(options.Refetch ? $"; panel fetch errors {connected.Sum(s => s.FetchErrors)}" : string.Empty)} |");
var loadCasts = Math.Max(1, ok.Length + failed);
report.AppendLine(CultureInfo.InvariantCulture, $"| CPU per cast, load phase | {(cpuAfterLoad.Process - cpuBeforeLoad.Process) * 1000 / loadCasts:F1} ms in this process (app + clients) + {(cpu.SeesPostgres ? ((cpuAfterLoad.Postgres - cpuBeforeLoad.Postgres) * 1000 / loadCasts).ToString("F1", CultureInfo.InvariantCulture) : "?")} ms in PostgreSQL; the load phase used {(cpuAfterLoad.Process - cpuBeforeLoad.Process + (cpu.SeesPostgres ? cpuAfterLoad.Postgres - cpuBeforeLoad.Postgres : 0)) / loadClock.Elapsed.TotalSeconds:F2} of {Environment.ProcessorCount} cores |");
report.AppendLine(CultureInfo.InvariantCulture, $"| machine load average (1 min) before / after the load phase | {string.Join(" / ", new[] { cpuBeforeLoad, cpuAfterLoad }.Select(c => c.LoadAverage.Length > 0 ? c.LoadAverage[0].ToString("F1", CultureInfo.InvariantCulture) : "?"))} (other work on the machine included) |");
report.AppendLine(CultureInfo.InvariantCulture, $"| every screen heard the last vote | {(allHeardAt == 0 ? "no (see undelivered)" : $"{Stats.F(Stats.Ms(lastCastEnd, allHeardAt))} ms after the last cast's answer (negative: before it; the broadcast precedes the answer)")} |");
if (options.Refetch)
{
    report.AppendLine(CultureInfo.InvariantCulture, $"| panel fetches | {connected.Sum(s => s.Fetches)} |");
}

report.AppendLine();
report.AppendLine(Stats.Header);
report.AppendLine(new Stats(connectMs.Where((_, i) => screens[i] is not null)).Row("screen connect + Join"));
report.AppendLine(castStats.Row($"cast (POST → 2xx), load, concurrency {options.Concurrency}"));
report.AppendLine(new Stats(perScreenLoad).Row("load: cast sent → one screen heard it (rank-matched)"));
report.AppendLine(new Stats(allScreensLoad).Row("load: cast sent → all screens heard it (rank-matched)"));
report.AppendLine(new Stats(probeCast).Row("probe: cast (POST → 2xx), alone"));
var seen = options.Refetch ? "panel re-fetched" : "heard it";
report.AppendLine(new Stats(probePerScreen).Row($"probe: cast sent → one screen {seen}"));
report.AppendLine(new Stats(probeAll).Row($"probe: cast sent → all screens {seen}"));
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Sequential scans during the load phase ({loadCasts} casts), most rows read first:");
report.AppendLine();
report.AppendLine("| table | seq scans | rows read by seq scans | per cast | index scans |");
report.AppendLine("|---|---:|---:|---:|---:|");
foreach (var row in TableScans.Top(scansBefore, scansAfter, 6))
{
    report.AppendLine(CultureInfo.InvariantCulture, $"| {row.Table} | {row.SeqScans} | {row.SeqRows} | {row.SeqRows / (double)loadCasts:F0} | {row.IndexScans} |");
}

foreach (var sample in errorSamples.Take(5).Concat(hubErrors.Distinct().Take(3)))
{
    report.AppendLine(CultureInfo.InvariantCulture, $"\nerror sample: {sample}");
}

Console.WriteLine();
Console.WriteLine(report.ToString());
if (options.Output is not null)
{
    await File.AppendAllTextAsync(options.Output, report + Environment.NewLine);
    Log($"report appended to {options.Output}");
}

foreach (var s in connected)
{
    await s.Hub.DisposeAsync();
}

return failed + probeErrors + connectErrors == 0 ? 0 : 1;

async Task<CastResult> CastAsync(Voter voter, VoteChoice choice)
{
    var t0 = Stopwatch.GetTimestamp();
    try
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/ballots/{ballot.BallotId}/votes")
        {
            Content = new StringContent($"{{\"choice\":\"{choice}\"}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", voter.Token);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var t1 = Stopwatch.GetTimestamp();
        if (!response.IsSuccessStatusCode)
        {
            lock (errorSamples)
            {
                errorSamples.Add($"{(int)response.StatusCode} for {voter.UserName}: {body[..Math.Min(body.Length, 300)]}");
            }
        }

        return new CastResult(t0, t1, response.IsSuccessStatusCode);
    }
    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
    {
        lock (errorSamples)
        {
            errorSamples.Add($"{voter.UserName}: {ex.Message}");
        }

        return new CastResult(t0, Stopwatch.GetTimestamp(), false);
    }
}

/// <summary>One cast: when it was sent and answered (Stopwatch ticks), and whether it was stored (2xx).</summary>
internal sealed record CastResult(long Start, long End, bool Ok)
{
    public double Ms => Stats.Ms(Start, End);
}
