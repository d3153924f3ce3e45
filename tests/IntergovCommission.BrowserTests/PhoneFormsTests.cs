using System.Text;
using IntergovCommission.BrowserTests.Support;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Live;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntergovCommission.BrowserTests;

/// <summary>
/// Issue #15, items 10-12 and 15, on a phone held upright (390 × 844): tables keep their labels, the register of 28
/// people is grouped and can be filtered, a refused form stays open with the message beside the field and the focus
/// on it, an upload shows its progress with the button disabled, and a person is not offered what is not theirs.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneFormsTests(ChromiumFixture chromium, AppFixture app) : BrowserTest(chromium, app), IClassFixture<AppFixture>
{
    protected override BrowserNewContextOptions ContextOptions => PhoneUpright();

    [Fact]
    public async Task A_table_written_without_labels_shows_its_column_headers_beside_each_value_on_a_phone()
    {
        // The profile's "who may act" table has no data-label in its markup: the labels come from its header row.
        await SignInAsync("kz.member");
        await Page.GotoAsync($"/Commissions/Profile/{App.CommissionId}");
        var row = Page.GetByTestId("capabilities").Locator("tbody tr").First;
        var cells = row.Locator("td");
        Assert.Equal(UiText.Ru("Profile.Rule"), await cells.Nth(0).GetAttributeAsync("data-label"));
        Assert.Equal(UiText.Ru("Profile.Holders"), await cells.Nth(2).GetAttributeAsync("data-label"));
        var shown = await cells.Nth(1).EvaluateAsync<string>("td => getComputedStyle(td, '::before').content");
        Assert.Contains(UiText.Ru("Profile.Capability"), shown, StringComparison.Ordinal);
        var first = await cells.Nth(0).BoundingBoxAsync();
        var second = await cells.Nth(1).BoundingBoxAsync();
        Assert.True(second!.Y >= first!.Y + first.Height - 1, "The cells of a row sit side by side on a phone; they should stack under their labels.");
    }

    [Fact]
    public async Task The_live_register_is_folded_by_side_with_counts_and_a_filter_finds_a_person()
    {
        var (sessionId, _) = await LiveScenario.StartedSessionAsync(App.App);
        await LiveScenario.RegisterEveryoneAsync(App.App, sessionId);
        var roster = await LiveScenario.RosterAsync(App.App);
        await SignInAsync("kz.secretary");
        await Page.GotoAsync($"/Sessions/Live/{sessionId}");
        await Expect(Page.Locator("#live[data-live='connected']")).ToHaveCountAsync(1);

        var groups = Page.GetByTestId("register-group");
        await Expect(groups).ToHaveCountAsync(2);
        // Folded on a phone: each side is one line with its count, not fourteen stacked cards.
        foreach (var side in new[] { "KZ", "RU" })
        {
            var group = Page.Locator($"#register-{side}");
            Assert.False(await group.EvaluateAsync<bool>("d => d.open"), $"The {side} register is unfolded on a phone.");
            await Expect(group.Locator("summary")).ToContainTextAsync(side + ":");
        }

        var members = roster.Count(r => r.Role != CommissionRole.Invitee);
        var summaries = string.Join(" ", await groups.Locator("summary").AllTextContentsAsync());
        var counted = System.Text.RegularExpressions.Regex.Matches(summaries, @"всего (\d+)").Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(counted >= 20, $"The groups' counts add up to {counted} ({summaries}); the demo register holds {members} memberships.");
        var height = await Page.GetByTestId("register").EvaluateAsync<double>("e => e.getBoundingClientRect().height");
        Assert.True(height < 400, $"The folded register is {height}px tall on a phone.");

        // The filter box finds one person by a part of the name, and unfolds the side that holds them.
        var name = await Page.Locator("#register-RU tbody tr").First.Locator("td").First.TextContentAsync();
        var word = name!.Trim().Split(' ')[0];
        await Page.GetByTestId("filter-register").FillAsync(word);
        Assert.True(await Page.Locator("#register-RU").EvaluateAsync<bool>("d => d.open"), "The side holding the match did not unfold.");
        var visible = Page.Locator("[data-testid='register'] tbody tr:visible");
        await Expect(visible.First).ToContainTextAsync(word);
        var left = await visible.CountAsync();
        Assert.True(left < members / 2, $"The filter by «{word}» left {left} of {members} rows shown.");
        Assert.True(await Page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways on a phone.");
        await ScreenshotAsync("register-filtered-phone");
    }

    [Fact]
    public async Task An_empty_dissent_is_refused_beside_its_field_with_the_form_open_the_input_kept_and_the_focus_on_it()
    {
        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(App.App);
        await LiveScenario.RegisterEveryoneAsync(App.App, sessionId);
        var ballotId = await App.App.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
        // One vote "for" of some twenty present: not adopted, so the member who voted for it may set out a dissent (KZRU-19).
        await App.App.SendAsAsync("ru.member", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.For });
        await App.App.SendAsAsync("kz.cochair", new CloseBallot.Command(ballotId, ConfirmMissingVotes: true));

        await SignInAsync("ru.member");
        await Page.GotoAsync($"/Sessions/Live/{sessionId}");
        await Expect(Page.Locator("#live[data-live='connected']")).ToHaveCountAsync(1);
        await Page.GetByText(UiText.Ru("Live.WriteDissent")).ClickAsync();
        var text = Page.Locator($"#dissent-text-{ballotId}");
        var language = Page.Locator($"#dissent-lang-{ballotId}");
        await language.SelectOptionAsync("kk");
        await text.FillAsync("   "); // passes the browser's "required", not the rule: the server answers
        await Page.GetByRole(AriaRole.Button, new() { Name = UiText.Ru("Live.SubmitDissent") }).ClickAsync();

        var form = Page.Locator($"#dissent-{ballotId}");
        await Expect(form.GetByTestId("field-error")).ToHaveTextAsync(UiText.Ru("Live.Validation.DissentText"));
        await Expect(text).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(text).ToHaveAttributeAsync("aria-describedby", $"dissent-text-{ballotId}-error");
        await Expect(text).ToBeFocusedAsync();
        Assert.True(await form.EvaluateAsync<bool>("d => d.open"), "The dissent form is folded after the refusal.");
        await Expect(language).ToHaveValueAsync("kk"); // what was chosen is kept
        await Expect(Page.GetByTestId("form-errors")).ToBeEmptyAsync(); // not repeated at the top, far from the field

        // The live page fetches its panel again when someone else changes the register: the refused form stays as it is.
        await Expect(Page.Locator("#live[data-live='connected']")).ToHaveCountAsync(1);
        var quorum = await Page.GetByTestId("live-quorum").TextContentAsync();
        var absent = (await LiveScenario.RosterAsync(App.App)).First(r => r.Role == CommissionRole.Member && r.UserName is null);
        await App.App.SendAsAsync(await LiveScenario.SecretaryOfSideAsync(App.App, absent.MembershipId),
            new RegisterAttendance.Command { SessionId = sessionId, MembershipId = absent.MembershipId, Mode = AttendanceMode.Absent });
        await Expect(Page.GetByTestId("live-quorum")).Not.ToHaveTextAsync(quorum!);
        await Expect(form.GetByTestId("field-error")).ToHaveTextAsync(UiText.Ru("Live.Validation.DissentText"));
        Assert.True(await form.EvaluateAsync<bool>("d => d.open"), "The refused dissent form folded on a live refresh.");

        // Written out, it is accepted.
        await text.FillAsync("Считаю решение преждевременным.");
        await Page.GetByRole(AriaRole.Button, new() { Name = UiText.Ru("Live.SubmitDissent") }).ClickAsync();
        await Expect(Page.GetByTestId("dissent")).ToContainTextAsync("Считаю решение преждевременным.");
        await ScreenshotAsync("dissent-after-refusal-phone");
    }

    [Fact]
    public async Task An_upload_shows_its_progress_with_the_button_disabled_and_a_refused_one_names_its_item()
    {
        var title = "О готовности стартового комплекса " + Guid.NewGuid().ToString("N")[..6];
        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(App.App, itemTitle: title);
        await SignInAsync("kz.secretary");
        await Page.GotoAsync($"/Sessions/Pack/{sessionId}");
        var item = Page.Locator($"li[data-item='{itemId}']");

        // Sent without a file: the form comes back open, the message names the item, the focus is on the file field.
        await item.GetByText(UiText.Ru("Materials.Upload")).ClickAsync();
        await item.GetByTestId("upload-submit").ClickAsync();
        await Expect(item.GetByTestId("upload-errors")).ToContainTextAsync(title);
        await Expect(item.GetByTestId("upload-errors")).ToContainTextAsync(UiText.Ru("Materials.Validation.FileRequired"));
        var file = item.GetByLabel(UiText.Ru("Materials.File"));
        await Expect(file).ToBeFocusedAsync();
        await Expect(file).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.GetByTestId("form-errors")).ToBeEmptyAsync();

        // A file on a slow line: while it is on its way the bar shows and the button cannot be pressed again.
        var held = new TaskCompletionSource();
        await Page.RouteAsync("**/Sessions/Pack/**", async route =>
        {
            if (route.Request.Method == "POST")
            {
                await held.Task;
            }

            await route.ContinueAsync();
        });
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% readiness " + new string('x', 600_000) + "\n%%EOF\n");
        await file.SetInputFilesAsync(new FilePayload { Name = "readiness.pdf", MimeType = "application/pdf", Buffer = pdf });
        await item.GetByTestId("upload-submit").ClickAsync();
        await Expect(item.GetByTestId("upload-submit")).ToBeDisabledAsync();
        await Expect(item.GetByTestId("upload-progress")).ToBeVisibleAsync();
        await Expect(item.GetByTestId("upload-status")).ToContainTextAsync(UiText.Ru("Busy.Uploading", "").Split(':')[0]);
        await ScreenshotAsync("upload-progress-phone");
        held.SetResult();

        await Expect(Page.GetByTestId("notice")).ToContainTextAsync("SHA-256");
        await Expect(Page.Locator($"li[data-item='{itemId}']").GetByTestId("material-link")).ToHaveTextAsync("readiness.pdf");
    }

    [Fact]
    public async Task A_representative_is_not_offered_the_new_session_form_and_is_told_why_they_do_not_vote()
    {
        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(App.App);
        await LiveScenario.RegisterEveryoneAsync(App.App, sessionId, representatives: true);
        await App.App.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));

        await SignInAsync("kz.representative");
        await Page.GotoAsync($"/Sessions?commissionId={App.CommissionId}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("create-session")).ToHaveCountAsync(0);
        await Expect(Page.Locator("a[href^='/Sessions/Create']")).ToHaveCountAsync(0);

        // The session takes proposals, but not from a representative: no form offered, and a line says why.
        await Page.GotoAsync($"/Sessions/Details/{sessionId}");
        await Expect(Page.GetByTestId("propose-link")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("why-no-propose")).ToHaveTextAsync(UiText.Ru("Proposals.WhyNotYours"));
        var member = await OpenAsAsync("kz.member", $"/Sessions/Details/{sessionId}", PhoneUpright());
        await Expect(member.GetByTestId("propose-link")).ToBeVisibleAsync();
        await Expect(member.GetByTestId("why-no-propose")).ToHaveCountAsync(0);

        await Page.GotoAsync($"/Sessions/Live/{sessionId}");
        await Expect(Page.GetByTestId("open-ballot")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("vote-form")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("why-no-vote")).ToHaveTextAsync(UiText.Ru("Room.WhyNoVote.Representative"));
    }
}
