using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.IntegrationTests.Account;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Account;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Features.Tokens;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Api;

/// <summary>
/// What an integrating ministry system needs beyond the session journey: one proposal, notifications,
/// the session pack, the work plan, creating a commission, managing sign-ins and tokens, rotating a
/// token. Every call goes through HTTP with a real personal access token, with its refusal.
/// </summary>
public sealed class ApiContractTests
{
    private const string Almaty = "Asia/Almaty";

    private sealed record Caller(HttpClient Client, Guid TokenId) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    private static async Task<Caller> CallerAsync(TestApp app, string userName, string name = "contract")
    {
        var token = await app.SendAsAsync(userName, new CreateAccessToken.Command { Name = name, ExpiresInDays = 30 });
        return new Caller(ClientWith(app, token.Secret), token.TokenId);
    }

    private static HttpClient ClientWith(TestApp app, string secret)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        return client;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response);
    }

    private static async Task<JsonElement> ExpectAsync(HttpClient client, HttpMethod method, string path, HttpStatusCode expected, object? body = null)
    {
        var (status, json, response) = await SendAsync(client, method, path, body);
        using (response)
        {
            Assert.True(expected == status, $"{method} {path}: expected {(int)expected}, got {(int)status}: {json}");
            if ((int)status >= 400)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        return json;
    }

    /// <summary>A 201's Location must be a resource the same caller can GET.</summary>
    private static async Task<JsonElement> CreatedAndReadableAsync(HttpClient client, string path, object body)
    {
        var (status, json, response) = await SendAsync(client, HttpMethod.Post, path, body);
        using (response)
        {
            Assert.True(status == HttpStatusCode.Created, $"POST {path}: {(int)status} {json}");
            var location = response.Headers.Location ?? throw new InvalidOperationException("201 without Location");
            using var read = await client.GetAsync(location);
            Assert.True(read.StatusCode == HttpStatusCode.OK, $"GET {location} (Location of POST {path}) answered {(int)read.StatusCode}");
        }

        return json;
    }

    private static object SessionBody(double days) => ApiSessionJourneyTests.SessionBody(days);

    private static object Proposal => ApiSessionJourneyTests.Proposal;

    private static Task<Guid> CommissionIdAsync(TestApp app) => app.QueryAsync(db => db.Commissions.Select(c => c.Id).SingleAsync());

    private static Task<Guid> UserIdAsync(TestApp app, string userName) => app.QueryAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task A_submitted_proposal_is_readable_at_its_location_by_its_proposer_and_their_secretary_only()
    {
        await using var app = await TestApp.CreateAsync();
        var commissionId = await CommissionIdAsync(app);
        using var kzSecretary = await CallerAsync(app, "kz.secretary");
        using var kzMember = await CallerAsync(app, "kz.member");
        using var ruSecretary = await CallerAsync(app, "ru.secretary");
        using var ruMember = await CallerAsync(app, "ru.member");
        var session = await ExpectAsync(kzSecretary.Client, HttpMethod.Post, $"/api/v1/commissions/{commissionId}/sessions", HttpStatusCode.Created, SessionBody(12));
        var sessionId = session.GetProperty("sessionId").GetGuid();

        var submitted = await CreatedAndReadableAsync(kzMember.Client, $"/api/v1/sessions/{sessionId}/proposals", Proposal);
        var proposalId = submitted.GetProperty("proposalId").GetGuid();

        var asSecretary = await ExpectAsync(kzSecretary.Client, HttpMethod.Get, $"/api/v1/proposals/{proposalId}", HttpStatusCode.OK);
        Assert.Equal("О программе лётных испытаний", asSecretary.GetProperty("title").GetProperty("ru").GetString());
        Assert.Equal("Submitted", asSecretary.GetProperty("status").GetString());
        Assert.Equal(sessionId, asSecretary.GetProperty("sessionId").GetGuid());
        foreach (var other in new[] { ruSecretary, ruMember })
        {
            var refused = await ExpectAsync(other.Client, HttpMethod.Get, $"/api/v1/proposals/{proposalId}", HttpStatusCode.Forbidden);
            Assert.Equal("KZRU-06", refused.GetProperty("rule").GetString());
            Assert.Contains("author", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        await ExpectAsync(kzMember.Client, HttpMethod.Get, $"/api/v1/proposals/{Guid.NewGuid()}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Notifications_are_listed_in_the_requests_language_and_marked_read_only_by_their_recipient()
    {
        await using var app = await TestApp.CreateAsync();
        var commissionId = await CommissionIdAsync(app);
        using var kzSecretary = await CallerAsync(app, "kz.secretary");
        using var kzMember = await CallerAsync(app, "kz.member");
        var session = await ExpectAsync(kzSecretary.Client, HttpMethod.Post, $"/api/v1/commissions/{commissionId}/sessions", HttpStatusCode.Created, SessionBody(12));
        await ExpectAsync(kzMember.Client, HttpMethod.Post, $"/api/v1/sessions/{session.GetProperty("sessionId").GetGuid()}/proposals", HttpStatusCode.Created, Proposal);

        var list = await ExpectAsync(kzSecretary.Client, HttpMethod.Get, "/api/v1/notifications?take=10", HttpStatusCode.OK);
        var unread = list.GetProperty("unread").GetInt32();
        Assert.True(unread > 0);
        var first = list.GetProperty("items").EnumerateArray().First(n => !n.GetProperty("isRead").GetBoolean());
        var text = first.GetProperty("text").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.NotEqual(first.GetProperty("textKey").GetString(), text); // the sentence, not the resource key
        var id = first.GetProperty("id").GetGuid();

        // Another person cannot mark it: nothing changes.
        Assert.Equal(0, (await ExpectAsync(kzMember.Client, HttpMethod.Post, $"/api/v1/notifications/{id}/read", HttpStatusCode.OK)).GetProperty("marked").GetInt32());
        Assert.Null(await app.QueryAsync(db => db.Notifications.Where(n => n.Id == id).Select(n => n.ReadAt).SingleAsync()));

        Assert.Equal(1, (await ExpectAsync(kzSecretary.Client, HttpMethod.Post, $"/api/v1/notifications/{id}/read", HttpStatusCode.OK)).GetProperty("marked").GetInt32());
        Assert.NotNull(await app.QueryAsync(db => db.Notifications.Where(n => n.Id == id).Select(n => n.ReadAt).SingleAsync()));
        Assert.Equal(unread - 1, (await ExpectAsync(kzSecretary.Client, HttpMethod.Post, "/api/v1/notifications/read", HttpStatusCode.OK)).GetProperty("marked").GetInt32());
        Assert.Equal(0, (await ExpectAsync(kzSecretary.Client, HttpMethod.Get, "/api/v1/notifications", HttpStatusCode.OK)).GetProperty("unread").GetInt32());

        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/v1/notifications", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Work_plan_and_session_pack_are_served_to_the_commission_and_refused_outside_it_or_before_publication()
    {
        await using var app = await TestApp.CreateAsync();
        var commissionId = await CommissionIdAsync(app);
        using var kzSecretary = await CallerAsync(app, "kz.secretary");
        using var kzMember = await CallerAsync(app, "kz.member");
        await Demo.NewUserAsync(app, "outsider");
        using var outsider = await CallerAsync(app, "outsider");
        var session = await ExpectAsync(kzSecretary.Client, HttpMethod.Post, $"/api/v1/commissions/{commissionId}/sessions", HttpStatusCode.Created, SessionBody(12));
        var sessionId = session.GetProperty("sessionId").GetGuid();
        var year = SessionTime.ToLocal(DateTimeOffset.UtcNow.AddDays(12), Almaty).Year;

        var plan = await ExpectAsync(kzMember.Client, HttpMethod.Get, $"/api/v1/commissions/{commissionId}/work-plan?year={year}", HttpStatusCode.OK);
        Assert.Contains(plan.GetProperty("sessions").EnumerateArray(), s => s.GetProperty("id").GetGuid() == sessionId);
        var badYear = await ExpectAsync(kzMember.Client, HttpMethod.Get, $"/api/v1/commissions/{commissionId}/work-plan?year=1999", HttpStatusCode.BadRequest);
        Assert.True(badYear.GetProperty("errors").TryGetProperty("year", out _));
        await ExpectAsync(outsider.Client, HttpMethod.Get, $"/api/v1/commissions/{commissionId}/work-plan", HttpStatusCode.Forbidden);

        // Before the co-chairs publish the agenda a member gets no pack (KZRU-11); the secretary does.
        var refused = await ExpectAsync(kzMember.Client, HttpMethod.Get, $"/api/v1/sessions/{sessionId}/pack.zip", HttpStatusCode.Forbidden);
        Assert.Equal("KZRU-11", refused.GetProperty("rule").GetString());
        await ExpectAsync(outsider.Client, HttpMethod.Get, $"/api/v1/sessions/{sessionId}/pack.zip", HttpStatusCode.Forbidden);
        using var zip = await kzSecretary.Client.GetAsync(new Uri($"/api/v1/sessions/{sessionId}/pack.zip", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
        using var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        Assert.Contains(archive.Entries, e => e.FullName == "index.html");
    }

    [Fact]
    public async Task An_administrators_token_creates_a_commission_and_manages_sign_ins_others_are_refused()
    {
        await using var app = await TestApp.CreateAsync();
        using var admin = await CallerAsync(app, "admin");
        using var kzSecretary = await CallerAsync(app, "kz.secretary");
        var profileId = await AdministrationTests.ProfileIdAsync(app);

        // A commission.
        var commission = CommissionCreationTests.ValidCommission("API", profileId);
        await ExpectAsync(kzSecretary.Client, HttpMethod.Post, "/api/v1/commissions", HttpStatusCode.Forbidden, commission);
        var created = await CreatedAndReadableAsync(admin.Client, "/api/v1/commissions", commission);
        Assert.Equal("API", await app.QueryAsync(db => db.Commissions.Where(c => c.Id == created.GetProperty("id").GetGuid()).Select(c => c.Code).SingleAsync()));
        var invalid = await ExpectAsync(admin.Client, HttpMethod.Post, "/api/v1/commissions", HttpStatusCode.BadRequest, CommissionCreationTests.ValidCommission("", profileId));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("code", out _));

        // Sign-ins: list, create (its Location reads), refused to a secretary.
        await ExpectAsync(kzSecretary.Client, HttpMethod.Get, "/api/v1/admin/users", HttpStatusCode.Forbidden);
        await ExpectAsync(kzSecretary.Client, HttpMethod.Get, "/api/v1/admin/people-without-account", HttpStatusCode.Forbidden);
        var users = await ExpectAsync(admin.Client, HttpMethod.Get, "/api/v1/admin/users", HttpStatusCode.OK);
        Assert.Contains(users.EnumerateArray(), u => u.GetProperty("userName").GetString() == "kz.member");
        await ExpectAsync(admin.Client, HttpMethod.Get, "/api/v1/admin/people-without-account", HttpStatusCode.OK);
        var newUser = await CreatedAndReadableAsync(admin.Client, "/api/v1/admin/users", new
        {
            userName = "edms.connector",
            displayName = "EDMS connector",
            preferredLanguage = "ru",
            initialPassword = "Connector-Password-2026",
        });
        Assert.NotEqual(Guid.Empty, newUser.GetProperty("id").GetGuid());
        var weak = await ExpectAsync(admin.Client, HttpMethod.Post, "/api/v1/admin/users", HttpStatusCode.BadRequest, new { userName = "weak.user", displayName = "Weak", initialPassword = "short" });
        Assert.True(weak.GetProperty("errors").TryGetProperty("initialPassword", out _));

        // Disable stops the member's token; unlock lets it work again; reset revokes it for good.
        var memberId = await UserIdAsync(app, "kz.member");
        using var member = await CallerAsync(app, "kz.member");
        await ExpectAsync(kzSecretary.Client, HttpMethod.Post, $"/api/v1/admin/users/{memberId}/disable", HttpStatusCode.Forbidden);
        await ExpectAsync(admin.Client, HttpMethod.Post, $"/api/v1/admin/users/{memberId}/disable", HttpStatusCode.NoContent);
        Assert.True((await ExpectAsync(admin.Client, HttpMethod.Get, $"/api/v1/admin/users/{memberId}", HttpStatusCode.OK)).GetProperty("signInDisabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await member.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        await ExpectAsync(admin.Client, HttpMethod.Post, $"/api/v1/admin/users/{memberId}/unlock", HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);

        var adminId = await UserIdAsync(app, "admin");
        var self = await ExpectAsync(admin.Client, HttpMethod.Post, $"/api/v1/admin/users/{adminId}/disable", HttpStatusCode.UnprocessableEntity);
        Assert.Equal("ADM-02", self.GetProperty("rule").GetString());
        await ExpectAsync(admin.Client, HttpMethod.Get, $"/api/v1/admin/users/{Guid.NewGuid()}", HttpStatusCode.NotFound);

        var weakReset = await ExpectAsync(admin.Client, HttpMethod.Post, $"/api/v1/admin/users/{memberId}/password", HttpStatusCode.BadRequest, new { newPassword = "x" });
        Assert.True(weakReset.GetProperty("errors").TryGetProperty("newPassword", out _));
        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        await ExpectAsync(kzSecretary.Client, HttpMethod.Post, $"/api/v1/admin/users/{memberId}/password", HttpStatusCode.Forbidden, new { newPassword = "Another-Password-2026" });
        await ExpectAsync(admin.Client, HttpMethod.Post, $"/api/v1/admin/users/{memberId}/password", HttpStatusCode.NoContent, new { newPassword = "Another-Password-2026" });
        Assert.Equal(HttpStatusCode.Unauthorized, (await member.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Equal(0, await app.QueryAsync(db => db.ApiTokens.CountAsync(t => t.UserId == memberId && t.RevokedAt == null)));
        var audit = await app.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "ResetUserPassword.Command").Select(a => a.Changes).ToListAsync());
        Assert.Contains(audit, changes => changes.Contains("ApiToken", StringComparison.Ordinal) && changes.Contains("RevokedAt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_administrator_lists_and_revokes_another_users_tokens_a_secretary_cannot()
    {
        await using var app = await TestApp.CreateAsync();
        using var admin = await CallerAsync(app, "admin");
        using var kzSecretary = await CallerAsync(app, "kz.secretary");
        using var member = await CallerAsync(app, "kz.member", "EDMS");
        using var second = await CallerAsync(app, "kz.member", "Tablets");
        var memberId = await UserIdAsync(app, "kz.member");

        await ExpectAsync(kzSecretary.Client, HttpMethod.Get, $"/api/v1/admin/users/{memberId}/tokens", HttpStatusCode.Forbidden);
        await ExpectAsync(kzSecretary.Client, HttpMethod.Delete, $"/api/v1/admin/users/{memberId}/tokens", HttpStatusCode.Forbidden);
        await ExpectAsync(kzSecretary.Client, HttpMethod.Delete, $"/api/v1/tokens/{member.TokenId}", HttpStatusCode.NotFound);
        await ExpectAsync(admin.Client, HttpMethod.Get, $"/api/v1/admin/users/{Guid.NewGuid()}/tokens", HttpStatusCode.NotFound);
        var tokens = await ExpectAsync(admin.Client, HttpMethod.Get, $"/api/v1/admin/users/{memberId}/tokens", HttpStatusCode.OK);
        Assert.Equal(["EDMS", "Tablets"], tokens.EnumerateArray().Select(t => t.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToArray());
        Assert.DoesNotContain("secret", tokens.GetRawText(), StringComparison.OrdinalIgnoreCase);

        // One token, then all of them.
        await ExpectAsync(admin.Client, HttpMethod.Delete, $"/api/v1/tokens/{member.TokenId}", HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.Unauthorized, (await member.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Equal(1, (await ExpectAsync(admin.Client, HttpMethod.Delete, $"/api/v1/admin/users/{memberId}/tokens", HttpStatusCode.OK)).GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kzSecretary.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Contains("ApiToken", await app.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "RevokeUserAccessTokens.Command").Select(a => a.Changes).SingleAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_revokes_all_their_own_tokens_at_once_and_no_one_elses()
    {
        await using var app = await TestApp.CreateAsync();
        using var one = await CallerAsync(app, "kz.member", "one");
        using var two = await CallerAsync(app, "kz.member", "two");
        using var secretary = await CallerAsync(app, "kz.secretary");
        var memberId = await UserIdAsync(app, "kz.member");

        // Another user's tokens are an administrator's business only.
        await ExpectAsync(secretary.Client, HttpMethod.Delete, $"/api/v1/admin/users/{memberId}/tokens", HttpStatusCode.Forbidden);
        Assert.Equal(2, (await ExpectAsync(one.Client, HttpMethod.Delete, "/api/v1/tokens", HttpStatusCode.OK)).GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, (await one.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await two.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretary.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_token_creates_its_successor_the_old_one_keeps_until_expiry_or_is_revoked_on_request()
    {
        await using var app = await TestApp.CreateAsync();
        using var first = await CallerAsync(app, "kz.member", "EDMS");
        using var other = await CallerAsync(app, "kz.secretary");

        // Someone else's token has no successor for you.
        await ExpectAsync(other.Client, HttpMethod.Post, $"/api/v1/tokens/{first.TokenId}/successor", HttpStatusCode.NotFound, new { });
        var badExpiry = await ExpectAsync(first.Client, HttpMethod.Post, $"/api/v1/tokens/{first.TokenId}/successor", HttpStatusCode.BadRequest, new { expiresInDays = 0 });
        Assert.True(badExpiry.GetProperty("errors").TryGetProperty("expiresInDays", out _));

        var kept = await ExpectAsync(first.Client, HttpMethod.Post, $"/api/v1/tokens/{first.TokenId}/successor", HttpStatusCode.OK, new { expiresInDays = 60 });
        Assert.Equal(JsonValueKind.Null, kept.GetProperty("predecessorRevokedAt").ValueKind);
        using var second = ClientWith(app, kept.GetProperty("secret").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        var secondId = kept.GetProperty("tokenId").GetGuid();
        Assert.Equal("EDMS", await app.QueryAsync(db => db.ApiTokens.Where(t => t.Id == secondId).Select(t => t.Name).SingleAsync()));

        var replaced = await ExpectAsync(second, HttpMethod.Post, $"/api/v1/tokens/{secondId}/successor", HttpStatusCode.OK, new { name = "EDMS 2027", revokeCurrent = true });
        Assert.NotEqual(JsonValueKind.Null, replaced.GetProperty("predecessorRevokedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        using var third = ClientWith(app, replaced.GetProperty("secret").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await third.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);

        // A revoked token has no successor.
        await ExpectAsync(third, HttpMethod.Post, $"/api/v1/tokens/{secondId}/successor", HttpStatusCode.NotFound, new { });
    }

    [Fact]
    public async Task Active_tokens_are_capped_per_user_with_a_clear_refusal()
    {
        await using var app = await TestApp.CreateAsync(settings: new Dictionary<string, string?> { ["Api:Tokens:MaxActivePerUser"] = "2" });
        using var first = await CallerAsync(app, "kz.member", "one");
        await app.SendAsAsync("kz.member", new CreateAccessToken.Command { Name = "two", ExpiresInDays = 30 });
        var refused = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("kz.member", new CreateAccessToken.Command { Name = "three", ExpiresInDays = 30 }));
        Assert.Contains("2", Assert.Single(refused.Errors["Name"]), StringComparison.Ordinal);
        Assert.Equal(2, await app.QueryAsync(db => db.ApiTokens.CountAsync()));

        // Rotation at the cap must revoke the current token in the same call.
        var rotation = await ExpectAsync(first.Client, HttpMethod.Post, $"/api/v1/tokens/{first.TokenId}/successor", HttpStatusCode.BadRequest, new { });
        Assert.True(rotation.GetProperty("errors").TryGetProperty("revokeCurrent", out _));
        await ExpectAsync(first.Client, HttpMethod.Post, $"/api/v1/tokens/{first.TokenId}/successor", HttpStatusCode.OK, new { revokeCurrent = true });

        // Another user has their own allowance; a revoked token frees a place.
        await app.SendAsAsync("kz.secretary", new CreateAccessToken.Command { Name = "own", ExpiresInDays = 30 });
        var two = await app.QueryAsync(db => db.ApiTokens.Where(t => t.Name == "two").Select(t => t.Id).SingleAsync());
        await app.SendAsAsync("kz.member", new RevokeAccessToken.Command(two));
        await app.SendAsAsync("kz.member", new CreateAccessToken.Command { Name = "three", ExpiresInDays = 30 });
    }

    [Fact]
    public async Task Simultaneous_token_creations_never_pass_the_cap()
    {
        await using var app = await TestApp.CreateAsync(settings: new Dictionary<string, string?> { ["Api:Tokens:MaxActivePerUser"] = "3" });
        await app.SendAsAsync("kz.member", new CreateAccessToken.Command { Name = "first", ExpiresInDays = 30 });
        for (var round = 0; round < 3; round++)
        {
            var attempts = Enumerable.Range(0, 6).Select(async i =>
            {
                try
                {
                    await app.SendAsAsync("kz.member", new CreateAccessToken.Command { Name = $"burst {round}-{i}", ExpiresInDays = 30 });
                    return true;
                }
                catch (InputValidationException)
                {
                    return false;
                }
            }).ToList();
            var created = (await Task.WhenAll(attempts)).Count(ok => ok);
            Assert.Equal(round == 0 ? 2 : 0, created);
            Assert.Equal(3, await app.QueryAsync(db => db.ApiTokens.CountAsync(t => t.RevokedAt == null)));
        }
    }

    [Fact]
    public async Task The_rate_limit_counts_per_user_not_per_token()
    {
        await using var app = await TestApp.CreateAsync(settings: new Dictionary<string, string?> { ["Api:RateLimit:PermitPerMinute"] = "3" });
        using var one = await CallerAsync(app, "kz.member", "one");
        using var two = await CallerAsync(app, "kz.member", "two");
        using var someoneElse = await CallerAsync(app, "kz.secretary");
        Assert.Equal(HttpStatusCode.OK, (await one.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await two.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await one.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        using var limited = await two.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await someoneElse.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_password_change_revokes_the_users_tokens_unless_they_choose_to_keep_them()
    {
        await using var app = await TestApp.CreateAsync();
        using var kept = await CallerAsync(app, "kz.member");
        await app.SendAsAsync("kz.member", new ChangePassword.Command
        {
            CurrentPassword = DemoDataSeeder.DemoPassword, NewPassword = "Second-Password-2026", ConfirmPassword = "Second-Password-2026", RevokeAccessTokens = false,
        });
        Assert.Equal(HttpStatusCode.OK, (await kept.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);

        // The page offers it, ticked.
        using var web = new WebSession(app);
        Assert.Equal(HttpStatusCode.Redirect, (await web.SignInAsync("kz.member", "Second-Password-2026")).Status);
        var page = await web.GetAsync("/Account/Manage/Password");
        Assert.Matches("<input[^>]*checked=\"checked\"[^>]*name=\"Data.RevokeAccessTokens\"|<input[^>]*name=\"Data.RevokeAccessTokens\"[^>]*checked=\"checked\"", page.Html);
        var changed = await web.PostWithTokenAsync(page, "/Account/Manage/Password", new Dictionary<string, string>
        {
            ["Data.CurrentPassword"] = "Second-Password-2026",
            ["Data.NewPassword"] = "Third-Password-2026",
            ["Data.ConfirmPassword"] = "Third-Password-2026",
            ["Data.RevokeAccessTokens"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await kept.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        var memberId = await UserIdAsync(app, "kz.member");
        Assert.Contains("ApiToken", await app.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "ChangePassword.Command" && a.UserId == memberId).OrderByDescending(a => a.At).Select(a => a.Changes).FirstAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enabling_two_factor_sign_in_on_the_page_revokes_the_users_tokens_by_default()
    {
        await using var app = await TestApp.CreateAsync();
        using var token = await CallerAsync(app, "kz.member");
        using var web = new WebSession(app);
        Assert.Equal(HttpStatusCode.Redirect, (await web.SignInAsync("kz.member", DemoDataSeeder.DemoPassword)).Status);
        var status = await web.GetAsync("/Account/Manage/TwoFactor");
        var setup = await web.PostWithTokenAsync(status, "/Account/Manage/TwoFactor?handler=Start", new Dictionary<string, string>());
        Assert.Contains("name=\"Data.RevokeAccessTokens\"", setup.Html, StringComparison.Ordinal);
        var key = setup.TestId("authenticator-key").Replace(" ", string.Empty, StringComparison.Ordinal);
        var enabled = await web.PostWithTokenAsync(setup, "/Account/Manage/TwoFactor?handler=Enable", new Dictionary<string, string>
        {
            ["Data.Code"] = Totp.Code(key, DateTimeOffset.UtcNow),
            ["Data.RevokeAccessTokens"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, enabled.Status);
        Assert.True(await app.QueryAsync(db => db.Users.Where(u => u.UserName == "kz.member").Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.Client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Editing_a_membership_takes_its_commission_from_the_membership_not_the_body()
    {
        await using var app = await TestApp.CreateAsync();
        using var kzSecretary = await CallerAsync(app, "kz.secretary");
        var membershipId = await Demo.MembershipOfAsync(app, "kz.member");
        var current = await ExpectAsync(kzSecretary.Client, HttpMethod.Get, $"/api/v1/memberships/{membershipId}", HttpStatusCode.OK);
        var form = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(current.GetProperty("form").GetRawText())!;
        Assert.False(form.ContainsKey("commissionId"));

        // No commissionId at all, then a foreign one: the route's membership decides.
        form["positionRu"] = JsonSerializer.SerializeToElement("Главный эксперт");
        await ExpectAsync(kzSecretary.Client, HttpMethod.Put, $"/api/v1/memberships/{membershipId}", HttpStatusCode.NoContent, form);
        form["version"] = (await ExpectAsync(kzSecretary.Client, HttpMethod.Get, $"/api/v1/memberships/{membershipId}", HttpStatusCode.OK)).GetProperty("version");
        form["positionRu"] = JsonSerializer.SerializeToElement("Ведущий эксперт");
        form["commissionId"] = JsonSerializer.SerializeToElement(Guid.NewGuid());
        await ExpectAsync(kzSecretary.Client, HttpMethod.Put, $"/api/v1/memberships/{membershipId}", HttpStatusCode.NoContent, form);
        Assert.Equal("Ведущий эксперт", await app.QueryAsync(db => db.Memberships.Where(m => m.Id == membershipId).Select(m => m.Position.Ru).SingleAsync()));
        var commissionId = await CommissionIdAsync(app);
        Assert.Equal(2, await app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "EditMembership.Command" && a.CommissionId == commissionId)));

        // The page still saves and returns to the roster of the membership's commission.
        using var web = new WebSession(app);
        Assert.Equal(HttpStatusCode.Redirect, (await web.SignInAsync("kz.secretary", DemoDataSeeder.DemoPassword)).Status);
        var page = await web.GetAsync($"/Memberships/Edit/{membershipId}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var edit = await Demo.EditFormAsync(app, membershipId);
        var fields = new Dictionary<string, string>
        {
            ["Data.Version"] = edit.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Data.SideId"] = edit.SideId!.Value.ToString(),
            ["Data.Role"] = edit.Role.ToString(),
            ["Data.PositionRu"] = "Эксперт со страницы",
            ["Data.OrganisationRu"] = edit.OrganisationRu ?? string.Empty,
            ["Data.AppointingAuthorityRu"] = edit.AppointingAuthorityRu ?? string.Empty,
            ["Data.AppointingActNumber"] = edit.AppointingActNumber ?? string.Empty,
            ["Data.AppointingActDate"] = edit.AppointingActDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            ["Data.TermStart"] = edit.TermStart?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        };
        var saved = await web.PostWithTokenAsync(page, $"/Memberships/Edit/{membershipId}", fields);
        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.Text);
        Assert.Equal($"/Commissions/Roster/{commissionId}", saved.Location);
        Assert.Equal("Эксперт со страницы", await app.QueryAsync(db => db.Memberships.Where(m => m.Id == membershipId).Select(m => m.Position.Ru).SingleAsync()));
    }
}
