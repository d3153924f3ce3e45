using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Live;
using IntergovCommission.Web.Features.Tokens;
using IntergovCommission.Web.Hubs;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests;

/// <summary>
/// Two app instances over one PostgreSQL with Redis (Debian's redis-server on a loopback port) as
/// the SignalR backplane and rate-limit store (issue #16, docs/operations.md "Scaling out").
/// </summary>
public sealed class ScaleOutTests
{
    [Fact]
    public async Task A_cast_through_instance_A_reaches_a_screen_on_instance_B_and_a_sign_in_made_on_A_is_valid_on_B()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?> { ["Redis:Configuration"] = redis.Configuration };
        await using var a = await TestApp.CreateAsync(settings: settings);
        var serverA = a.StartKestrel();
        await using var b = TestApp.Reopen(a.ConnectionString, settings: settings);
        var serverB = b.StartKestrel();

        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(a);
        await LiveScenario.RegisterEveryoneAsync(a, sessionId);
        var ballotId = await a.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));

        // Signed in on A; the same cookie opens the live hub on B (the Data Protection key ring is shared).
        var cookies = await SignInAsync(serverA, "ru.member");
        using (var handler = new HttpClientHandler { CookieContainer = CopyTo(cookies, serverA, serverB), AllowAutoRedirect = false })
        using (var onB = new HttpClient(handler) { BaseAddress = serverB })
        {
            using var page = await onB.GetAsync(new Uri($"/Sessions/Live/{sessionId}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        await using var screen = new HubConnectionBuilder()
            .WithUrl(new Uri(serverB, LiveSessionHub.Path), HttpTransportType.WebSockets, o => o.Cookies = CopyTo(cookies, serverA, serverB))
            .Build();
        var heard = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        screen.On<JsonElement>("changed", message =>
        {
            if (message.TryGetProperty("what", out var what) && what.GetString() == "vote")
            {
                heard.TrySetResult(message);
            }
        });
        await screen.StartAsync();
        await screen.InvokeAsync("Join", sessionId);

        // The cast goes through A's API.
        var token = await a.SendAsAsync("kz.member", new CreateAccessToken.Command { Name = "scale-out", ExpiresInDays = 1 });
        using var api = new HttpClient { BaseAddress = serverA };
        using var cast = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/ballots/{ballotId}/votes")
        {
            Content = new StringContent("{\"choice\":\"Against\"}", Encoding.UTF8, "application/json"),
        };
        cast.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        using var answer = await api.SendAsync(cast);
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());

        var message = await heard.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(ballotId, message.GetProperty("ballotId").GetGuid());
        Assert.Equal("Against", message.GetProperty("choice").GetString());
    }

    [Fact]
    public async Task The_api_rate_limit_is_counted_for_both_instances_together()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?> { ["Redis:Configuration"] = redis.Configuration, ["Api:RateLimit:PermitPerMinute"] = "6" };
        await using var a = await TestApp.CreateAsync(settings: settings);
        var serverA = a.StartKestrel();
        await using var b = TestApp.Reopen(a.ConnectionString, settings: settings);
        var serverB = b.StartKestrel();
        var token = await a.SendAsAsync("kz.member", new CreateAccessToken.Command { Name = "limit", ExpiresInDays = 1 });

        var statuses = new List<HttpStatusCode>();
        foreach (var server in new[] { serverA, serverB, serverA, serverB, serverA, serverB, serverA, serverB })
        {
            using var client = new HttpClient { BaseAddress = server };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
            using var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        // Six per minute for the user in all: the 7th and 8th are refused whichever instance they reach.
        Assert.Equal(6, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses.Skip(6));
        Assert.True(await a.QueryAsync(db => db.DataProtectionKeys.AnyAsync()), "the key ring is kept in the database");
    }

    private static async Task<CookieContainer> SignInAsync(Uri server, string userName)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = server };
        var login = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        var antiforgery = System.Text.RegularExpressions.Regex.Match(login, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = DecisionScenario.Password,
            ["__RequestVerificationToken"] = antiforgery,
        });
        using var signedIn = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return cookies;
    }

    private static CookieContainer CopyTo(CookieContainer from, Uri source, Uri target)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in from.GetCookies(source))
        {
            copy.Add(target, new Cookie(cookie.Name, cookie.Value, "/"));
        }

        return copy;
    }

    /// <summary>Debian's redis-server on a free loopback port, no persistence; stopped when disposed.</summary>
    private sealed class RedisServer : IAsyncDisposable
    {
        private readonly Process _process;

        private RedisServer(Process process, int port)
        {
            _process = process;
            Configuration = $"127.0.0.1:{port}";
        }

        public string Configuration { get; }

        public static async Task<RedisServer> StartAsync()
        {
            var executable = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException("redis-server is not installed (Debian: apt-get install redis-server; ./test.sh installs it as root).");
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }

            var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no" })
            {
                start.ArgumentList.Add(arg);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(20))
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    return new RedisServer(process, port);
                }
                catch (SocketException)
                {
                    await Task.Delay(100);
                }
            }

            process.Kill();
            throw new InvalidOperationException("redis-server did not listen within 20 s");
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }
    }
}

/// <summary>Metrics at /metrics (OpenTelemetry, Prometheus text), only when switched on and only for the scraper.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_are_served_to_the_scraper_with_the_token_and_refused_without_it()
    {
        await using var app = await TestApp.CreateAsync(settings: new Dictionary<string, string?> { ["Metrics:Enabled"] = "true", ["Metrics:Token"] = "scrape-secret-2026" });
        var server = app.StartKestrel();
        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(app);
        await LiveScenario.RegisterEveryoneAsync(app, sessionId);
        var ballotId = await app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
        await app.SendAsAsync("kz.member", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.For });
        using var client = new HttpClient { BaseAddress = server };
        using (var health = await client.GetAsync(new Uri("/health/live", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        using (var refused = await client.GetAsync(new Uri("/metrics", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "scrape-secret-2026");
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("http_server_request_duration", text, StringComparison.Ordinal);
        Assert.Contains("intergov_votes_cast", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_setting_there_is_no_metrics_endpoint()
    {
        await using var app = await TestApp.CreateAsync(seedDemo: false);
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
