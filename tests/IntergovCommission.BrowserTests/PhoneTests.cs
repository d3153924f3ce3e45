using System.Globalization;
using IntergovCommission.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntergovCommission.BrowserTests;

/// <summary>On a phone held upright (390 × 844 CSS pixels): nothing scrolls sideways, tables become stacked fields.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneTests(ChromiumFixture chromium, AppFixture app) : BrowserTest(chromium, app), IClassFixture<AppFixture>
{
    private const int Width = 390;

    protected override BrowserNewContextOptions ContextOptions => PhoneUpright();

    [Fact]
    public async Task Roster_fits_the_phone_width_and_shows_each_membership_as_stacked_fields()
    {
        await SignInAsync("kz.secretary");
        await Page.GotoAsync(App.RosterPath);
        await Expect(Page.GetByTestId("quorum-line")).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync();

        var row = Side("KZ").Locator("tr[data-membership]").First;
        var name = await row.Locator("td").Nth(0).BoundingBoxAsync();
        var role = await row.Locator("td").Nth(1).BoundingBoxAsync();
        Assert.NotNull(name);
        Assert.NotNull(role);
        Assert.True(role.Y >= name.Y + name.Height - 1, $"Cells of a roster row sit side by side (name at y={name.Y}, role at y={role.Y}); on a phone they stack.");
        Assert.True(name.X >= 0 && name.X + name.Width <= Width, $"The name cell runs off the screen ({name.X} + {name.Width}).");
        Assert.Contains(UiText.Ru("Roster.Role"), await row.Locator("td").Nth(1).EvaluateAsync<string>("td => getComputedStyle(td, '::before').content"), StringComparison.Ordinal);
        var tableScrolls = await Side("KZ").Locator(".table-wrap").EvaluateAsync<bool>("w => w.scrollWidth > w.clientWidth + 1");
        Assert.False(tableScrolls, "The roster table scrolls sideways inside the page on a phone.");
        await ScreenshotAsync("roster-phone");
    }

    [Fact]
    public async Task Secretary_adds_a_member_from_a_phone()
    {
        await SignInAsync("kz.secretary");
        await Page.GotoAsync(App.RosterPath);
        await Page.GetByTestId("add-member-KZ").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(UiText.Ru("Membership.AddTitle"));
        await AssertNoSidewaysScrollAsync();
        var offScreen = await Page.EvaluateAsync<string[]>(
            "w => [...document.querySelectorAll('main input:not([type=hidden]), main select, main button, main label')]" +
            ".filter(e => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > w; })" +
            ".map(e => e.id || e.getAttribute('for') || e.textContent.trim())", Width);
        Assert.True(offScreen.Length == 0, "Form controls run off the screen: " + string.Join(", ", offScreen));
        await ScreenshotAsync("add-form-phone");

        await Page.GetByLabel(UiText.Ru("Person.FullNameRu")).FillAsync("Динара Сагинтаева");
        await Page.GetByLabel(UiText.Ru("Membership.PositionRu")).FillAsync("Ведущий эксперт");
        await Page.GetByLabel(UiText.Ru("Membership.OrganisationRu")).FillAsync("Аэрокосмический комитет");
        await Page.GetByLabel(UiText.Ru("Membership.ActNumber")).FillAsync("№ 119");
        await Page.GetByLabel(UiText.Ru("Membership.ActDate")).FillAsync(DateTime.UtcNow.Date.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var submit = Page.GetByRole(AriaRole.Button, new() { Name = UiText.Ru("Membership.AddSubmit") });
        var box = await submit.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Height >= 40, $"The submit button is {box.Height}px high: too small to tap.");
        await submit.TapAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync(UiText.Ru("Membership.Added", "Динара Сагинтаева"));
        await Expect(Side("KZ").Locator("tr[data-membership]", new() { HasText = "Динара Сагинтаева" })).ToHaveCountAsync(1);
        await AssertNoSidewaysScrollAsync();
    }

    private async Task AssertNoSidewaysScrollAsync()
    {
        var widths = await Page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        if (widths[0] <= widths[1] && widths[0] <= Width)
        {
            return;
        }

        var culprits = await Page.EvaluateAsync<string[]>(
            "w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 0.5)" +
            ".slice(0, 8).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))", Width);
        Assert.Fail($"The page is {widths[0]}px wide in a {widths[1]}px window ({Width}px screen): it scrolls sideways. Too wide: {string.Join(", ", culprits)}");
    }
}
