using System.Net;
using System.Text.RegularExpressions;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Account;

public sealed class TwoFactorFlowTests
{
    private const string User = "kz.member";
    private const string Password = DemoDataSeeder.DemoPassword;

    [Fact]
    public async Task Authenticator_second_factor_works_end_to_end_over_http()
    {
        await using var app = await TestApp.CreateAsync();
        using var web = new WebSession(app);

        // Sign in with the password only; the second factor is off.
        var signedIn = await web.SignInAsync(User, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal("/", signedIn.Location);

        var status = await web.GetAsync("/Account/Manage/TwoFactor");
        Assert.Equal(HttpStatusCode.OK, status.Status);
        Assert.Contains(WebSession.Text("Account.TwoFactor.Off"), status.TestId("two-factor-status"), StringComparison.Ordinal);

        // Set up: a key as QR code (data: URI, allowed by the CSP) and grouped for typing.
        var setup = await web.PostWithTokenAsync(status, "/Account/Manage/TwoFactor?handler=Start", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, setup.Status);
        Assert.StartsWith("data:image/png;base64,", setup.Attribute("authenticator-qr", "src"), StringComparison.Ordinal);
        var groupedKey = setup.TestId("authenticator-key");
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", groupedKey);
        var key = groupedKey.Replace(" ", string.Empty, StringComparison.Ordinal);

        // A mistyped code is refused next to the field (not counted as a guess) and the key is shown again.
        var typo = await web.PostWithTokenAsync(setup, "/Account/Manage/TwoFactor?handler=Enable", new Dictionary<string, string> { ["Data.Code"] = "12a" });
        Assert.Equal(HttpStatusCode.OK, typo.Status);
        Assert.Contains(WebSession.Text("Account.TwoFactor.CodeRequired"), typo.Text, StringComparison.Ordinal);
        Assert.Equal(groupedKey, typo.TestId("authenticator-key"));
        Assert.Equal(0, await app.QueryAsync(db => db.Users.Where(u => u.UserName == User).Select(u => u.AccessFailedCount).SingleAsync()));

        // A wrong code is refused next to the field and the key is shown again.
        var wrong = await web.PostWithTokenAsync(typo, "/Account/Manage/TwoFactor?handler=Enable", new Dictionary<string, string> { ["Data.Code"] = Totp.WrongCode(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains(WebSession.Text("Account.TwoFactor.WrongCode"), wrong.Text, StringComparison.Ordinal);
        Assert.Equal(groupedKey, wrong.TestId("authenticator-key"));
        Assert.False(await TwoFactorEnabledAsync(app));

        // The right code switches it on and shows 10 recovery codes once.
        var enabled = await web.PostWithTokenAsync(wrong, "/Account/Manage/TwoFactor?handler=Enable", new Dictionary<string, string> { ["Data.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, enabled.Status);
        var codes = Regex.Matches(enabled.Html, "<li><code>([^<]+)</code></li>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.True(await TwoFactorEnabledAsync(app));
        var again = await web.GetAsync("/Account/Manage/TwoFactor");
        Assert.DoesNotContain(codes[0], again.Html, StringComparison.Ordinal);
        Assert.Contains(WebSession.Text("Account.TwoFactor.On"), again.TestId("two-factor-status"), StringComparison.Ordinal);

        // The audit trail has each step but never the key, a code or a recovery code.
        var audit = await app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.UserName == User).Select(a => new { a.Action, a.Request, a.Changes }).ToListAsync());
        Assert.Contains(audit, a => a.Action == "BeginAuthenticatorSetup.Command");
        Assert.Equal(2, audit.Count(a => a.Action == "EnableAuthenticator.Command"));
        Assert.All(audit, a =>
        {
            Assert.DoesNotContain(key, a.Request + a.Changes, StringComparison.OrdinalIgnoreCase);
            Assert.All(codes, c => Assert.DoesNotContain(c, a.Request + a.Changes, StringComparison.Ordinal));
        });

        // Next sign-in: the password leads to the code page, not into the application.
        await web.SignOutAsync();
        var password = await web.SignInAsync(User, Password);
        Assert.Equal(HttpStatusCode.Redirect, password.Status);
        Assert.StartsWith("/Account/LoginWith2fa", password.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await web.GetAsync("/Account/Manage")).Status);

        var codePage = await web.GetAsync(password.Location!);
        Assert.Equal(HttpStatusCode.OK, codePage.Status);
        var refused = await web.PostWithTokenAsync(codePage, "/Account/LoginWith2fa", new Dictionary<string, string> { ["Input.Code"] = Totp.WrongCode(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(WebSession.Text("Account.TwoFactor.WrongCode"), refused.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await web.GetAsync("/Account/Manage")).Status);

        // The next time step's code (as the phone would show half a minute later) signs in.
        var accepted = await web.PostWithTokenAsync(refused, "/Account/LoginWith2fa", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)) });
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        Assert.Equal("/", accepted.Location);
        var manage = await web.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.OK, manage.Status);
        Assert.Equal(User, manage.TestId("account-user-name"));

        // A recovery code signs in once.
        await web.SignOutAsync();
        var recovered = await SignInWithRecoveryCodeAsync(web, codes[0]);
        Assert.Equal(HttpStatusCode.Redirect, recovered.Status);
        Assert.Equal("/", recovered.Location);
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync("/Account/Manage")).Status);
        await web.SignOutAsync();
        var reused = await SignInWithRecoveryCodeAsync(web, codes[0]);
        Assert.Equal(HttpStatusCode.OK, reused.Status);
        Assert.Contains(WebSession.Text("Account.Recovery.WrongCode"), reused.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await web.GetAsync("/Account/Manage")).Status);
        Assert.Equal(9, await app.QueryAsync(async db => (await db.UserTokens.AsNoTracking()
            .Where(t => t.Name == "RecoveryCodes" && db.Users.Any(u => u.Id == t.UserId && u.UserName == User))
            .Select(t => t.Value).SingleAsync())!.Split(';').Length));

        var audited = await app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.UserName == User).Select(a => a.Action).ToListAsync());
        Assert.Contains("Account.SignIn.TwoFactor", audited);
        Assert.Contains("Account.SignIn.TwoFactorFailed", audited);
        Assert.Contains("Account.SignIn.RecoveryCode", audited);
        Assert.Contains("Account.SignIn.RecoveryCodeFailed", audited);
    }

    [Fact]
    public async Task Ten_wrong_codes_lock_the_account_and_then_even_the_right_code_is_refused()
    {
        await using var app = await TestApp.CreateAsync();
        using var web = new WebSession(app);
        Assert.Equal(HttpStatusCode.Redirect, (await web.SignInAsync(User, Password)).Status);
        var setup = await web.PostAsync("/Account/Manage/TwoFactor", "/Account/Manage/TwoFactor?handler=Start", new Dictionary<string, string>());
        var key = setup.TestId("authenticator-key").Replace(" ", string.Empty, StringComparison.Ordinal);
        var enabled = await web.PostWithTokenAsync(setup, "/Account/Manage/TwoFactor?handler=Enable", new Dictionary<string, string> { ["Data.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(10, Regex.Count(enabled.Html, "<li><code>"));
        await web.SignOutAsync();

        var password = await web.SignInAsync(User, Password);
        var page = await web.GetAsync(password.Location!);
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            page = await web.PostWithTokenAsync(page, "/Account/LoginWith2fa", new Dictionary<string, string> { ["Input.Code"] = Totp.WrongCode(key, DateTimeOffset.UtcNow) });
            Assert.Equal(HttpStatusCode.OK, page.Status);
        }

        Assert.Contains(WebSession.Text("Login.LockedOut"), page.Text, StringComparison.Ordinal);
        var right = await web.PostWithTokenAsync(page, "/Account/LoginWith2fa", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Contains(WebSession.Text("Login.LockedOut"), right.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await web.GetAsync("/Account/Manage")).Status);
    }

    [Fact]
    public async Task Switching_the_second_factor_off_takes_a_current_code()
    {
        await using var app = await TestApp.CreateAsync();
        using var web = new WebSession(app);
        Assert.Equal(HttpStatusCode.Redirect, (await web.SignInAsync(User, Password)).Status);
        var setup = await web.PostAsync("/Account/Manage/TwoFactor", "/Account/Manage/TwoFactor?handler=Start", new Dictionary<string, string>());
        var key = setup.TestId("authenticator-key").Replace(" ", string.Empty, StringComparison.Ordinal);
        await web.PostWithTokenAsync(setup, "/Account/Manage/TwoFactor?handler=Enable", new Dictionary<string, string> { ["Data.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.True(await TwoFactorEnabledAsync(app));

        var refused = await web.PostAsync("/Account/Manage/TwoFactor", "/Account/Manage/TwoFactor?handler=Disable", new Dictionary<string, string> { ["Data.Code"] = Totp.WrongCode(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(WebSession.Text("Account.TwoFactor.WrongCode"), refused.Text, StringComparison.Ordinal);
        Assert.True(await TwoFactorEnabledAsync(app));

        var done = await web.PostWithTokenAsync(refused, "/Account/Manage/TwoFactor?handler=Disable", new Dictionary<string, string> { ["Data.Code"] = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)) });
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.False(await TwoFactorEnabledAsync(app));

        // Off means the password alone signs in again.
        await web.SignOutAsync();
        var signedIn = await web.SignInAsync(User, Password);
        Assert.Equal("/", signedIn.Location);
    }

    private static async Task<WebSession.Page> SignInWithRecoveryCodeAsync(WebSession web, string code)
    {
        var password = await web.SignInAsync(User, Password);
        Assert.StartsWith("/Account/LoginWith2fa", password.Location, StringComparison.Ordinal);
        return await web.PostAsync("/Account/LoginWithRecoveryCode", "/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["Input.RecoveryCode"] = code });
    }

    private static Task<bool> TwoFactorEnabledAsync(TestApp app) =>
        app.QueryAsync(db => db.Users.AsNoTracking().Where(u => u.UserName == User).Select(u => u.TwoFactorEnabled).SingleAsync());
}
