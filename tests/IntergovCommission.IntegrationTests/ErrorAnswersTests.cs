using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntergovCommission.IntegrationTests.Account;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Tokens;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IntergovCommission.IntegrationTests;

/// <summary>
/// The server errors found from outside, each now a clear answer: problem documents for every API error
/// (401, unmatched routes, unreadable bodies and queries), the field named, nothing stored; page posts
/// without a handler; a number of days that is not a number; the database down.
/// </summary>
public sealed class ErrorAnswersTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private readonly TestApp _app = fixture.App;

    private async Task<HttpClient> ApiAsync(string userName)
    {
        var token = await _app.SendAsAsync(userName, new CreateAccessToken.Command { Name = "errors", ExpiresInDays = 30 });
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        return client;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    [Theory]
    [InlineData("Bearer igc_unknown-token-0000000000")]
    [InlineData("Bearer not-even-a-token")]
    [InlineData(null)]
    public async Task An_unknown_or_missing_token_gets_a_401_problem_not_the_html_error_page(string? authorization)
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        await ProblemAsync(await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unmatched_api_route_gets_a_404_problem()
    {
        using var client = await ApiAsync("kz.secretary");
        await ProblemAsync(await client.GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative)), HttpStatusCode.NotFound);
        await ProblemAsync(await client.GetAsync(new Uri($"/api/v1/decisions/{Guid.NewGuid()}", UriKind.Relative)), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{\"titleRu\": ", "titleRu")]
    [InlineData("{\"choice\": \"Perhaps\"}", "choice")]
    [InlineData("[1, 2, 3]", "$")]
    public async Task Unreadable_json_gets_a_400_problem_naming_what_could_not_be_read(string json, string field)
    {
        using var client = await ApiAsync("kz.member");
        var ballot = Guid.NewGuid();
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var problem = await ProblemAsync(await client.PostAsync(new Uri($"/api/v1/ballots/{ballot}/votes", UriKind.Relative), content), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.EnumerateObject().Any(e => e.Name.StartsWith(field, StringComparison.OrdinalIgnoreCase)), errors.ToString());
    }

    [Fact]
    public async Task Query_and_route_values_of_the_wrong_type_get_a_400_problem_naming_the_parameter()
    {
        using var client = await ApiAsync("kz.secretary");
        var commissionId = await _app.QueryAsync(db => db.Commissions.Select(c => c.Id).FirstAsync());
        var problem = await ProblemAsync(await client.GetAsync(new Uri($"/api/v1/commissions/{commissionId}/roster?includeEnded=maybe", UriKind.Relative)), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("includeEnded", out _), problem.ToString());

        var membership = await _app.QueryAsync(db => db.Memberships.Select(m => m.Id).FirstAsync());
        using var body = JsonContent.Create(new { version = -5 });
        await ProblemAsync(await client.PutAsync(new Uri($"/api/v1/memberships/{membership}", UriKind.Relative), body), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("Утвердить \u202Eпрограмму")]
    [InlineData("звонок\u0007")]
    public async Task A_control_character_or_direction_override_in_text_is_refused_on_its_field_and_nothing_is_stored(string title)
    {
        using var client = await ApiAsync("kz.member");
        var sessionId = await Sessions.SessionSteps.CreateSessionAsync(_app, 40);
        var before = await _app.QueryAsync(db => db.AgendaProposals.CountAsync());
        using var body = JsonContent.Create(new { titleRu = title, rationaleRu = "Обоснование", draftDecisionRu = "Проект" });
        var problem = await ProblemAsync(await client.PostAsync(new Uri($"/api/v1/sessions/{sessionId}/proposals", UriKind.Relative), body), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("titleRu", out _), problem.ToString());
        Assert.Equal(before, await _app.QueryAsync(db => db.AgendaProposals.CountAsync()));
    }

    [Theory]
    [InlineData("0001-01-01T10:00:00", "Asia/Almaty")]
    [InlineData("9999-12-31T23:00:00", "America/Los_Angeles")]
    [InlineData("9999-12-31T23:00:00", "Asia/Almaty")]
    [InlineData("2150-06-01T10:00:00", "Europe/Moscow")]
    public async Task A_session_start_outside_2000_2100_is_refused_on_its_field(string start, string zone)
    {
        using var client = await ApiAsync("kz.secretary");
        var commissionId = await _app.QueryAsync(db => db.Commissions.Select(c => c.Id).FirstAsync());
        var before = await _app.QueryAsync(db => db.Sessions.CountAsync());
        using var body = JsonContent.Create(new { kind = "Regular", format = "InPerson", place = "Астана", startLocal = start, timeZoneId = zone });
        var problem = await ProblemAsync(await client.PostAsync(new Uri($"/api/v1/commissions/{commissionId}/sessions", UriKind.Relative), body), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("startLocal", out _), problem.ToString());
        Assert.Equal(before, await _app.QueryAsync(db => db.Sessions.CountAsync()));
    }

    [Theory]
    [InlineData("/Account/Manage/TwoFactor", "")]
    [InlineData("/Account/Manage/TwoFactor", "?handler=Nothing")]
    [InlineData("/Sessions/Live/{session}", "")]
    [InlineData("/Sessions/Live/{session}", "?handler=Nothing")]
    public async Task A_page_post_without_a_known_handler_is_a_bad_request_not_a_server_error(string page, string query)
    {
        var sessionId = await Sessions.SessionSteps.CreateSessionAsync(_app, 40);
        var path = page.Replace("{session}", sessionId.ToString(), StringComparison.Ordinal);
        using var web = new WebSession(_app);
        await web.SignInAsync("kz.secretary", DemoDataSeeder.DemoPassword);
        var form = await web.GetAsync(path);
        var answer = await web.PostWithTokenAsync(form, path + query, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(WebSession.Text("Error.400.Title"), answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999")]
    public async Task A_token_lifetime_that_is_not_a_number_of_days_is_refused_not_silently_90_days(string days)
    {
        using var web = new WebSession(_app);
        await web.SignInAsync("ru.member", DemoDataSeeder.DemoPassword);
        var before = await _app.QueryAsync(db => db.ApiTokens.CountAsync());
        var page = await web.PostAsync("/Api/Tokens", "/Api/Tokens?handler=Create", new Dictionary<string, string> { ["Data.Name"] = "ministry", ["Data.ExpiresInDays"] = days });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(WebSession.Text("Validation.ValueInvalid", "ru", days), page.Text, StringComparison.Ordinal);
        Assert.Equal(before, await _app.QueryAsync(db => db.ApiTokens.CountAsync()));
    }

    [Theory]
    [InlineData("/Api")]
    [InlineData("/Api/Tokens")]
    public async Task Signed_out_visits_to_the_api_pages_lead_to_sign_in(string path)
    {
        using var web = new WebSession(_app);
        var page = await web.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("http://localhost/Account/Login", page.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_database_down_the_api_answers_503_problems_pages_a_readable_503_and_both_recover()
    {
        await using var app = await TestApp.CreateAsync();
        var token = await app.SendAsAsync("kz.member", new CreateAccessToken.Command { Name = "outage", ExpiresInDays = 30 });
        using var api = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        using var web = new WebSession(app);
        await web.SignInAsync("kz.member", DemoDataSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);

        var database = new NpgsqlConnectionStringBuilder(app.ConnectionString).Database!;
        var admin = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await ExecuteAsync(admin, $"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS false");
        await ExecuteAsync(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
        try
        {
            using var down = await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
            await ProblemAsync(down, HttpStatusCode.ServiceUnavailable);
            Assert.True(down.Headers.RetryAfter is not null, "no Retry-After");

            var page = await web.GetAsync("/Commissions");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
            Assert.Contains(WebSession.Text("Error.503.Title"), page.Text, StringComparison.Ordinal);
        }
        finally
        {
            await ExecuteAsync(admin, $"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS true");
        }

        // Back by itself: within a few requests (a pooled connection broken by the outage is dropped on its first use).
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5 && statuses.LastOrDefault() != HttpStatusCode.OK; attempt++)
        {
            statuses.Add((await api.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync("/Commissions")).Status);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
