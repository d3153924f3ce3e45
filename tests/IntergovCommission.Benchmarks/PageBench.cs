using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;

namespace IntergovCommission.Benchmarks;

/// <summary>
/// Pages over ten years of data (issue #16): the live session of <see cref="BenchSetup"/> made through
/// the use cases, then <see cref="TenYears"/> beside it; the app as its own Release process over that
/// database (its start-up verification of the whole audit chain included and timed); each main page
/// requested by the people who use it, signed in through the sign-in form, one client, sequential:
/// p50/p95/p99 per page (time to the last byte on loopback, an upper bound of the server's time).
/// Then the decision PDF rendered warm (the draft preview renders the decision document each time),
/// the session pack ZIP streamed with the app's resident memory sampled during it, and the working set
/// at the end.
/// </summary>
public static partial class PageBench
{
    public const string Usage = """
        dotnet run -c Release --project tests/IntergovCommission.Benchmarks -- pages [--samples N] [--audit-rows N] [--pack-files N] [--out FILE]
          --samples N      timed requests per page (default 200)
          --audit-rows N   audit rows to generate (default 500000)
          --pack-files N   distinct 2 MB files in the pack of one session (default 100)
          --out FILE       also append the report (Markdown) to FILE
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var samples = 200;
        var auditRows = 500_000;
        var packFiles = 100;
        string? output = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--samples" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
                    samples = n;
                    i++;
                    break;
                case "--audit-rows" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var a) && a >= 0:
                    auditRows = a;
                    i++;
                    break;
                case "--pack-files" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var p) && p > 0:
                    packFiles = p;
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
        var started = DateTimeOffset.UtcNow;

        // 1. A live session through the use cases (27 voters present, a ballot open), then ten years beside it.
        string connectionString;
        LiveBallot ballot;
        TenYears.Counts counts;
        TenYears.Landmarks marks;
        await using (var setup = await TestApp.CreateAsync(seedDemo: true))
        {
            ballot = await BenchSetup.PrepareAsync(setup, 27, Log);
            connectionString = setup.ConnectionString;
            (counts, marks) = await TenYears.GenerateAsync(connectionString, ballot.CommissionId, auditRows, packFiles, Log);
        }

        Log($"data: {counts}");
        var machine = await MachineInfo.DescribeAsync(connectionString);

        // 2. The app as its own process; it verifies the whole audit chain at start-up (first verification).
        var startClock = Stopwatch.StartNew();
        await using var app = await AppProcess.StartAsync(connectionString, new Dictionary<string, string>
        {
            ["Api:RateLimit:PermitPerMinute"] = "1000000",
            ["Serilog:MinimumLevel:Override:IntergovCommission.Web.Features.Audit"] = "Information",
        }, Log);
        var verified = await WaitForAsync(app, "Audit chain verified", TimeSpan.FromMinutes(10));
        var verificationSeconds = startClock.Elapsed.TotalSeconds;
        var afterVerification = app.WorkingSetBytes();
        Log(verified ? $"audit chain verified by the app, {verificationSeconds:F1} s after start; working set {afterVerification / 1048576} MB"
            : "the app did not report the audit verification: " + string.Join(" / ", app.LastOutput(5)));

        using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None };
        using var http = new HttpClient(handler) { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(120) };
        var cookies = new Dictionary<string, string>();
        foreach (var user in new[] { "kz.secretary", "kz.member", "kz.cochair", "ru.secretary" })
        {
            cookies[user] = await SignInAsync(http, user);
        }

        var sid = ballot.SessionId;
        var cid = ballot.CommissionId;
        var pages = new (string Name, string User, string Path)[]
        {
            ("home", "kz.member", "/"),
            ("home", "kz.secretary", "/"),
            ("sessions list", "kz.secretary", $"/Sessions?commissionId={cid}"),
            ("session (held)", "kz.member", $"/Sessions/Details/{marks.HeldSessionId}"),
            ("session (in progress)", "kz.secretary", $"/Sessions/Details/{sid}"),
            ("live", "kz.member", $"/Sessions/Live/{sid}"),
            ("live", "kz.secretary", $"/Sessions/Live/{sid}"),
            ("decisions list", "kz.cochair", "/Decisions"),
            ("decision (issued)", "kz.member", $"/Decisions/Details/{marks.IssuedDecisionId}"),
            ("decision (in signing)", "kz.cochair", $"/Decisions/Details/{marks.SigningDecisionId}"),
            ("roster", "kz.secretary", $"/Commissions/Roster/{cid}"),
            ("control page", "kz.secretary", $"/Execution?commissionId={cid}"),
            ("control page, all", "ru.secretary", $"/Execution?commissionId={cid}&filter=All"),
            ("search", "kz.member", "/Search?q=" + Uri.EscapeDataString("испытаний")),
            ("search, two words", "kz.secretary", "/Search?q=" + Uri.EscapeDataString("телеметрии безопасности")),
            ("audit trail", "kz.secretary", $"/Audit?commissionId={cid}"),
            ("API: my work", "kz.member", "/api/v1/me/work"),
        };

        async Task<(double Ms, int Status, long Bytes)> GetAsync(string user, string path)
        {
            var t0 = Stopwatch.GetTimestamp();
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", cookies[user]);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            long bytes = 0;
            await using (var body = await response.Content.ReadAsStreamAsync())
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await body.ReadAsync(buffer)) > 0)
                {
                    bytes += read;
                }
            }

            return (Stats.Ms(t0, Stopwatch.GetTimestamp()), (int)response.StatusCode, bytes);
        }

        // 3. Warm-up: each page a few times (JIT, plans, pools), and each answer must be a page, not a refusal.
        var problems = new List<string>();
        foreach (var (name, user, path) in pages)
        {
            for (var i = 0; i < 10; i++)
            {
                var (_, status, _) = await GetAsync(user, path);
                if (status != 200 && i == 0)
                {
                    problems.Add($"{name} as {user}: {path} answered {status}");
                }
            }
        }

        Log("warm-up done" + (problems.Count > 0 ? "; " + string.Join("; ", problems) : string.Empty));

        // INTERGOV_BENCH_TRACE=FILE: a CPU sampling trace of the app during the timed pages (dotnet-trace on PATH), in speedscope format.
        using var trace = Environment.GetEnvironmentVariable("INTERGOV_BENCH_TRACE") is { Length: > 0 } traceFile
            ? Process.Start("dotnet-trace", ["collect", "-p", app.Pid.ToString(CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time", "--format", "speedscope", "-o", traceFile])
            : null;
        var rows = new List<(string Name, Stats Latency, double CpuMs, long Bytes)>();
        foreach (var (name, user, path) in pages)
        {
            var times = new List<double>(samples);
            long bytes = 0;
            var cpuBefore = app.CpuSeconds();
            for (var i = 0; i < samples; i++)
            {
                var (ms, _, size) = await GetAsync(user, path);
                times.Add(ms);
                bytes = size;
            }

            var stats = new Stats(times);
            var cpuMs = (app.CpuSeconds() - cpuBefore) * 1000 / samples;
            rows.Add(($"{name} ({user})", stats, cpuMs, bytes));
            Log($"{name} as {user}: p50 {Stats.F(stats.Percentile(50))} ms, p95 {Stats.F(stats.Percentile(95))} ms, p99 {Stats.F(stats.Percentile(99))} ms, app CPU {cpuMs:F1} ms, {bytes / 1024} KB");
        }

        if (trace is not null)
        {
            // dotnet-trace stops on Ctrl+C (SIGINT) and writes the file.
            _ = Process.Start("kill", ["-INT", trace.Id.ToString(CultureInfo.InvariantCulture)]);
            await trace.WaitForExitAsync();
        }

        // 4. The decision PDF, rendered each time (the draft preview of a decision in signing), warm.
        var pdfPath = $"/Decisions/Details/{marks.SigningDecisionId}?handler=Draft";
        for (var i = 0; i < 10; i++)
        {
            var (_, status, _) = await GetAsync("kz.secretary", pdfPath);
            if (status != 200 && i == 0)
            {
                problems.Add($"decision PDF: {status}");
            }
        }

        var pdfTimes = new List<double>();
        var pdfCpu = app.CpuSeconds();
        long pdfBytes = 0;
        for (var i = 0; i < Math.Max(20, samples / 4); i++)
        {
            var (ms, _, size) = await GetAsync("kz.secretary", pdfPath);
            pdfTimes.Add(ms);
            pdfBytes = size;
        }

        var pdf = new Stats(pdfTimes);
        var pdfCpuMs = (app.CpuSeconds() - pdfCpu) * 1000 / pdfTimes.Count;
        Log($"decision PDF rendered: p50 {Stats.F(pdf.Percentile(50))} ms, p95 {Stats.F(pdf.Percentile(95))} ms, {pdfBytes / 1024} KB");

        // 5. The session pack ZIP through the API with a secretary's token, the app's resident memory sampled every 20 ms.
        var token = ballot.Voters.First(v => v.UserName == "kz.secretary").Token;
        var beforePack = app.WorkingSetBytes();
        var peak = beforePack;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, app.WorkingSetBytes());
                await Task.Delay(20);
            }
        });
        var packClock = Stopwatch.StartNew();
        long packBytes = 0;
        int packStatus;
        using (var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/sessions/{marks.PackSessionId}/pack.zip"))
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            packStatus = (int)response.StatusCode;
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                packBytes += read;
            }
        }

        packClock.Stop();
        await sampling.CancelAsync();
        await sampler;
        if (packStatus != 200)
        {
            problems.Add($"pack.zip answered {packStatus}: " + string.Join(" / ", app.LastOutput(8)));
        }

        Log($"pack: {packStatus}, {packBytes / 1048576.0:F0} MB in {packClock.Elapsed.TotalSeconds:F1} s; working set {beforePack / 1048576} MB before, peak {peak / 1048576} MB");

        await Task.Delay(2000);
        var workingSet = app.WorkingSetBytes();

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"### Pages over ten years of data, {started:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine();
        report.AppendLine("| machine | |");
        report.AppendLine("|---|---|");
        foreach (var (name, value) in machine)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"| load average (1 min) at the end | {File.ReadAllText("/proc/loadavg").Split(' ')[0]} |");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Data: {counts.Commissions} commissions, {counts.People} people, {counts.Sessions:N0} sessions, {counts.Decisions:N0} decisions with {counts.Signatures:N0} signatures, {counts.Votes:N0} votes, {counts.Materials:N0} materials, {counts.Assignments:N0} assignments, {counts.AuditRows:N0} audit rows.");
        report.AppendLine();
        report.AppendLine("| figure | value |");
        report.AppendLine("|---|---|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| the app's verification of the whole audit chain at start-up | {(verified ? $"{verificationSeconds:F1} s after start, working set then {afterVerification / 1048576} MB" : "not reported")} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| decision PDF rendered (draft preview), warm | p50 {Stats.F(pdf.Percentile(50))} ms, p95 {Stats.F(pdf.Percentile(95))} ms, app CPU {pdfCpuMs:F1} ms, {pdfBytes / 1024} KB |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| session pack ZIP, {packFiles} distinct files | {packBytes / 1048576.0:F0} MB in {packClock.Elapsed.TotalSeconds:F1} s; working set {beforePack / 1048576} MB before, peak {peak / 1048576} MB during |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| app working set at the end | **{workingSet / 1048576} MB** |");
        report.AppendLine();
        report.AppendLine("| page (signed in as) | samples | p50 | p95 | p99 | max | mean | app CPU ms | KB |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, latency, cpuMs, bytes) in rows)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"{latency.Row(name)} {cpuMs:F1} | {bytes / 1024} |");
        }

        foreach (var problem in problems)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"\nproblem: {problem}");
        }

        Console.WriteLine();
        Console.WriteLine(report);
        if (output is not null)
        {
            await File.AppendAllTextAsync(output, report + Environment.NewLine);
        }

        return problems.Count == 0 && packStatus == 200 ? 0 : 1;
    }

    /// <summary>Signs in through the sign-in form (antiforgery token, demo password) and returns the cookie header.</summary>
    private static async Task<string> SignInAsync(HttpClient http, string user)
    {
        using var page = await http.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var antiforgeryCookie = string.Join("; ", page.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : []);
        var token = TokenPattern().Match(html).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = user,
                ["Input.Password"] = DemoDataSeeder.DemoPassword,
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie);
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Redirect || !response.Headers.TryGetValues("Set-Cookie", out var issued))
        {
            throw new InvalidOperationException($"{user} could not sign in: {(int)response.StatusCode}");
        }

        return string.Join("; ", issued.Select(c => c.Split(';')[0]).Append(antiforgeryCookie).Where(c => c.Length > 0));
    }

    private static async Task<bool> WaitForAsync(AppProcess app, string text, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (app.LastOutput(500).Any(l => l.Contains(text, StringComparison.Ordinal)))
            {
                return true;
            }

            if (app.LastOutput(500).Any(l => l.Contains("audit chain is broken", StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }

            await Task.Delay(250);
        }

        return false;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
