using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using IntergovCommission.Testing;
using IntergovCommission.Web.Infrastructure.Postgres;

namespace IntergovCommission.Benchmarks;

/// <summary>
/// The cost of a vote (issue #16): the app as its own Release process over a prepared database
/// (the demo commission, 27 voters present, one ballot open); C clients cast and change votes over
/// <c>POST /api/v1/ballots/{id}/votes</c> for S seconds; then pgbench does the row a cast stores on
/// the same cluster with the same clients and duration. Prints throughput and its ratio to pgbench,
/// CPU per cast (app, PostgreSQL), statements and commits per cast (pg_stat_statements,
/// transaction ids), latency percentiles, and the fixed cost of two plain requests.
/// </summary>
public static class CastCost
{
    public const string Usage = """
        dotnet run -c Release --project tests/IntergovCommission.Benchmarks -- cast-cost [--clients C] [--seconds S] [--out FILE]
          --clients C   concurrent clients casting, and pgbench clients (default 16)
          --seconds S   duration of the concurrent phase and of pgbench (default 20)
          --out FILE    also append the report (Markdown) to FILE
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var clients = 16;
        var seconds = 20;
        string? output = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--clients" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var c) && c > 0:
                    clients = c;
                    i++;
                    break;
                case "--seconds" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var s) && s > 0:
                    seconds = s;
                    i++;
                    break;
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        void Log(string line) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");
        Environment.SetEnvironmentVariable(LocalPostgres.PreloadVariable, "pg_stat_statements");
        var started = DateTimeOffset.UtcNow;

        // 1. Setup through the real use cases, in process; then the in-process app is gone.
        string connectionString;
        LiveBallot ballot;
        await using (var setup = await TestApp.CreateAsync(seedDemo: true))
        {
            ballot = await BenchSetup.PrepareAsync(setup, 27, Log);
            connectionString = setup.ConnectionString;
        }

        var machine = await MachineInfo.DescribeAsync(connectionString);
        var cpu = CpuMeter.ForThisProcessCluster();
        var counters = new PgCounters(connectionString);
        await counters.EnsureAsync();

        // 2. The app as its own process with its production settings (logging included); a generous per-token
        // rate limit (the benchmark's voters cast far faster than people).
        await using var app = await AppProcess.StartAsync(connectionString, new Dictionary<string, string>
        {
            ["Api:RateLimit:PermitPerMinute"] = "1000000",
        }, Log);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients + 4, UseCookies = false, AutomaticDecompression = DecompressionMethods.None };
        using var http = new HttpClient(handler) { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };
        var voters = ballot.Voters;
        var errors = new List<string>();
        var choices = new[] { "For", "Against", "Abstain" };

        async Task<(bool Ok, double Ms)> CastAsync(Voter voter, int round)
        {
            var t0 = Stopwatch.GetTimestamp();
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/ballots/{ballot.BallotId}/votes")
            {
                Content = new StringContent($"{{\"choice\":\"{choices[(voter.Index + round) % 3]}\"}}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", voter.Token);
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                lock (errors)
                {
                    errors.Add($"{(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
                }
            }

            return (response.IsSuccessStatusCode, Stats.Ms(t0, Stopwatch.GetTimestamp()));
        }

        async Task<double> GetAsync(string path, string? token)
        {
            var t0 = Stopwatch.GetTimestamp();
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (token is not null)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode)
            {
                lock (errors)
                {
                    errors.Add($"GET {path}: {(int)response.StatusCode}");
                }
            }

            return Stats.Ms(t0, Stopwatch.GetTimestamp());
        }

        // 3. Warm-up (JIT, pools, caches): every voter casts a few times.
        for (var round = 0; round < 40; round++)
        {
            await Task.WhenAll(voters.Select(v => CastAsync(v, round)));
        }

        for (var i = 0; i < 200; i++)
        {
            await GetAsync("/health/live", null);
            await GetAsync("/api/v1/me", voters[i % voters.Count].Token);
        }

        errors.Clear();
        Log("warm-up done");

        // 4. One client, sequential: latency on a quiet machine, and the exact cost of one cast.
        const int sequential = 400;
        var pgBefore = await counters.ReadAsync();
        var cpuBefore = (App: app.CpuSeconds(), Db: cpu.Read().Postgres);
        var single = new List<double>(sequential);
        for (var i = 0; i < sequential; i++)
        {
            var (ok, ms) = await CastAsync(voters[i % voters.Count], 10 + (i / voters.Count));
            if (ok)
            {
                single.Add(ms);
            }
        }

        var cpuAfter = (App: app.CpuSeconds(), Db: cpu.Read().Postgres);
        var pgAfter = await counters.ReadAsync();
        var singleCasts = Math.Max(1, single.Count);
        var statementsPerCast = (pgAfter.Statements - pgBefore.Statements) / (double)singleCasts;
        var commitsPerCast = (pgAfter.Commits - pgBefore.Commits) / (double)singleCasts;
        var appCpuSingle = (cpuAfter.App - cpuBefore.App) * 1000 / singleCasts;
        var dbCpuSingle = (cpuAfter.Db - cpuBefore.Db) * 1000 / singleCasts;
        var topStatements = PgCounters.Delta(pgBefore, pgAfter).Take(25).ToList();
        Log($"sequential: {single.Count} casts, {statementsPerCast:F1} statements and {commitsPerCast:F2} commits per cast");

        // 5. Fixed cost of a request: /health/live (no database) and /api/v1/me (the caller).
        var fixedCost = new List<(string Name, Stats Latency, double AppCpuMs, double Statements)>();
        foreach (var (name, path, token) in new[] { ("GET /health/live", "/health/live", (string?)null), ("GET /api/v1/me", "/api/v1/me", voters[0].Token) })
        {
            const int n = 1000;
            var before = await counters.ReadAsync();
            var appBefore = app.CpuSeconds();
            var samples = new List<double>(n);
            for (var i = 0; i < n; i++)
            {
                samples.Add(await GetAsync(path, token));
            }

            var appAfter = app.CpuSeconds();
            var after = await counters.ReadAsync();
            fixedCost.Add((name, new Stats(samples), (appAfter - appBefore) * 1000 / n, (after.Statements - before.Statements) / (double)n));
        }

        // 6. Concurrent: C clients for S seconds, each casting and changing the votes of its own voters in turn.
        var deadline = TimeSpan.FromSeconds(seconds);
        var latencies = new List<double>[clients];
        var failures = 0;
        var loadCpuBefore = (App: app.CpuSeconds(), Db: cpu.Read().Postgres);
        var loadPgBefore = await counters.ReadAsync();
        var loadClock = Stopwatch.StartNew();
        // INTERGOV_BENCH_TRACE=FILE: a CPU sampling trace of the app during the concurrent phase (dotnet-trace on PATH).
        using var trace = Environment.GetEnvironmentVariable("INTERGOV_BENCH_TRACE") is { Length: > 0 } traceFile
            ? Process.Start("dotnet-trace", ["collect", "-p", app.Pid.ToString(CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time", "--duration", TimeSpan.FromSeconds(Math.Max(2, seconds - 3)).ToString("c", CultureInfo.InvariantCulture), "-o", traceFile])
            : null;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            latencies[c] = [];
            var mine = voters.Where(v => v.Index % clients == c).ToList();
            if (mine.Count == 0)
            {
                mine = [voters[c % voters.Count]];
            }

            var round = 100;
            while (loadClock.Elapsed < deadline)
            {
                foreach (var voter in mine)
                {
                    var (ok, ms) = await CastAsync(voter, round);
                    if (ok)
                    {
                        latencies[c].Add(ms);
                    }
                    else
                    {
                        Interlocked.Increment(ref failures);
                    }
                }

                round++;
            }
        })));
        loadClock.Stop();
        if (trace is not null)
        {
            await trace.WaitForExitAsync();
        }

        var loadCpuAfter = (App: app.CpuSeconds(), Db: cpu.Read().Postgres);
        var loadPgAfter = await counters.ReadAsync();
        var load = new Stats(latencies.SelectMany(l => l));
        var throughput = load.Count / loadClock.Elapsed.TotalSeconds;
        var appCpuLoad = (loadCpuAfter.App - loadCpuBefore.App) * 1000 / Math.Max(1, load.Count);
        var dbCpuLoad = (loadCpuAfter.Db - loadCpuBefore.Db) * 1000 / Math.Max(1, load.Count);
        var loadStatements = (loadPgAfter.Statements - loadPgBefore.Statements) / (double)Math.Max(1, load.Count);
        Log($"concurrent: {load.Count} casts in {loadClock.Elapsed.TotalSeconds:F1} s = {throughput:F0}/s, {failures} failed");

        // 7. pgbench: the row a cast stores, same cluster, same clients and duration.
        var (tps, pgbenchCpu) = await PgCounters.PgbenchUpsertAsync(connectionString, clients, seconds, voters.Count, cpu);
        Log($"pgbench: {tps:F0} upserts/s");
        var workingSet = app.WorkingSetBytes();

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"### Cost of a vote, {started:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine();
        report.AppendLine("| machine | |");
        report.AppendLine("|---|---|");
        foreach (var (name, value) in machine)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"| load average (1 min) at the end | {File.ReadAllText("/proc/loadavg").Split(' ')[0]} |");
        report.AppendLine();
        report.AppendLine("| figure | value |");
        report.AppendLine("|---|---|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| casts stored per second, {clients} clients, {seconds} s | **{throughput:F0}** ({load.Count} casts, {failures} failed) |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| pgbench upserts per second, same cluster, {clients} clients, {seconds} s | {tps:F0} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| ratio casts / pgbench | **{throughput / tps * 100:F2} %** |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| statements per cast (pg_stat_statements, resets included), one client | {statementsPerCast:F1} (under load: {loadStatements:F1}) |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| write transactions (commits that wrote) per cast, one client | {commitsPerCast:F2} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| CPU per cast, one client | app {appCpuSingle:F2} ms, PostgreSQL {dbCpuSingle:F2} ms |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| CPU per cast, {clients} clients | app {appCpuLoad:F2} ms, PostgreSQL {dbCpuLoad:F2} ms (pgbench: PostgreSQL {pgbenchCpu * 1000 / Math.Max(1, tps * seconds):F3} ms per upsert) |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| app working set at the end | {workingSet / 1024 / 1024} MB |");
        foreach (var (name, latency, appCpu, statements) in fixedCost)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name}, one client | app CPU {appCpu:F2} ms per request, {statements:F1} statements, p50 {Stats.F(latency.Percentile(50))} ms |");
        }

        report.AppendLine();
        report.AppendLine(Stats.Header);
        report.AppendLine(new Stats(single).Row("cast, one client"));
        report.AppendLine(load.Row($"cast, {clients} clients"));
        foreach (var (name, latency, _, _) in fixedCost)
        {
            report.AppendLine(latency.Row(name + ", one client"));
        }

        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Statements of the {singleCasts} sequential casts (calls per cast):");
        report.AppendLine();
        report.AppendLine("| per cast | statement |");
        report.AppendLine("|---:|---|");
        foreach (var (query, calls) in topStatements)
        {
            var text = string.Join(' ', query.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).Replace("|", "\\|", StringComparison.Ordinal);
            report.AppendLine(CultureInfo.InvariantCulture, $"| {calls / (double)singleCasts:F2} | `{(text.Length > 140 ? text[..140] + "…" : text)}` |");
        }

        foreach (var sample in errors.Distinct().Take(5))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"\nerror sample: {sample}");
        }

        Console.WriteLine();
        Console.WriteLine(report);
        if (output is not null)
        {
            await File.AppendAllTextAsync(output, report + Environment.NewLine);
        }

        return failures == 0 && errors.Count == 0 ? 0 : 1;
    }
}
