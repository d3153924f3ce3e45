using System.Net;
using System.Net.Http.Headers;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Admin;
using IntergovCommission.Web.Features.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntergovCommission.IntegrationTests.Account;

/// <summary>
/// Sign-in as an attacker or a careless user tries it: bursts of wrong passwords, a forged return address,
/// a very long user name, a forged checkbox, a replayed authenticator code. Each app has its own
/// throttle, so these run on apps of their own.
/// </summary>
public sealed class SignInHardeningTests
{
    private const string Password = DemoDataSeeder.DemoPassword;

    [Fact]
    public async Task A_burst_of_wrong_passwords_is_slowed_down_and_cannot_lock_the_account()
    {
        await using var app = await TestApp.CreateAsync();
        using var web = new WebSession(app);
        var form = await web.GetAsync("/Account/Login");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 60; i++)
        {
            var page = await web.PostWithTokenAsync(form, "/Account/Login", new Dictionary<string, string> { ["Input.UserName"] = "kz.cochair", ["Input.Password"] = $"wrong-{i}" });
            statuses.Add(page.Status);
        }

        Assert.DoesNotContain(statuses, s => (int)s >= 500);
        // The first few are checked (and fail); the rest are refused at once, with how long to wait.
        Assert.True(statuses.Count(s => s == HttpStatusCode.TooManyRequests) >= 50, string.Join(",", statuses.Select(s => (int)s)));
        var account = await app.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "kz.cochair"));
        // Three free failures, then 1 s, 2 s, 4 s … between attempts: a slow machine may let one or two more through, never ten.
        Assert.True(account.AccessFailedCount <= 5, $"failed count {account.AccessFailedCount}");
        Assert.True(account.LockoutEnd is null || account.LockoutEnd < DateTimeOffset.UtcNow, "the burst locked the co-chair out");
        Assert.Contains("Account.SignIn.Throttled", await app.QueryAsync(db => db.AuditEntries.Select(a => a.Action).Distinct().ToListAsync()));
    }

    [Fact]
    public async Task A_password_lockout_leaves_the_accounts_api_tokens_working_an_administrators_disabling_does_not()
    {
        await using var app = await TestApp.CreateAsync();
        var token = await app.SendAsAsync("kz.member", new CreateAccessToken.Command { Name = "integration", ExpiresInDays = 30 });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByNameAsync("kz.member");
            await users.SetLockoutEndDateAsync(user!, DateTimeOffset.UtcNow.AddMinutes(15)); // what ten wrong passwords do
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);

        var userId = await app.QueryAsync(db => db.Users.Where(u => u.UserName == "kz.member").Select(u => u.Id).SingleAsync());
        await app.SendAsAsync("admin", new DisableSignIn.Command(userId));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("/Commissions?q=é")]
    [InlineData("/Sessions?q=Жиналыс отырысы")]
    public async Task A_return_address_with_non_ascii_characters_signs_in_and_lands_there(string returnUrl)
    {
        await using var app = await TestApp.CreateAsync();
        using var web = new WebSession(app);
        var login = await web.GetAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.OK, login.Status);
        var signedIn = await web.PostWithTokenAsync(login, "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl),
            new Dictionary<string, string> { ["Input.UserName"] = "kz.member", ["Input.Password"] = Password, ["ReturnUrl"] = returnUrl });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal(returnUrl, Uri.UnescapeDataString(signedIn.Location!));

        // A raw (not percent-encoded) non-ASCII return address, as a hand-made request sends it.
        var language = await web.GetAsync("/Language?culture=kk&returnUrl=" + returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, language.Status);
        Assert.Equal(returnUrl, Uri.UnescapeDataString(language.Location!));
        var foreign = await web.GetAsync("/Language?culture=kk&returnUrl=" + Uri.EscapeDataString("//evil.example/é"));
        Assert.Equal("/", foreign.Location);
    }

    [Fact]
    public async Task A_non_ascii_return_address_signs_in_over_real_http()
    {
        // Over Kestrel, which enforces what a Location header may hold (the in-memory test server does not).
        await using var app = await TestApp.CreateAsync(environment: "Production");
        var server = app.StartKestrel();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server };
        var login = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(login, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var body = $"Input.UserName=kz.member&Input.Password={Uri.EscapeDataString(Password)}&ReturnUrl=/Commissions?q=%C3%A9&__RequestVerificationToken={Uri.EscapeDataString(token)}";
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await client.PostAsync(new Uri("/Account/Login?ReturnUrl=%2FCommissions%3Fq%3D%C3%A9", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Commissions?q=é", Uri.UnescapeDataString(response.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task A_very_long_user_name_or_a_forged_checkbox_is_refused_on_the_field_and_audited()
    {
        await using var app = await TestApp.CreateAsync();
        using var web = new WebSession(app);
        var longName = new string('ж', 300);

        var page = await web.PostAsync("/Account/Login", "/Account/Login", new Dictionary<string, string> { ["Input.UserName"] = longName, ["Input.Password"] = "x" });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(WebSession.Text("Login.UserNameInvalid", "ru", 256), page.Text, StringComparison.Ordinal);
        Assert.Contains(longName, page.Text, StringComparison.Ordinal); // the input is kept
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Account.SignIn.Failed" && a.UserName!.StartsWith("жжж"))));

        var maybe = await web.PostAsync("/Account/Login", "/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = "kz.member",
            ["Input.Password"] = Password,
            ["Input.RememberMe"] = "maybe",
        });
        Assert.Equal(HttpStatusCode.Redirect, maybe.Status);
        Assert.DoesNotContain(maybe.SetCookies, c => c.StartsWith("intergov.auth", StringComparison.Ordinal) && c.Contains("expires", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_authenticator_code_signs_in_once_and_is_refused_when_replayed()
    {
        await using var app = await TestApp.CreateAsync();
        using var web = new WebSession(app);
        Assert.Equal(HttpStatusCode.Redirect, (await web.SignInAsync("kz.member", Password)).Status);
        var setup = await web.PostAsync("/Account/Manage/TwoFactor", "/Account/Manage/TwoFactor?handler=Start", new Dictionary<string, string>());
        var key = setup.TestId("authenticator-key").Replace(" ", string.Empty, StringComparison.Ordinal);
        await web.PostWithTokenAsync(setup, "/Account/Manage/TwoFactor?handler=Enable", new Dictionary<string, string> { ["Data.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        // Enabling consumed the current step (a code from the step before could fall out of the window on a slow machine).
        Assert.True(await app.QueryAsync(db => db.Users.Where(u => u.UserName == "kz.member").Select(u => u.TwoFactorEnabled).SingleAsync()), "the authenticator was enabled");
        await web.SignOutAsync();

        // The next step's code: later than the one enabling used, and inside the ±1 step window.
        var code = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30));
        var password = await web.SignInAsync("kz.member", Password);
        var second = await web.GetAsync(password.Location!);
        var first = await web.PostWithTokenAsync(second, "/Account/LoginWith2fa", new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        await web.SignOutAsync();

        password = await web.SignInAsync("kz.member", Password);
        second = await web.GetAsync(password.Location!);
        var replayed = await web.PostWithTokenAsync(second, "/Account/LoginWith2fa", new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.OK, replayed.Status);
        Assert.Contains(WebSession.Text("Account.TwoFactor.WrongCode"), replayed.Text, StringComparison.Ordinal);
    }
}
