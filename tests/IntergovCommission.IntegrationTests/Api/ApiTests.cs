using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Tokens;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Api;

public sealed class ApiTests
{
    private static async Task<(TestApp App, Guid CommissionId, Guid Kz, Guid Ru)> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = await TestApp.CreateAsync(settings: settings);
        var commissionId = await app.QueryAsync(db => db.Commissions.Select(c => c.Id).SingleAsync());
        var kz = await app.QueryAsync(db => db.Sides.Where(s => s.Code == "KZ").Select(s => s.Id).SingleAsync());
        var ru = await app.QueryAsync(db => db.Sides.Where(s => s.Code == "RU").Select(s => s.Id).SingleAsync());
        return (app, commissionId, kz, ru);
    }

    private static async Task<HttpClient> ClientAsAsync(TestApp app, string userName, string? language = null)
    {
        var token = await app.SendAsAsync(userName, new CreateAccessToken.Command { Name = "test", ExpiresInDays = 30 });
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        return client;
    }

    private static object NewMember(Guid sideId, string name, string position = "Эксперт") => new
    {
        sideId,
        role = nameof(CommissionRole.Member),
        fullNameRu = name,
        positionRu = position,
        organisationRu = "Аэрокосмический комитет",
        appointingAuthorityRu = "Правительство Республики Казахстан",
        appointingActNumber = "№ 1",
        appointingActDate = "2026-02-10",
        termStart = "2026-02-10",
    };

    [Fact]
    public async Task Token_reads_the_roster_with_its_owners_rights()
    {
        var (app, commissionId, _, _) = await StartAsync();
        await using var _app = app;
        using var client = await ClientAsAsync(app, "kz.member");
        var roster = await client.GetFromJsonAsync<JsonElement>($"/api/v1/commissions/{commissionId}/roster");
        Assert.Equal(27, roster.GetProperty("votingMembers").GetInt32());
        Assert.Equal(18, roster.GetProperty("quorumRequired").GetInt32());
    }

    [Fact]
    public async Task Request_without_credentials_gets_401_not_a_redirect()
    {
        var (app, _, _, _) = await StartAsync();
        await using var _app = app;
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(new Uri("/api/v1/commissions", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Revoked_token_is_refused()
    {
        var (app, _, _, _) = await StartAsync();
        await using var _app = app;
        var token = await app.SendAsAsync("kz.member", new CreateAccessToken.Command { Name = "to revoke", ExpiresInDays = 30 });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        await app.SendAsAsync("kz.member", new RevokeAccessToken.Command(token.TokenId));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Only_the_hash_of_a_token_is_stored()
    {
        var (app, _, _, _) = await StartAsync();
        await using var _app = app;
        var token = await app.SendAsAsync("kz.member", new CreateAccessToken.Command { Name = "hash", ExpiresInDays = 30 });
        var stored = await app.QueryAsync(db => db.ApiTokens.SingleAsync(t => t.Id == token.TokenId));
        Assert.NotEqual(token.Secret, stored.TokenHash);
        Assert.DoesNotContain(token.Secret, await app.QueryAsync(db => db.AuditEntries.Select(a => a.Request + a.Changes).ToListAsync()), StringComparer.Ordinal);
    }

    [Fact]
    public async Task Other_sides_secretary_is_refused_with_403_citing_KZRU_07()
    {
        var (app, commissionId, kz, _) = await StartAsync();
        await using var _app = app;
        using var client = await ClientAsAsync(app, "ru.secretary");
        var response = await client.PostAsJsonAsync($"/api/v1/commissions/{commissionId}/memberships", NewMember(kz, "Чужой Член"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("KZRU-07", problem.GetProperty("rule").GetString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Duplicate_membership_is_a_422_problem_with_rule_KZRU_01_in_the_requests_language()
    {
        var (app, commissionId, kz, _) = await StartAsync();
        await using var _app = app;
        var personId = await app.QueryAsync(db => db.People.Where(p => p.FullName.Ru == "Нурлан Касымов").Select(p => p.Id).SingleAsync());
        foreach (var (language, expected) in new[] { ("ru", "уже состоит в комиссии"), ("en", "already holds an active membership") })
        {
            using var client = await ClientAsAsync(app, "kz.secretary", language);
            var body = new
            {
                existingPersonId = personId,
                sideId = kz,
                role = "Member",
                positionRu = "Эксперт",
                organisationRu = "Комитет",
                appointingAuthorityRu = "Правительство",
                appointingActNumber = "1",
                appointingActDate = "2026-02-10",
                termStart = "2026-02-10",
            };
            var response = await client.PostAsJsonAsync($"/api/v1/commissions/{commissionId}/memberships", body);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("KZRU-01", problem.GetProperty("rule").GetString());
            Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Invalid_input_is_a_400_problem_naming_the_field()
    {
        var (app, commissionId, kz, _) = await StartAsync();
        await using var _app = app;
        using var client = await ClientAsAsync(app, "kz.secretary");
        var before = await app.QueryAsync(db => db.Memberships.CountAsync());
        var response = await client.PostAsJsonAsync($"/api/v1/commissions/{commissionId}/memberships", NewMember(kz, "Без Должности", position: ""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("positionRu", out _));
        Assert.Equal(before, await app.QueryAsync(db => db.Memberships.CountAsync()));
    }

    [Fact]
    public async Task Retried_write_with_the_same_idempotency_key_counts_once()
    {
        var (app, commissionId, kz, _) = await StartAsync();
        await using var _app = app;
        using var client = await ClientAsAsync(app, "kz.secretary");
        var before = await app.QueryAsync(db => db.Memberships.CountAsync());
        var ids = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/commissions/{commissionId}/memberships")
            {
                Content = JsonContent.Create(NewMember(kz, "Повторный Запрос")),
            };
            request.Headers.Add("Idempotency-Key", "retry-1");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            await ApiSessionJourneyTests.AssertLocationReadableAsync(client, response, $"appointment, attempt {i + 1}");
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        Assert.Equal(ids[0], ids[1]);
        Assert.Equal(before + 1, await app.QueryAsync(db => db.Memberships.CountAsync()));

        using var different = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/commissions/{commissionId}/memberships")
        {
            Content = JsonContent.Create(NewMember(kz, "Другой Запрос")),
        };
        different.Headers.Add("Idempotency-Key", "retry-1");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.SendAsync(different)).StatusCode);
    }

    [Fact]
    public async Task Stale_version_on_edit_is_a_409_problem_in_the_requests_language()
    {
        var (app, _, _, _) = await StartAsync();
        await using var _app = app;
        using var client = await ClientAsAsync(app, "kz.secretary");
        var membershipId = await app.QueryAsync(db => db.Memberships.Join(db.People, m => m.PersonId, p => p.Id, (m, p) => new { m.Id, p.FullName.Ru }).Where(x => x.Ru == "Ерлан Жаксылыков").Select(x => x.Id).SingleAsync());
        var current = await client.GetFromJsonAsync<JsonElement>($"/api/v1/memberships/{membershipId}");
        var form = current.GetProperty("form");
        var edit = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(form.GetRawText())!;
        var first = await client.PutAsJsonAsync($"/api/v1/memberships/{membershipId}", edit.ToDictionary(kv => kv.Key, kv => kv.Key == "positionRu" ? JsonSerializer.SerializeToElement("Главный эксперт") : kv.Value));
        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        var second = await client.PutAsJsonAsync($"/api/v1/memberships/{membershipId}", edit.ToDictionary(kv => kv.Key, kv => kv.Key == "positionRu" ? JsonSerializer.SerializeToElement("Старший эксперт") : kv.Value));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("После того как вы открыли эту запись о членстве, её изменил кто-то другой. Введённые вами данные сохранены ниже: обновите страницу, чтобы увидеть изменения, и сохраните снова.", problem.GetProperty("detail").GetString());
        Assert.Equal("Главный эксперт", await app.QueryAsync(db => db.Memberships.Where(m => m.Id == membershipId).Select(m => m.Position.Ru).SingleAsync()));
    }

    [Fact]
    public async Task Too_many_requests_get_429_with_retry_after()
    {
        var (app, _, _, _) = await StartAsync(new Dictionary<string, string?> { ["Api:RateLimit:PermitPerMinute"] = "3" });
        await using var _app = app;
        using var client = await ClientAsAsync(app, "kz.member");
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(last.Headers.RetryAfter is not null);
    }

    [Fact]
    public async Task Cookie_write_without_antiforgery_header_is_refused()
    {
        var (app, commissionId, kz, _) = await StartAsync();
        await using var _app = app;
        using var client = app.CreateClient();
        var login = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "kz.secretary",
            ["Input.Password"] = "Demo-Password-2026",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.True(signIn.IsSuccessStatusCode || signIn.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        var write = await client.PostAsJsonAsync($"/api/v1/commissions/{commissionId}/memberships", NewMember(kz, "Без Токена"));
        Assert.Equal(HttpStatusCode.BadRequest, write.StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_endpoints()
    {
        var (app, _, _, _) = await StartAsync();
        await using var _app = app;
        using var client = app.CreateClient();
        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Contains("/api/v1/commissions/{commissionId}/roster", document, StringComparison.Ordinal);
        Assert.Contains("/api/v1/commissions/{commissionId}/memberships", document, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(document);
        var paths = json.RootElement.GetProperty("paths");
        var cast = paths.GetProperty("/api/v1/ballots/{ballotId}/votes").GetProperty("post");
        Assert.Equal("CastVote", cast.GetProperty("operationId").GetString());
        Assert.Contains(cast.GetProperty("tags").EnumerateArray(), t => t.GetString() == "Ballots");
        Assert.False(string.IsNullOrWhiteSpace(cast.GetProperty("summary").GetString()));
        foreach (var path in new[] { "/api/v1/commissions/{commissionId}/sessions", "/api/v1/sessions/{sessionId}/proposals", "/api/v1/proposals/{proposalId}/accept", "/api/v1/sessions/{sessionId}/agenda/approve", "/api/v1/sessions/{sessionId}/attendance/{membershipId}", "/api/v1/sessions/{sessionId}/live", "/api/v1/ballots/{ballotId}/dissents" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }
}
