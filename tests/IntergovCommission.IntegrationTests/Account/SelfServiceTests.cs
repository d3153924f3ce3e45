using System.Globalization;
using System.Net;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Account;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntergovCommission.IntegrationTests.Account;

public sealed class SelfServiceTests
{
    [Fact]
    public async Task The_preferred_language_is_saved_and_applied_at_the_next_sign_in()
    {
        await using var app = await TestApp.CreateAsync();
        await app.SendAsAsync("kz.member", new UpdateProfile.Command { DisplayName = "  Ерлан Ж.  ", PreferredLanguage = "kk" });

        var stored = await app.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "kz.member"));
        Assert.Equal("Ерлан Ж.", stored.DisplayName);
        Assert.Equal("kk", stored.PreferredLanguage);

        using var web = new WebSession(app);
        var signIn = await web.SignInAsync("kz.member", DemoDataSeeder.DemoPassword);
        Assert.Contains(signIn.SetCookies, c => c.StartsWith(".AspNetCore.Culture=c%3Dkk%7Cuic%3Dkk", StringComparison.Ordinal));
        var page = await web.GetAsync("/Account/Manage");
        Assert.Contains("<html lang=\"kk\">", page.Html, StringComparison.Ordinal);
        Assert.Contains(WebSession.Text("Account.Manage.Title", "kk"), page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsupported_language_and_an_empty_name_are_refused_and_nothing_changes()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        await using var app = await TestApp.CreateAsync();

        var refused = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("kz.member", new UpdateProfile.Command { DisplayName = "", PreferredLanguage = "de" }));

        Assert.Equal("Choose Russian, Kazakh or English.", Assert.Single(refused.Errors["PreferredLanguage"]));
        Assert.Equal("Enter the name to show.", Assert.Single(refused.Errors["DisplayName"]));
        var stored = await app.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "kz.member"));
        Assert.Equal("ru", stored.PreferredLanguage);
        Assert.NotEqual(string.Empty, stored.DisplayName);
    }

    [Fact]
    public async Task Changing_the_password_takes_the_current_one_and_a_new_one_that_meets_the_policy()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        await using var app = await TestApp.CreateAsync();

        var wrongCurrent = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("kz.member", new ChangePassword.Command
        {
            CurrentPassword = "Not-The-Password-1",
            NewPassword = "Brand-New-Pass-42",
            ConfirmPassword = "Brand-New-Pass-42",
        }));
        Assert.Equal("The current password is wrong.", Assert.Single(wrongCurrent.Errors["CurrentPassword"]));

        var weak = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("kz.member", new ChangePassword.Command
        {
            CurrentPassword = DemoDataSeeder.DemoPassword,
            NewPassword = "NODIGITSATALL",
            ConfirmPassword = "NODIGITSATALX",
        }));
        Assert.Contains("The password must contain a digit (0-9).", weak.Errors["NewPassword"]);
        Assert.Contains("The password must contain a lower-case letter.", weak.Errors["NewPassword"]);
        Assert.Equal("The two new passwords differ.", Assert.Single(weak.Errors["ConfirmPassword"]));
        Assert.True(await PasswordIsAsync(app, "kz.member", DemoDataSeeder.DemoPassword));

        await app.SendAsAsync("kz.member", new ChangePassword.Command
        {
            CurrentPassword = DemoDataSeeder.DemoPassword,
            NewPassword = "Brand-New-Pass-42",
            ConfirmPassword = "Brand-New-Pass-42",
        });
        Assert.True(await PasswordIsAsync(app, "kz.member", "Brand-New-Pass-42"));
        Assert.False(await PasswordIsAsync(app, "kz.member", DemoDataSeeder.DemoPassword));
        var audit = await app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "ChangePassword.Command").Select(a => a.Request + a.Changes).ToListAsync());
        Assert.Single(audit);
        Assert.DoesNotContain("Brand-New-Pass-42", audit[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_password_page_shows_the_policy_message_next_to_the_field_over_http()
    {
        await using var app = await TestApp.CreateAsync();
        using var web = new WebSession(app);
        await web.SignInAsync("kz.member", DemoDataSeeder.DemoPassword);

        var page = await web.PostAsync("/Account/Manage/Password", "/Account/Manage/Password", new Dictionary<string, string>
        {
            ["Data.CurrentPassword"] = DemoDataSeeder.DemoPassword,
            ["Data.NewPassword"] = "short",
            ["Data.ConfirmPassword"] = "short",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(WebSession.Text("Account.Identity.PasswordTooShort", "ru", 10), page.Text, StringComparison.Ordinal);
        Assert.Contains("data-valmsg-for=\"Data.NewPassword\"", page.Html, StringComparison.Ordinal);
        Assert.True(await PasswordIsAsync(app, "kz.member", DemoDataSeeder.DemoPassword));
    }

    private static async Task<bool> PasswordIsAsync(TestApp app, string userName, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.CheckPasswordAsync((await users.FindByNameAsync(userName))!, password);
    }
}
