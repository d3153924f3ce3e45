using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Voting;
using IntergovCommission.IntegrationTests.Materials;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Decisions;
using IntergovCommission.Web.Features.Live;
using IntergovCommission.Web.Hubs;
using IntergovCommission.Web.Features.Tokens;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Live;

/// <summary>
/// KZRU-14: an invited person is a commission membership but reads only the items they speak to —
/// not the decisions, their roll call and dissent, nor the live votes. And the live hub works over
/// long polling (the hub reads its own connection's user, not the HTTP context).
/// </summary>
public sealed class InvitedPersonTests
{
    [Fact]
    public async Task An_invited_person_reads_no_decision_and_hears_no_vote_KZRU_14()
    {
        await using var app = await TestApp.CreateAsync();
        var server = app.StartKestrel();
        var adopted = await DecisionScenario.AdoptedAsync(app, DecisionKind.ProgrammeApprovalOrChange);
        var commissionId = await app.QueryAsync(db => db.Commissions.Select(c => c.Id).SingleAsync());
        await MaterialTests.CreateInviteeUserAsync(app, commissionId, "guest.expert");

        foreach (var read in new Func<Task>[]
                 {
                     () => app.SendAsAsync("guest.expert", new GetDecision.Query(adopted.DecisionId)),
                     () => app.SendAsAsync("guest.expert", new ListSessionDecisions.Query(adopted.SessionId)),
                     () => app.SendAsAsync("guest.expert", new GetLiveSession.Query(adopted.SessionId)),
                 })
        {
            var refused = await Assert.ThrowsAsync<ForbiddenException>(read);
            Assert.Equal("KZRU-14", refused.RuleId);
        }

        using var api = new HttpClient { BaseAddress = server };
        var token = await app.SendAsAsync("guest.expert", new CreateAccessToken.Command { Name = "probe", ExpiresInDays = 30 });
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        foreach (var path in new[] { $"/api/v1/decisions/{adopted.DecisionId}", $"/api/v1/sessions/{adopted.SessionId}/decisions", $"/api/v1/sessions/{adopted.SessionId}/live" })
        {
            using var response = await api.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {(int)response.StatusCode} {body}");
            Assert.DoesNotContain(DecisionScenario.RussianText[..20], body, StringComparison.Ordinal);
            using var problem = JsonDocument.Parse(body);
            Assert.Equal("KZRU-14", problem.RootElement.GetProperty("rule").GetString());
        }

        // The live hub refuses to let the invited person join the session's group.
        await using var invitee = await ConnectAsync(server, "guest.expert", "Guest-Password-2026", HttpTransportType.LongPolling);
        var join = await Assert.ThrowsAsync<HubException>(() => invitee.InvokeAsync("Join", adopted.SessionId));
        Assert.Contains("KZRU-14", join.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpTransportType.LongPolling)]
    [InlineData(HttpTransportType.ServerSentEvents)]
    [InlineData(HttpTransportType.WebSockets)]
    public async Task A_member_hears_each_vote_live_over_any_transport(HttpTransportType transport)
    {
        await using var app = await TestApp.CreateAsync();
        var server = app.StartKestrel();
        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(app);
        await LiveScenario.RegisterEveryoneAsync(app, sessionId);
        var ballotId = await app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
        await using var member = await ConnectAsync(server, "ru.member", DecisionScenario.Password, transport);
        var heard = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        member.On<JsonElement>("changed", message =>
        {
            if (message.TryGetProperty("what", out var what) && what.GetString() == "vote")
            {
                heard.TrySetResult(message);
            }
        });

        await member.InvokeAsync("Join", sessionId);
        await app.SendAsAsync("kz.member", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.Against });

        var message = await heard.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(ballotId, message.GetProperty("ballotId").GetGuid());
        Assert.Equal("Against", message.GetProperty("choice").GetString());
    }

    private static async Task<HubConnection> ConnectAsync(Uri server, string userName, string password, HttpTransportType transport)
    {
        var cookies = new CookieContainer();
        using (var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        using (var client = new HttpClient(handler) { BaseAddress = server })
        {
            var login = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
            var token = System.Text.RegularExpressions.Regex.Match(login, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = userName,
                ["Input.Password"] = password,
                ["__RequestVerificationToken"] = token,
            });
            using var signedIn = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, LiveSessionHub.Path), transport, options => options.Cookies = cookies)
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
