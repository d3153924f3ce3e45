using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Tokens;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Council;

/// <summary>
/// Issue 12: a refusal a council user meets cites the council's rule and clause (CIS-xx), never the Interstate
/// Commission's (KZRU-xx). Each refusal whose rule used to be written into the code is reached here as the CIS demo
/// users, through the real HTTP pipeline (API problem documents and the pages' refusal), in Russian and in English.
/// </summary>
public sealed partial class CouncilRefusalTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private Guid _council;
    private Guid _held;
    private Guid _draft;
    private Guid _decision;

    public async Task InitializeAsync()
    {
        _app = await TestApp.CreateAsync(settings: new Dictionary<string, string?> { ["Demo:Council"] = "true", ["Demo:Sessions"] = "true" });
        _council = await _app.QueryAsync(db => db.Commissions.Where(c => c.Code == "CIS-IP").Select(c => c.Id).SingleAsync());
        _held = await _app.QueryAsync(db => db.Sessions.Where(s => s.CommissionId == _council && s.State == SessionState.Closed).Select(s => s.Id).FirstAsync());
        _draft = await _app.QueryAsync(db => db.Sessions.Where(s => s.CommissionId == _council && s.State == SessionState.Draft).Select(s => s.Id).FirstAsync());
        _decision = await _app.QueryAsync(db => db.Decisions.Where(d => d.CommissionId == _council).Select(d => d.Id).FirstAsync());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<HttpClient> ApiAsync(string userName, string language)
    {
        var token = await _app.SendAsAsync(userName, new CreateAccessToken.Command { Name = "cis-refusals-" + language, ExpiresInDays = 30 });
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return client;
    }

    /// <summary>The refusal cites a rule of the council (its profile's id) and no word of it names the commission's rules.</summary>
    private static async Task<string> CisRefusalAsync(HttpResponseMessage response, params HttpStatusCode[] expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected.Contains(response.StatusCode), $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        var problem = JsonDocument.Parse(body).RootElement;
        var rule = problem.GetProperty("rule").GetString();
        Assert.True(rule is not null && rule.StartsWith("CIS-", StringComparison.Ordinal), $"rule {rule}: {body}");
        Assert.DoesNotContain("KZRU", body, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return rule;
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("en")]
    public async Task Each_refusal_a_council_user_meets_through_the_api_cites_the_council_rule(string language)
    {
        using var member = await ApiAsync("cis.ru.head", language);
        using var advisory = await ApiAsync("cis.advisory", language);
        using var secretariat = await ApiAsync("cis.secretariat", language);

        // CIS-12: the secretariat keeps the register; a member checks in as present only.
        Assert.Equal("CIS-12", await CisRefusalAsync(
            await member.PostAsJsonAsync($"/api/v1/sessions/{_draft}/check-in", new { mode = "Absent" }), HttpStatusCode.Forbidden));
        // CIS-02: an advisory member takes part without signing the council's decisions.
        Assert.Equal("CIS-02", await CisRefusalAsync(
            await advisory.PostAsJsonAsync($"/api/v1/decisions/{_decision}/signatures", new { contentHash = "0", confirmation = "yes" }), HttpStatusCode.Forbidden));
        // CIS-12: the secretariat drafts the agenda and keeps the records and the proposals.
        Assert.Equal("CIS-12", await CisRefusalAsync(
            await member.PostAsJsonAsync($"/api/v1/commissions/{_council}/assignments/to-agenda", new { sessionId = _draft }), HttpStatusCode.Forbidden));
        Assert.Equal("CIS-12", await CisRefusalAsync(await member.GetAsync(new Uri("/api/v1/proposals/inbox", UriKind.Relative)), HttpStatusCode.Forbidden));
        Assert.Equal("CIS-12", await CisRefusalAsync(
            await member.PostAsJsonAsync($"/api/v1/commissions/{_council}/retention/completion", new { completedOn = (string?)null, act = "" }), HttpStatusCode.Forbidden));
        // CIS-04: the minutes record a session held; CIS-03: the agenda PDF is issued once the chair approves it.
        Assert.Equal("CIS-04", await CisRefusalAsync(await secretariat.GetAsync(new Uri($"/api/v1/sessions/{_draft}/minutes.pdf", UriKind.Relative)), HttpStatusCode.UnprocessableEntity));
        Assert.Equal("CIS-03", await CisRefusalAsync(await secretariat.GetAsync(new Uri($"/api/v1/sessions/{_draft}/agenda.pdf", UriKind.Relative)), HttpStatusCode.UnprocessableEntity));
        // A vote is opened only in a session in progress (CIS-04) and only by the presiding chair (CIS-03).
        var item = await _app.QueryAsync(db => db.AgendaItems.Where(i => i.SessionId == _held).Select(i => i.Id).FirstAsync());
        await CisRefusalAsync(await member.PostAsJsonAsync($"/api/v1/sessions/{_held}/ballots", new { agendaItemId = item }), HttpStatusCode.Forbidden, HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("/Sessions/Agenda/{0}")]
    [InlineData("/Sessions/Edit/{0}")]
    [InlineData("/Sessions/Invitees/{0}")]
    [InlineData("/Sessions/Approve/{0}")]
    public async Task A_council_member_refused_a_secretariat_or_chair_page_reads_the_council_rule(string page)
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "cis.ru.head",
            ["Input.Password"] = "Demo-Password-2026",
            ["__RequestVerificationToken"] = TokenPattern().Match(login).Groups[1].Value,
        });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), form)).StatusCode);

        var response = await client.GetAsync(new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, page, _draft), UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var refusal = RefusalPattern().Match(html);
        Assert.True(refusal.Success, html);
        Assert.StartsWith("CIS-", refusal.Groups["rule"].Value, StringComparison.Ordinal);
        Assert.DoesNotContain("KZRU", refusal.Groups["text"].Value, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("data-testid=\"refusal\" title=\"[^\"]*\" data-rule=\"(?<rule>[^\"]*)\">(?<text>[^<]*)<")]
    private static partial Regex RefusalPattern();
}
