using IntergovCommission.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntergovCommission.BrowserTests;

/// <summary>Signing in, in the user's language, with a mouse or with the keyboard alone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInTests(ChromiumFixture chromium, AppFixture app) : BrowserTest(chromium, app), IClassFixture<AppFixture>
{
    [Fact]
    public async Task Wrong_password_is_refused_with_a_message_and_the_user_name_kept()
    {
        await Page.GotoAsync("/Account/Login");
        await ScreenshotAsync("login");
        await Page.GetByLabel(UiText.Ru("Login.UserName")).FillAsync("kz.deputy");
        await Page.GetByLabel(UiText.Ru("Login.Password")).FillAsync("Not-The-Password-1");
        await Page.GetByRole(AriaRole.Button, new() { Name = UiText.Ru("Login.Submit") }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync(UiText.Ru("Login.Failed"));
        await Expect(Page.GetByLabel(UiText.Ru("Login.UserName"))).ToHaveValueAsync("kz.deputy");
        await Expect(Page.GetByLabel(UiText.Ru("Login.Password"))).ToHaveValueAsync(string.Empty);
        await Expect(Page.GetByTestId("current-user")).ToHaveCountAsync(0);
        await ScreenshotAsync("login-failed");
    }

    [Fact]
    public async Task Kazakh_chosen_on_the_login_page_stays_the_interface_language_after_signing_in()
    {
        await Page.GotoAsync("/Account/Login");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await Page.GetByRole(AriaRole.Link, new() { Name = "KK", Exact = true }).ClickAsync();

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "kk");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(UiText.Kk("Login.Title"));
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "KK", Exact = true })).ToHaveAttributeAsync("aria-current", "true");
        await Page.GetByLabel(UiText.Kk("Login.UserName")).FillAsync("kz.deputy");
        await Page.GetByLabel(UiText.Kk("Login.Password")).FillAsync(DemoPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = UiText.Kk("Login.Submit") }).ClickAsync();

        await Expect(Page.GetByTestId("current-user")).ToHaveTextAsync("kz.deputy");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(UiText.Kk("Home.Title"));
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = UiText.Kk("Nav.SignOut") })).ToBeVisibleAsync();

        await Page.Locator("main a[href='/Commissions']").First.ClickAsync();
        await Page.Locator($"a[href='{App.RosterPath}']").First.ClickAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "kk");
        await Expect(Page.GetByTestId("quorum-line")).ToContainTextAsync(UiText.Kk("Roster.QuorumLine", 27, 18, "KZRU-16", "").Split('(')[0].Trim());
        await Expect(Side("KZ").Locator("th").First).ToHaveTextAsync(UiText.Kk("Roster.Person"));
        await Expect(Side("KZ")).ToContainTextAsync(UiText.Kk("Role.CoChair"));
        await ScreenshotAsync("roster-kazakh");

        // The header's sign-out button works from any page (its form carries the antiforgery token).
        await Page.GetByRole(AriaRole.Button, new() { Name = UiText.Kk("Nav.SignOut") }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(UiText.Kk("Login.Title"));
        await Expect(Page.GetByTestId("current-user")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Login_form_is_completed_with_the_keyboard_alone()
    {
        await Page.GotoAsync("/Account/Login");
        var userName = Page.GetByLabel(UiText.Ru("Login.UserName"));
        var password = Page.GetByLabel(UiText.Ru("Login.Password"));
        var submit = Page.GetByRole(AriaRole.Button, new() { Name = UiText.Ru("Login.Submit") });

        await Expect(userName).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("kz.member");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(password).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(DemoPassword);
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByLabel(UiText.Ru("Login.RememberMe"))).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Expect(submit).ToBeFocusedAsync();
        // Keyboard users see where they are.
        await Expect(submit).ToHaveCSSAsync("outline-style", "solid");
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page.GetByTestId("current-user")).ToHaveTextAsync("kz.member");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(UiText.Ru("Home.Title"));
        await ScreenshotAsync("home");
    }
}
