using IntergovCommission.BrowserTests.Support;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Live;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntergovCommission.BrowserTests;

/// <summary>
/// A session in the room: the co-chair, three members and a representative each at their own
/// browser, plus the room screen. Every change one of them makes reaches the others' pages over
/// SignalR, without a reload.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveSessionTests(ChromiumFixture chromium, AppFixture app) : BrowserTest(chromium, app), IClassFixture<AppFixture>
{

    [Fact]
    public async Task Votes_reach_every_page_live_and_the_result_and_dissent_follow_the_close()
    {
        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(App.App);
        await LiveScenario.RegisterEveryoneAsync(App.App, sessionId, representatives: true);
        var livePath = $"/Sessions/Live/{sessionId}";

        // The KZ co-chair presides: opens the vote from the live page.
        await SignInAsync("kz.cochair");
        await Page.GotoAsync(livePath);
        await ExpectConnectedAsync(Page);
        await Expect(Page.GetByTestId("live-quorum")).ToContainTextAsync(UiText.Ru("Live.QuorumMet"));
        await Page.GetByTestId("open-vote").ClickAsync();
        await Expect(Page.GetByTestId("open-ballot")).ToBeVisibleAsync();
        await ExpectConnectedAsync(Page);
        await ScreenshotAsync("live-chair-open-desktop");

        var screen = await OpenAsync("kz.secretary", $"/Sessions/Screen/{sessionId}");
        await Expect(screen.GetByTestId("open-ballot")).ToBeVisibleAsync();
        var member = await OpenAsync("kz.member", livePath);
        var ruMember = await OpenAsync("ru.member", livePath);
        var deputy = await OpenAsync("kz.deputy", livePath);
        var representative = await OpenAsync("kz.representative", livePath);

        // Three voters click; the co-chair's page and the room screen follow without a reload, and
        // without even fetching the panel: the vote message carries the roll-call line.
        await Page.EvaluateAsync("() => { window.__notReloaded = true; }");
        var panelFetches = 0;
        Page.Request += (_, request) => { if (request.Url.Contains("handler=Panel", StringComparison.Ordinal)) { Interlocked.Increment(ref panelFetches); } };
        await member.GetByTestId("vote-for").ClickAsync();
        await ruMember.GetByTestId("vote-against").ClickAsync();
        await deputy.GetByTestId("vote-abstain").ClickAsync();
        await Expect(member.GetByTestId("my-vote")).ToHaveTextAsync(UiText.Ru("Vote.For"));
        foreach (var page in new[] { Page, screen, member, ruMember, deputy, representative })
        {
            await ExpectTallyAsync(page, 1, 1, 1);
        }

        Assert.True(await Page.EvaluateAsync<bool>("() => window.__notReloaded === true"), "The co-chair's page was reloaded to show the tally; it should update live.");
        Assert.Equal(0, Volatile.Read(ref panelFetches));

        // A voter changes their mind; everyone sees it.
        await deputy.GetByTestId("vote-for").ClickAsync();
        await Expect(deputy.GetByTestId("my-vote")).ToHaveTextAsync(UiText.Ru("Vote.For"));
        foreach (var page in new[] { Page, screen, member, ruMember, representative })
        {
            await ExpectTallyAsync(page, 2, 1, 0);
        }

        // The representative sees no vote buttons, and a forged cast from their browser is refused (KZRU-15).
        await Expect(representative.GetByTestId("vote-form")).ToHaveCountAsync(0);
        await Expect(representative.GetByTestId("vote-for")).ToHaveCountAsync(0);
        var forged = await representative.EvaluateAsync<string[]>(
            """
            async () => {
              const token = document.querySelector('input[name="__RequestVerificationToken"]').value;
              const ballotId = document.querySelector('.live-panel').getAttribute('data-open-ballot');
              const body = new URLSearchParams({ __RequestVerificationToken: token, ballotId: ballotId, choice: 'For' });
              const r = await fetch(location.pathname + '?handler=Cast', { method: 'POST', body: body, credentials: 'same-origin' });
              return [String(r.status), await r.text()];
            }
            """);
        Assert.Equal("403", forged[0]);
        Assert.Contains("data-rule=\"KZRU-15\"", forged[1], StringComparison.Ordinal); // the rule on the tooltip, the clause in words
        await ExpectTallyAsync(Page, 2, 1, 0);

        // The secretary records the show of hands of the members without a sign-in: all For.
        var ballotId = Guid.Parse((await Page.Locator(".live-panel").GetAttributeAsync("data-open-ballot"))!);
        var withoutSignIn = (await LiveScenario.RosterAsync(App.App)).Where(r => r.UserName is null && r.Role != CommissionRole.Representative).ToList();
        foreach (var r in withoutSignIn)
        {
            await LiveScenario.RecordVoteAsync(App.App, ballotId, r.MembershipId, VoteChoice.For);
        }

        await ExpectTallyAsync(Page, 2 + withoutSignIn.Count, 1, 0);

        // The co-chair closes the vote (the RU co-chair present has not voted: asked first, and confirmed); the result appears on every page.
        Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await Page.GetByTestId("close-vote").ClickAsync();
        foreach (var page in new[] { Page, screen, member, ruMember, deputy, representative })
        {
            await Expect(page.GetByTestId("ballot-result")).ToHaveTextAsync(UiText.Ru("Live.Adopted"));
            await Expect(page.GetByTestId("open-ballot")).ToHaveCountAsync(0);
        }

        // The RU member who voted against sets out a dissenting opinion; it appears with the result for all.
        await Expect(member.GetByText(UiText.Ru("Live.WriteDissent"))).ToHaveCountAsync(0);
        await ruMember.GetByText(UiText.Ru("Live.WriteDissent")).ClickAsync();
        const string dissent = "Считаю необходимым провести дополнительный огневой стенд перед лётными испытаниями.";
        await ruMember.GetByLabel(UiText.Ru("Live.DissentText")).FillAsync(dissent);
        await ruMember.GetByRole(AriaRole.Button, new() { Name = UiText.Ru("Live.SubmitDissent") }).ClickAsync();
        foreach (var page in new[] { ruMember, Page, screen, member })
        {
            await Expect(page.GetByTestId("dissent")).ToContainTextAsync(dissent);
        }

        await ScreenshotAsync("live-chair-closed-desktop");
        _ = itemId;
    }

    [Fact]
    public async Task Live_page_on_a_phone_has_big_vote_buttons_and_a_readable_tally()
    {
        var (sessionId, _) = await LiveScenario.StartedSessionAsync(App.App, "О готовности стартового комплекса");
        await LiveScenario.RegisterEveryoneAsync(App.App, sessionId);
        var chair = await OpenAsync("kz.cochair", $"/Sessions/Live/{sessionId}");
        await chair.GetByTestId("open-vote").ClickAsync();
        await Expect(chair.GetByTestId("open-ballot")).ToBeVisibleAsync();

        var phone = await OpenAsync("kz.member", $"/Sessions/Live/{sessionId}", new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 2,
        });
        var widths = await phone.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"The live page is {widths[0]}px wide in a {widths[1]}px window: it scrolls sideways.");
        foreach (var id in new[] { "vote-for", "vote-against", "vote-abstain" })
        {
            var box = await phone.GetByTestId(id).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Height >= 48, $"{id} is {box.Height}px high: too small to tap in a hurry.");
            Assert.True(box.Width >= 300, $"{id} is {box.Width}px wide on a 390px phone: it should take the width.");
        }

        var tallySize = await phone.GetByTestId("tally-for").EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        Assert.True(tallySize >= 24, $"The tally figures are {tallySize}px: too small to read at a glance.");
        await SaveAsync(phone, "live-member-phone");
        await phone.GetByTestId("vote-against").TapAsync();
        await Expect(phone.GetByTestId("my-vote")).ToHaveTextAsync(UiText.Ru("Vote.Against"));
        await ExpectTallyAsync(chair, 0, 1, 0);
        await SaveAsync(phone, "live-member-phone-voted");
    }

    [Fact]
    public async Task A_vote_cast_while_a_page_is_still_joining_the_hub_is_not_lost()
    {
        // A voter's page reloads after their own POST while the others go on voting: a vote
        // broadcast between the server rendering the page and the page joining the session's
        // group must still reach it.
        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(App.App, "О графике пусков");
        await LiveScenario.RegisterEveryoneAsync(App.App, sessionId);
        var ballotId = await App.App.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));

        var page = await OpenAsAsync("ru.member", "/");
        var joinHeld = new TaskCompletionSource();
        await page.RouteAsync("**/hubs/live/negotiate**", async route =>
        {
            await joinHeld.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync($"/Sessions/Live/{sessionId}");
        await ExpectTallyAsync(page, 0, 0, 0);

        await App.App.SendAsAsync("kz.member", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.Abstain });
        joinHeld.SetResult();

        await ExpectConnectedAsync(page);
        await ExpectTallyAsync(page, 0, 0, 1);
    }

    /// <summary>Another person at another browser, on <paramref name="path"/>, connected live.</summary>
    private async Task<IPage> OpenAsync(string userName, string path, BrowserNewContextOptions? options = null)
    {
        var page = await OpenAsAsync(userName, path, options);
        await ExpectConnectedAsync(page);
        return page;
    }

    /// <summary>The page's script has joined the session's group on the hub.</summary>
    private static Task ExpectConnectedAsync(IPage page) =>
        Expect(page.Locator("#live[data-live='connected']")).ToHaveCountAsync(1);

    private static async Task ExpectTallyAsync(IPage page, int @for, int against, int abstain)
    {
        await Expect(page.GetByTestId("tally-for")).ToHaveTextAsync(@for.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 8_000 });
        await Expect(page.GetByTestId("tally-against")).ToHaveTextAsync(against.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 8_000 });
        await Expect(page.GetByTestId("tally-abstain")).ToHaveTextAsync(abstain.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 8_000 });
    }

    private static async Task SaveAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable(ScreenshotVariable) is not { Length: > 0 } directory)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }
}
