using System.Globalization;
using IntergovCommission.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntergovCommission.BrowserTests;

/// <summary>The Kazakh secretary keeps the Kazakh part of the roster (KZRU-02, KZRU-07).</summary>
[Collection(BrowserCollection.Name)]
public sealed class AddingMembersTests(ChromiumFixture chromium, AppFixture app) : BrowserTest(chromium, app), IClassFixture<AppFixture>
{
    private static string ActDate => DateTime.UtcNow.Date.AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Secretary_adds_a_member_and_sees_them_in_the_Kazakh_part_of_the_roster()
    {
        await SignInAsync("kz.secretary");
        // Home is the person's own page; the commissions are one click from it.
        await Page.Locator("main a[href='/Commissions']").First.ClickAsync();
        await Page.Locator($"a[href='{App.RosterPath}']").First.ClickAsync();
        await Expect(Page.GetByTestId("quorum-line")).ToHaveAttributeAsync("title", "KZRU-16"); // the rule id as a tooltip; the text cites the clause in words
        // She manages her own side only: change controls in the KZ part, none in the RU part.
        await Expect(Side("KZ").GetByRole(AriaRole.Link, new() { Name = UiText.Ru("Roster.Edit"), Exact = true }).First).ToBeVisibleAsync();
        await Expect(Side("RU").Locator("a[href^='/Memberships/']")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("add-member-RU")).ToHaveCountAsync(0);
        await ScreenshotAsync("roster-desktop");

        await Page.GetByTestId("add-member-KZ").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(UiText.Ru("Membership.AddTitle"));
        var side = Page.GetByLabel(UiText.Ru("Membership.Side"));
        Assert.EndsWith("(KZ)", await side.EvaluateAsync<string>("s => s.options[s.selectedIndex].text"), StringComparison.Ordinal);

        await Page.GetByLabel(UiText.Ru("Person.FullNameRu")).FillAsync("Айдар Ермеков");
        await Page.GetByLabel(UiText.Ru("Person.FullNameKk")).FillAsync("Айдар Ермекұлы");
        await Page.GetByLabel(UiText.Ru("Membership.PositionRu")).FillAsync("Главный специалист");
        await Page.GetByLabel(UiText.Ru("Membership.PositionKk")).FillAsync("Бас маман");
        await Page.GetByLabel(UiText.Ru("Membership.OrganisationRu")).FillAsync("Аэрокосмический комитет");
        await Page.GetByLabel(UiText.Ru("Membership.OrganisationKk")).FillAsync("Аэроғарыш комитеті");
        await Page.GetByLabel(UiText.Ru("Membership.ActNumber")).FillAsync("№ 117");
        await Page.GetByLabel(UiText.Ru("Membership.ActDate")).FillAsync(ActDate);
        await Page.GetByRole(AriaRole.Button, new() { Name = UiText.Ru("Membership.AddSubmit") }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Uri(App.BaseUri, App.RosterPath).ToString());
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync(UiText.Ru("Membership.Added", "Айдар Ермеков"));
        var row = Side("KZ").Locator("tr[data-membership]", new() { HasText = "Айдар Ермеков" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(UiText.Ru("Role.Member"));
        await Expect(row).ToContainTextAsync("Главный специалист");
        await Expect(row).ToContainTextAsync("Аэрокосмический комитет");
        await Expect(row).ToContainTextAsync("№ 117");
        await Expect(Side("RU")).Not.ToContainTextAsync("Айдар Ермеков");
    }

    [Fact]
    public async Task Add_form_with_the_Russian_position_missing_comes_back_with_the_message_at_that_field_and_the_input_kept()
    {
        await SignInAsync("kz.secretary");
        await Page.GotoAsync(App.RosterPath);
        var kazakhRows = Side("KZ").Locator("tr[data-membership]");
        await Expect(kazakhRows.First).ToBeVisibleAsync();
        var rowsBefore = await kazakhRows.CountAsync();

        await Page.GetByTestId("add-member-KZ").ClickAsync();
        var typed = new Dictionary<string, string>
        {
            ["Person.FullNameRu"] = "Мирас Тулегенов",
            ["Person.FullNameKk"] = "Мирас Төлегенов",
            ["Person.Email"] = "m.tulegenov@example.kz",
            ["Membership.PositionKk"] = "Жетекші сарапшы",
            ["Membership.OrganisationRu"] = "Аэрокосмический комитет",
            ["Membership.OrganisationKk"] = "Аэроғарыш комитеті",
            ["Membership.ActNumber"] = "№ 118",
            ["Membership.ActDate"] = ActDate,
        };
        foreach (var (label, value) in typed)
        {
            await Page.GetByLabel(UiText.Ru(label)).FillAsync(value);
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = UiText.Ru("Membership.AddSubmit") }).ClickAsync();

        var position = Page.GetByLabel(UiText.Ru("Membership.PositionRu"));
        var positionField = Page.Locator(".field", new() { Has = position });
        await Expect(positionField.Locator(".field-error")).ToHaveTextAsync(UiText.Ru("Validation.PositionRequired"));
        await Expect(position).ToBeFocusedAsync();
        await Expect(position).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(position).ToHaveAccessibleDescriptionAsync(UiText.Ru("Validation.PositionRequired"));
        await Expect(Page.Locator(".field-error:not(:empty)")).ToHaveCountAsync(1);
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Memberships/Add/"));
        foreach (var (label, value) in typed)
        {
            await Expect(Page.GetByLabel(UiText.Ru(label))).ToHaveValueAsync(value);
        }

        await ScreenshotAsync("add-form-errors");

        await Page.GetByRole(AriaRole.Link, new() { Name = UiText.Ru("Common.Cancel"), Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("quorum-line")).ToBeVisibleAsync();
        await Expect(kazakhRows).ToHaveCountAsync(rowsBefore);
        await Expect(Page.Locator("main")).Not.ToContainTextAsync("Мирас Тулегенов");
    }
}
