using System.Net;
using System.Text.RegularExpressions;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Memberships;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntergovCommission.IntegrationTests;

/// <summary>The HTTP surface: health, security headers, antiforgery, sign-in, status pages with the correlation id.</summary>
public sealed partial class HttpTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private readonly TestApp _app = fixture.App;
    private readonly Demo _demo = fixture.Demo;

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_200_without_sign_in(string path)
    {
        using var client = NewClient(_app);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Anyone_who_reaches_the_app_gets_its_corresponding_source_AGPL_13()
    {
        using var anonymous = NewClient(_app);
        var login = await anonymous.GetStringAsync("/Account/Login");
        Assert.Contains("href=\"/source\"", login, StringComparison.Ordinal);

        var response = await anonymous.GetAsync("/source");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/gzip", response.Content.Headers.ContentType?.MediaType);
        await using var gzip = new System.IO.Compression.GZipStream(await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        using var tar = new System.Formats.Tar.TarReader(gzip);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (await tar.GetNextEntryAsync() is { } entry)
        {
            names.Add(entry.Name);
        }

        Assert.Contains("intergov-commission/LICENSE", names);
        Assert.Contains("intergov-commission/src/IntergovCommission.Web/Program.cs", names);
        Assert.Contains("intergov-commission/test.sh", names);
    }

    [Fact]
    public async Task The_source_address_leads_to_the_operators_repository_when_one_is_set()
    {
        await using var app = await TestApp.CreateAsync(seedDemo: false, settings: new Dictionary<string, string?> { ["Source:Url"] = "https://git.example.kz/imc/intergov-commission" });
        using var anonymous = NewClient(app);
        var response = await anonymous.GetAsync("/source");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://git.example.kz/imc/intergov-commission", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_a_correlation_id()
    {
        using var anonymous = NewClient(_app);
        using var member = NewClient(_app);
        Assert.True(await SignInAsync(member, "kz.member", DemoDataSeeder.DemoPassword));
        var kzMembership = await Demo.MembershipOfAsync(_app, "kz.secretary");
        using var noToken = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.UserName"] = "kz.member", ["Input.Password"] = "x" });

        var responses = new List<(string What, HttpResponseMessage Response)>
        {
            ("live", await anonymous.GetAsync("/health/live")),
            ("ready", await anonymous.GetAsync("/health/ready")),
            ("login page", await anonymous.GetAsync("/Account/Login")),
            ("static file", await anonymous.GetAsync("/css/site.css")),
            ("redirect to login", await anonymous.GetAsync("/Commissions")),
            ("404 anonymous", await anonymous.GetAsync("/Error/404")),
            ("400 antiforgery", await anonymous.PostAsync("/Account/Login", noToken)),
            ("commissions", await member.GetAsync("/Commissions")),
            ("roster", await member.GetAsync($"/Commissions/Roster/{_demo.CommissionId}")),
            ("unknown page", await member.GetAsync("/No/Such/Page")),
            ("403", await member.GetAsync($"/Memberships/Edit/{kzMembership}")),
        };

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (what, response) in responses)
        {
            var csp = Header(response, "Content-Security-Policy");
            Assert.True(csp is not null, $"{what}: no Content-Security-Policy");
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.True(Header(response, "X-Content-Type-Options") == "nosniff", $"{what}: X-Content-Type-Options");
            Assert.True(Header(response, "X-Frame-Options") == "DENY", $"{what}: X-Frame-Options");
            var id = Header(response, CorrelationIdMiddleware.Header);
            Assert.False(string.IsNullOrWhiteSpace(id), $"{what}: no {CorrelationIdMiddleware.Header}");
            Assert.True(ids.Add(id!), $"{what}: correlation id {id} reused");
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_correlation_id_sent_by_the_caller_is_returned_and_a_malformed_one_replaced()
    {
        using var client = NewClient(_app);
        using var good = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        good.Headers.Add(CorrelationIdMiddleware.Header, "abc-123-DEF");
        using var bad = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        bad.Headers.Add(CorrelationIdMiddleware.Header, "<script>");

        Assert.Equal("abc-123-DEF", Header(await client.SendAsync(good), CorrelationIdMiddleware.Header));
        var replaced = Header(await client.SendAsync(bad), CorrelationIdMiddleware.Header);
        Assert.NotEqual("<script>", replaced);
        Assert.Matches("^[0-9a-f]{16}$", replaced);
    }

    [Fact]
    public async Task A_server_error_page_still_carries_the_headers_and_shows_the_correlation_id()
    {
        using var failing = _app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<IRequestHandler<ListCommissions.Query, IReadOnlyList<ListCommissions.Item>>, FailingListCommissions>()));
        using var client = NewClient(failing);
        Assert.True(await SignInAsync(client, "kz.member", DemoDataSeeder.DemoPassword));

        using var response = await client.GetAsync("/Commissions");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var id = Header(response, CorrelationIdMiddleware.Header);
        Assert.False(string.IsNullOrWhiteSpace(id), "a 500 response has no correlation id header");
        Assert.NotNull(Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains($"data-testid=\"correlation-id\">{id}<", body, StringComparison.Ordinal);
        Assert.DoesNotContain("planted failure", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_post_without_the_antiforgery_token_is_refused_with_400()
    {
        using var client = NewClient(_app);
        await client.GetAsync("/Account/Login"); // the antiforgery cookie alone is not enough
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "kz.member",
            ["Input.Password"] = DemoDataSeeder.DemoPassword,
        });

        using var response = await client.PostAsync("/Account/Login", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("intergov.auth=", StringComparison.Ordinal)));
        using var after = await client.GetAsync("/Commissions");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Without_sign_in_the_commissions_page_redirects_to_the_login_page()
    {
        using var client = NewClient(_app);

        using var response = await client.GetAsync("/Commissions");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
        Assert.Equal("/Account/Login", path);
        Assert.Contains("ReturnUrl=%2FCommissions", location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_through_the_login_form_the_member_sees_the_roster()
    {
        using var client = NewClient(_app);
        Assert.False(await SignInAsync(client, "kz.member", "Not-The-Password-1"));
        Assert.True(await SignInAsync(client, "kz.member", DemoDataSeeder.DemoPassword));

        using var response = await client.GetAsync($"/Commissions/Roster/{_demo.CommissionId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"quorum-line\"", body, StringComparison.Ordinal);
        Assert.Contains("data-side=\"KZ\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"add-member-KZ\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_roster_id_is_404_and_the_page_shows_the_correlation_id()
    {
        using var client = NewClient(_app);
        Assert.True(await SignInAsync(client, "admin", DemoDataSeeder.DemoPassword));

        using var response = await client.GetAsync($"/Commissions/Roster/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var id = Header(response, CorrelationIdMiddleware.Header);
        Assert.False(string.IsNullOrWhiteSpace(id));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-status=\"404\"", body, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"correlation-id\">{id}<", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_opening_the_edit_page_of_a_membership_gets_403()
    {
        using var client = NewClient(_app);
        Assert.True(await SignInAsync(client, "kz.member", DemoDataSeeder.DemoPassword));
        var own = await Demo.MembershipOfAsync(_app, "kz.member");
        var other = await Demo.MembershipOfAsync(_app, "kz.cochair");

        foreach (var id in new[] { own, other })
        {
            using var response = await client.GetAsync($"/Memberships/Edit/{id}");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("data-status=\"403\"", body, StringComparison.Ordinal);
            Assert.Contains($"data-testid=\"correlation-id\">{Header(response, CorrelationIdMiddleware.Header)}<", body, StringComparison.Ordinal);
        }

        using var end = await client.GetAsync($"/Memberships/End/{other}");
        Assert.Equal(HttpStatusCode.Forbidden, end.StatusCode);
    }

    [Fact]
    public async Task The_edit_page_of_an_ended_membership_sends_the_secretary_to_the_persons_page()
    {
        var id = await _app.SendAsAsync("kz.secretary", _demo.NewMember(_demo.KzSideId, "Завершён Для Страницы"));
        var form = await Demo.EditFormAsync(_app, id);
        await _app.SendAsAsync("kz.secretary", new EndMembership.Command
        {
            MembershipId = id, CommissionId = form.CommissionId, Version = form.Version, EndedOn = Demo.Today, Reason = "Истёк срок",
        });
        var personId = await _app.QueryAsync(db => db.Memberships.Where(m => m.Id == id).Select(m => m.PersonId).SingleAsync());
        using var client = NewClient(_app);
        Assert.True(await SignInAsync(client, "kz.secretary", DemoDataSeeder.DemoPassword));

        using var response = await client.GetAsync($"/Memberships/Edit/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/People/Details/{personId}", response.Headers.Location!.OriginalString);
        using var person = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, person.StatusCode);
    }

    [Theory]
    [InlineData(null, "<h1>Вход</h1>", "lang=\"ru\"")]
    [InlineData("ru", "<h1>Вход</h1>", "lang=\"ru\"")]
    [InlineData("kk", "<h1>Кіру</h1>", "lang=\"kk\"")]
    [InlineData("en", "<h1>Sign in</h1>", "lang=\"en\"")]
    public async Task The_interface_speaks_the_chosen_language_not_resource_keys(string? culture, string heading, string lang)
    {
        using var client = NewClient(_app);
        if (culture is not null)
        {
            using var choose = await client.GetAsync($"/Language?culture={culture}&returnUrl=%2FAccount%2FLogin");
            Assert.Equal(HttpStatusCode.Redirect, choose.StatusCode);
        }

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Account/Login"));

        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.Contains(lang, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Login.Title", html, StringComparison.Ordinal);
        Assert.DoesNotContain("App.Name", html, StringComparison.Ordinal);
    }

    /// <summary>A client that keeps cookies and does not follow redirects.</summary>
    internal static HttpClient NewClient(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real login form (antiforgery token from the page). True when the sign-in succeeded.</summary>
    internal static async Task<bool> SignInAsync(HttpClient client, string userName, string password)
    {
        using var page = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        Assert.True(token.Success, "the login page has no antiforgery token");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        });
        using var response = await client.PostAsync("/Account/Login", form);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"sign-in answered {(int)response.StatusCode}");
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content) : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private sealed class FailingListCommissions : IRequestHandler<ListCommissions.Query, IReadOnlyList<ListCommissions.Item>>
    {
        public Task<IReadOnlyList<ListCommissions.Item>> Handle(ListCommissions.Query request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("planted failure");
    }
}
