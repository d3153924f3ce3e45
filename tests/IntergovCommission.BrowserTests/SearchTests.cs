using System.Globalization;
using IntergovCommission.BrowserTests.Support;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace IntergovCommission.BrowserTests;

/// <summary>Issue #14: a secretary finds a two-year-old decision by a word of its Kazakh text, typed otherwise, and opens it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchTests(ChromiumFixture chromium, AppFixture app) : BrowserTest(chromium, app), IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_secretary_finds_a_two_year_old_decision_by_a_Kazakh_word_typed_without_its_letters_and_opens_it()
    {
        var adopted = await DecisionScenario.AdoptedAsync(App.App, DecisionKind.ProgrammeApprovalOrChange);
        var number = await App.App.QueryAsync(db => db.Decisions.Where(d => d.Id == adopted.DecisionId).Select(d => d.Number).SingleAsync());
        // Two years ago: the meeting is moved back as its owner would find it after two years (the search files it under that year).
        var year = DateTime.UtcNow.Year - 2;
        await using (var connection = new NpgsqlConnection(App.App.ConnectionString))
        {
            await connection.OpenAsync();
            await using var back = new NpgsqlCommand("UPDATE sessions SET starts_at = starts_at - interval '2 years' WHERE id = @id", connection);
            back.Parameters.AddWithValue("id", adopted.SessionId);
            await back.ExecuteNonQueryAsync();
        }

        await SignInAsync("kz.secretary");
        // «сынақтарының» in the decision's Kazakh text, typed in capitals with Russian letters, from the header's box.
        await Page.GetByLabel(UiText.Ru("Search.Box")).FillAsync("СЫНАКТАРЫНЫН");
        await Page.GetByLabel(UiText.Ru("Search.Box")).PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(UiText.Ru("Search.Title"));
        var hit = Page.Locator($"[data-testid='search-results'] li[data-id='{adopted.DecisionId}']");
        await Expect(hit).ToBeVisibleAsync();
        await Expect(hit.Locator("mark").First).ToHaveTextAsync("сынақтарының");
        await Expect(hit).ToContainTextAsync(year.ToString(CultureInfo.InvariantCulture));

        // The year filter keeps it; another year does not.
        await Page.GetByLabel(UiText.Ru("Search.Year")).FillAsync((year + 1).ToString(CultureInfo.InvariantCulture));
        await Page.GetByTestId("search-submit").ClickAsync();
        await Expect(Page.GetByTestId("search-none")).ToBeVisibleAsync();
        await Page.GetByLabel(UiText.Ru("Search.Year")).FillAsync(year.ToString(CultureInfo.InvariantCulture));
        await Page.GetByTestId("search-submit").ClickAsync();
        await ScreenshotAsync("search-kazakh-word");

        await hit.GetByTestId("search-hit").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/Decisions/Details/{adopted.DecisionId}$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(number);

        // On a phone the results read without sideways scrolling.
        await Page.GoBackAsync();
        await Page.SetViewportSizeAsync(390, 844);
        var overflow = await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the search page scrolls sideways at 390 px");
    }
}
