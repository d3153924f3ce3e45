using IntergovCommission.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntergovCommission.BrowserTests;

/// <summary>A member reads the roster and the regulation; changing the roster is the secretaries' job (KZRU-07).</summary>
[Collection(BrowserCollection.Name)]
public sealed class MemberAccessTests(ChromiumFixture chromium, AppFixture app) : BrowserTest(chromium, app), IClassFixture<AppFixture>
{
    [Fact]
    public async Task Member_sees_the_roster_without_change_controls_and_gets_the_403_page_for_the_edit_address()
    {
        await SignInAsync("kz.member");
        await Page.GotoAsync(App.RosterPath);
        await Expect(Page.GetByTestId("quorum-line")).ToHaveAttributeAsync("title", "KZRU-16");
        var kazakhRows = Side("KZ").Locator("tr[data-membership]");
        await Expect(kazakhRows.First).ToBeVisibleAsync();

        await Expect(Page.Locator("[data-testid^='add-member-']")).ToHaveCountAsync(0);
        await Expect(Page.Locator("a[href^='/Memberships/']")).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = UiText.Ru("Roster.AddMember") })).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = UiText.Ru("Roster.Edit"), Exact = true })).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = UiText.Ru("Roster.End"), Exact = true })).ToHaveCountAsync(0);

        var membershipId = await kazakhRows.First.GetAttributeAsync("data-membership");
        Assert.False(string.IsNullOrEmpty(membershipId));
        var response = await Page.GotoAsync($"/Memberships/Edit/{membershipId}");

        Assert.NotNull(response);
        Assert.Equal(403, response.Status);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(UiText.Ru("Error.403.Title"));
        await Expect(Page.Locator("main")).ToContainTextAsync(UiText.Ru("Error.403.Text"));
        var correlationId = await response.HeaderValueAsync("X-Correlation-Id");
        Assert.False(string.IsNullOrEmpty(correlationId));
        await Expect(Page.GetByTestId("correlation-id")).ToHaveTextAsync(correlationId);
        await Expect(Page.GetByLabel(UiText.Ru("Membership.PositionRu"))).ToHaveCountAsync(0);
        await ScreenshotAsync("forbidden-403");
    }

    [Fact]
    public async Task Member_opens_the_regulation_profile_from_the_roster_and_reads_the_quorum_rule()
    {
        await SignInAsync("kz.member");
        await Page.GotoAsync(App.RosterPath);
        await Page.GetByRole(AriaRole.Link, new() { Name = UiText.Ru("Profile.Title") + " KZRU" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(UiText.Ru("Profile.Title"));
        var quorum = Page.Locator("tr[data-rule='KZRU-16']");
        await Expect(quorum).ToContainTextAsync(UiText.Ru("Profile.Quorum"));
        await Expect(quorum).ToContainTextAsync(UiText.Ru("Profile.QuorumValue", 2, 3));
        await ScreenshotAsync("profile");
    }
}
