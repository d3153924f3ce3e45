using System.Globalization;
using System.Text.RegularExpressions;
using IntergovCommission.BrowserTests.Support;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Live;
using IntergovCommission.Web.Features.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntergovCommission.BrowserTests;

/// <summary>
/// Issue #15, the session day in the room: the room screen stays a read-only view (also through a secret link with
/// nobody signed in, until it is revoked), closing with missing votes asks first, a phone vote answers where it was
/// tapped and survives a dropped connection, and the secretary's desk registers the room and records a show of hands.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RoomTests(ChromiumFixture chromium, AppFixture app) : BrowserTest(chromium, app), IClassFixture<AppFixture>
{
    [Fact]
    public async Task Room_screen_after_connect_shows_no_controls_and_follows_a_cast()
    {
        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(App.App, "О зале");
        await LiveScenario.RegisterEveryoneAsync(App.App, sessionId);
        var ballotId = await App.App.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId, ClosesInMinutes: 10));

        // The secretary's own sign-in on the projector laptop: still the room's view, not her panel.
        await SignInAsync("kz.secretary");
        await Page.GotoAsync($"/Sessions/Screen/{sessionId}");
        await ExpectConnectedAsync(Page);
        await AssertReadOnlyAsync(Page);
        await Expect(Page.GetByTestId("needed-to-adopt")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("closing-time")).ToContainTextAsync("(UTC+05:00)");
        await Expect(Page.Locator("[data-countdown]")).ToHaveTextAsync(new Regex(@"\d+:\d\d"));

        await App.App.SendAsAsync("kz.member", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.For });
        await Expect(Page.GetByTestId("tally-for")).ToHaveTextAsync("1");
        await AssertReadOnlyAsync(Page);

        // A change that re-reads the panel (attendance) still brings the room's view, not a personal one.
        var representative = (await LiveScenario.RosterAsync(App.App)).Single(r => r.Role == CommissionRole.Representative);
        await App.App.SendAsAsync("kz.secretary", new RegisterAttendance.Command { SessionId = sessionId, MembershipId = representative.MembershipId, Mode = Domain.Regulation.AttendanceMode.InPerson });
        await App.App.SendAsAsync("kz.cochair", new CloseBallot.Command(ballotId, ConfirmMissingVotes: true));
        await Expect(Page.GetByTestId("last-result")).ToBeVisibleAsync();
        await AssertReadOnlyAsync(Page);
        await ScreenshotAsync("room-screen-desktop");
    }

    [Fact]
    public async Task Screen_link_works_signed_out_and_stops_after_revocation()
    {
        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(App.App, "О ссылке на экран");
        await LiveScenario.RegisterEveryoneAsync(App.App, sessionId);
        var ballotId = await App.App.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));

        await SignInAsync("kz.secretary");
        await Page.GotoAsync($"/Sessions/Desk/{sessionId}");
        await Page.GetByLabel(UiText.Ru("Room.Links.Label")).FillAsync("Проектор зала");
        await Page.GetByTestId("create-screen-link").ClickAsync();
        var url = (await Page.GetByTestId("screen-link").TextContentAsync())!.Trim();
        Assert.Contains("key=", url, StringComparison.Ordinal);

        var projector = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseUri.ToString(), Locale = "ru-RU", ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        try
        {
            var screen = await projector.NewPageAsync();
            await screen.GotoAsync(url);
            await ExpectConnectedAsync(screen);
            await AssertReadOnlyAsync(screen);
            await Expect(screen.GetByTestId("current-user")).ToHaveCountAsync(0);
            await App.App.SendAsAsync("kz.member", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.Against });
            await Expect(screen.GetByTestId("tally-against")).ToHaveTextAsync("1");

            // The network drops and comes back: the screen says so, and then shows what happened meanwhile.
            await projector.SetOfflineAsync(true);
            await Expect(screen.Locator("#live-status[data-state='offline']")).ToHaveCountAsync(1);
            await App.App.SendAsAsync("ru.member", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.Against });
            await projector.SetOfflineAsync(false);
            await Expect(screen.GetByTestId("tally-against")).ToHaveTextAsync("2", new() { Timeout = 30_000 });
            await Expect(screen.Locator("#live[data-live='connected']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
            await AssertReadOnlyAsync(screen);

            // The secretary revokes it (asked first); the screen says so, and the address no longer opens.
            Page.Dialog += (_, dialog) => dialog.AcceptAsync();
            await Page.GetByTestId("revoke-screen-link").ClickAsync();
            await Expect(Page.GetByTestId("desk-notice")).ToHaveTextAsync(UiText.Ru("Room.Links.Revoked"));
            await Expect(screen.Locator("#live-status[data-state='revoked']")).ToHaveCountAsync(1);
            await Expect(screen.GetByTestId("live-status")).ToHaveTextAsync(UiText.Ru("Room.Status.Revoked"));
            var again = await screen.GotoAsync(url);
            Assert.Equal(404, again!.Status);
        }
        finally
        {
            await projector.CloseAsync();
        }
    }

    [Fact]
    public async Task Closing_with_missing_votes_asks_first_with_script_and_without()
    {
        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(App.App, "О закрытии голосования");
        await LiveScenario.RegisterEveryoneAsync(App.App, sessionId);
        var ballotId = await App.App.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
        await App.App.SendAsAsync("kz.member", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.For });
        var missing = (await App.App.SendAsAsync("kz.cochair", new GetLiveSession.Query(sessionId))).OpenBallot!.NotVoted.Count;

        await SignInAsync("kz.cochair");
        await Page.GotoAsync($"/Sessions/Live/{sessionId}");
        await ExpectConnectedAsync(Page);
        // The presiding controls stand apart from the personal vote, with who has not voted and what adopts.
        var controls = Page.GetByTestId("presiding-controls");
        await Expect(controls.GetByTestId("close-vote")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("vote-form").GetByTestId("close-vote")).ToHaveCountAsync(0);
        await Expect(controls.GetByTestId("not-voted").Locator("li")).ToHaveCountAsync(missing);
        await Expect(Page.GetByTestId("needed-to-adopt")).ToBeVisibleAsync();

        // Declined: nothing closes.
        string? asked = null;
        void Dismiss(object? sender, IDialog dialog) { asked = dialog.Message; _ = dialog.DismissAsync(); }
        Page.Dialog += Dismiss;
        await Page.GetByTestId("close-vote").ClickAsync();
        await Expect(Page.GetByTestId("open-ballot")).ToBeVisibleAsync();
        Assert.Equal(UiText.Ru("Room.Close.Confirm", missing), asked);
        Page.Dialog -= Dismiss;

        // Without script the server asks on a page of its own, then closes.
        var noScript = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseUri.ToString(), Locale = "ru-RU", JavaScriptEnabled = false });
        try
        {
            var plain = await noScript.NewPageAsync();
            await plain.GotoAsync("/Account/Login");
            await plain.GetByLabel(UiText.Ru("Login.UserName")).FillAsync("kz.cochair");
            await plain.GetByLabel(UiText.Ru("Login.Password")).FillAsync(DemoPassword);
            await plain.GetByRole(AriaRole.Button, new() { Name = UiText.Ru("Login.Submit") }).ClickAsync();
            await plain.GotoAsync($"/Sessions/Live/{sessionId}");
            await plain.GetByTestId("close-vote").ClickAsync();
            await Expect(plain.GetByTestId("confirm-close")).ToContainTextAsync(UiText.Ru("Room.Close.Confirm", missing));
            Assert.Equal(Domain.Voting.BallotState.Open, await App.App.QueryAsync(db => db.Ballots.Where(b => b.Id == ballotId).Select(b => b.State).SingleAsync()));
            await plain.GetByTestId("confirm-close-submit").ClickAsync();
            await Expect(plain.GetByTestId("ballot-result")).ToBeVisibleAsync();
        }
        finally
        {
            await noScript.CloseAsync();
        }

        await Expect(Page.GetByTestId("ballot-result")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Phone_vote_answers_without_a_reload_and_a_dropped_connection_offers_a_retry_that_succeeds_once()
    {
        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(App.App, "О голосовании с телефона");
        await LiveScenario.RegisterEveryoneAsync(App.App, sessionId);
        var ballotId = await App.App.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
        var chair = await OpenAsAsync("kz.cochair", $"/Sessions/Live/{sessionId}");
        await ExpectConnectedAsync(chair);

        var phone = await OpenAsAsync("kz.member", $"/Sessions/Live/{sessionId}", PhoneUpright());
        await ExpectConnectedAsync(phone);
        await Expect(phone.GetByTestId("live-status")).ToHaveTextAsync(UiText.Ru("Room.Status.Connected"));
        // The member's own ballot is on the first screen of the phone.
        var box = await phone.GetByTestId("vote-for").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y + box.Height <= 844, $"The vote buttons start {box.Y}px down a 844px phone screen.");

        await phone.EvaluateAsync("() => { window.__notReloaded = true; }");
        var navigations = 0;
        phone.FrameNavigated += (_, frame) => { if (frame == phone.MainFrame) { Interlocked.Increment(ref navigations); } };
        await phone.GetByTestId("vote-for").TapAsync();
        var recorded = new Regex("^" + Regex.Escape(UiText.Ru("Room.Vote.Recorded", UiText.Ru("Vote.For"), "X")).Replace("X", @"\d\d:\d\d:\d\d \(UTC\+05:00\)") + "$");
        await Expect(phone.GetByTestId("vote-answer")).ToHaveTextAsync(recorded);
        await ExpectTallyForAsync(chair, 1, 0);
        Assert.True(await phone.EvaluateAsync<bool>("() => window.__notReloaded === true"), "The phone reloaded the page to cast the vote.");
        Assert.Equal(0, Volatile.Read(ref navigations));
        // The answer is where the member tapped: right under the buttons, on the same screen.
        var answer = await phone.GetByTestId("vote-answer").BoundingBoxAsync();
        Assert.True(answer!.Y - (box.Y + box.Height) < 250, "The confirmation is far from the buttons.");

        // The network drops: the state says so, the vote fails visibly and offers to send again.
        await phone.Context.SetOfflineAsync(true);
        await Expect(phone.Locator("#live-status[data-state='offline']")).ToHaveCountAsync(1);
        await Expect(phone.GetByTestId("live-status")).ToHaveTextAsync(UiText.Ru("Room.Status.Offline"));
        await phone.GetByTestId("vote-against").TapAsync();
        await Expect(phone.GetByTestId("vote-answer")).ToContainTextAsync(UiText.Ru("Room.Vote.Failed"));
        await Expect(phone.GetByTestId("vote-retry")).ToBeVisibleAsync();
        await ExpectTallyForAsync(chair, 1, 0);

        await phone.Context.SetOfflineAsync(false);
        await phone.GetByTestId("vote-retry").TapAsync();
        var against = new Regex("^" + Regex.Escape(UiText.Ru("Room.Vote.Recorded", UiText.Ru("Vote.Against"), "X")).Replace("X", @"\d\d:\d\d:\d\d \(UTC\+05:00\)") + "$");
        await Expect(phone.GetByTestId("vote-answer")).ToHaveTextAsync(against);
        await ExpectTallyForAsync(chair, 0, 1);
        await Expect(phone.Locator("#live[data-live='connected']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        Assert.Equal(0, Volatile.Read(ref navigations));

        // Once: the member's vote changed exactly once (For, then Against), whatever the retries.
        var membershipId = (await LiveScenario.RosterAsync(App.App)).Single(r => r.UserName == "kz.member").MembershipId;
        var changes = await App.App.QueryAsync(db => db.Ballots.Where(b => b.Id == ballotId).SelectMany(b => b.Votes).Where(v => v.MembershipId == membershipId).Select(v => v.Changes).SingleAsync());
        Assert.Equal(1, changes);
        await ScreenshotAsync(phone, "live-member-phone-retry");
    }

    [Fact]
    public async Task Secretaries_register_the_room_in_one_submit_each_and_record_a_show_of_hands()
    {
        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(App.App, "О регистрации в зале");
        var registerPosts = 0;
        var total = 0;
        foreach (var secretary in new[] { "kz.secretary", "ru.secretary" })
        {
            var desk = await OpenAsAsync(secretary, $"/Sessions/Desk/{sessionId}");
            desk.Request += (_, request) => { if (request.Method == "POST" && request.Url.Contains("handler=Register", StringComparison.Ordinal)) { Interlocked.Increment(ref registerPosts); } };
            var rows = await desk.GetByTestId("desk-row").CountAsync();
            total += rows;
            // Keyboard: the first row's marks are a radio group; the arrow keys move between them.
            await desk.GetByTestId("all-present").FocusAsync();
            await desk.Keyboard.PressAsync("Enter");
            await Expect(desk.Locator("input[type='radio'][data-mode='InPerson']:checked")).ToHaveCountAsync(rows);
            await desk.GetByTestId("desk-register-submit").ClickAsync();
            await Expect(desk.GetByTestId("desk-notice")).ToHaveTextAsync(UiText.Ru("Room.Desk.RegisterSaved", rows));
        }

        Assert.True(total >= 18, $"The two desks listed {total} people.");
        Assert.Equal(2, Volatile.Read(ref registerPosts));
        var present = await App.App.QueryAsync(db => db.Attendance.CountAsync(a => a.SessionId == sessionId && a.Mode == Domain.Regulation.AttendanceMode.InPerson));
        Assert.Equal(total, present);
        Assert.True(present >= 18, $"{present} marked present.");

        // The show of hands: the KZ secretary records her side's members voting by hand, all "for" in one submit.
        var ballotId = await App.App.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
        await App.App.SendAsAsync("kz.member", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.Against });
        var kz = await OpenAsAsync("kz.secretary", $"/Sessions/Desk/{sessionId}");
        var hands = await kz.GetByTestId("hands-row").Locator("input[type='radio'][data-choice='For']").CountAsync();
        Assert.True(hands > 0);
        await kz.GetByTestId("all-for").ClickAsync();
        await kz.GetByTestId("hands-submit").ClickAsync();
        await Expect(kz.GetByTestId("desk-notice")).ToHaveTextAsync(UiText.Ru("Room.Desk.HandsRecorded", hands));
        var state = await App.App.SendAsAsync("kz.cochair", new GetLiveSession.Query(sessionId));
        Assert.Equal(hands, state.OpenBallot!.RollCall.Count(r => r.RecordedBySecretary && r.Choice == VoteChoice.For));
        // The member's own vote stays theirs.
        Assert.Equal(VoteChoice.Against, state.OpenBallot.RollCall.Single(r => !r.RecordedBySecretary && r.Choice is not null).Choice);
        await ScreenshotAsync(kz, "secretary-desk");
    }

    [Fact]
    public async Task Live_page_announces_only_the_tally_and_the_result_and_keeps_focus_on_the_button_pressed()
    {
        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(App.App, "О доступности");
        await LiveScenario.RegisterEveryoneAsync(App.App, sessionId);
        var ballotId = await App.App.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
        await SignInAsync("kz.member");
        await Page.GotoAsync($"/Sessions/Live/{sessionId}");
        await ExpectConnectedAsync(Page);
        // The panel is not one live region read out whole; one small status region says what changed.
        Assert.Null(await Page.Locator("#live").GetAttributeAsync("aria-live"));
        await Expect(Page.Locator("#live [aria-live]")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("live-announce")).ToHaveAttributeAsync("role", "status");

        // From the keyboard: the vote is cast, the focus stays on the button pressed, the tally is announced.
        await Page.GetByTestId("vote-for").FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByTestId("vote-answer")).ToContainTextAsync(UiText.Ru("Vote.For"));
        await Expect(Page.GetByTestId("live-announce")).ToHaveTextAsync(new Regex("^" + Regex.Escape(UiText.Ru("Room.Announce.Tally", 1, 0, 0, "X")).Replace("X", @"\d+") + "$"));
        Assert.Equal("vote-for", await Page.EvaluateAsync<string?>("() => document.activeElement && document.activeElement.getAttribute('data-testid')"));

        // The result is announced when the vote closes.
        await App.App.SendAsAsync("kz.cochair", new CloseBallot.Command(ballotId, ConfirmMissingVotes: true));
        await Expect(Page.GetByTestId("live-announce")).ToHaveTextAsync(new Regex(Regex.Escape(UiText.Ru("Live.NotAdopted")) + "|" + Regex.Escape(UiText.Ru("Live.Adopted"))));
    }

    [Fact]
    public async Task Removing_an_agenda_item_asks_first()
    {
        var commissionId = App.CommissionId;
        var start = SessionTime.ToLocal(DateTimeOffset.UtcNow.AddDays(30), LiveScenario.Almaty);
        var created = await App.App.SendAsAsync("kz.secretary", new Web.Features.Sessions.CreateSession.Command
        {
            CommissionId = commissionId,
            Kind = Domain.Sessions.SessionKind.Regular,
            Format = Domain.Sessions.SessionFormat.InPerson,
            Place = "Астана",
            PlaceKk = "Астана қ.",
            StartLocal = new DateTime(start.Year, start.Month, start.Day, 10, 0, 0, DateTimeKind.Unspecified),
            TimeZoneId = LiveScenario.Almaty,
        });
        var version = await App.App.QueryAsync(db => db.Sessions.Where(x => x.Id == created.SessionId).Select(x => x.Version).SingleAsync());
        await App.App.SendAsAsync("kz.secretary", new Web.Features.Agenda.SaveAgendaItem.Command
        {
            SessionId = created.SessionId, Version = version, TitleRu = "О снимаемом вопросе", TitleKk = "Алынатын мәселе туралы", Rapporteurs = "Касымов Н.",
            DecisionKind = Domain.Regulation.DecisionKind.ProgrammeApprovalOrChange, DraftDecisionRu = "Одобрить.", DraftDecisionKk = "Мақұлдансын.",
        });
        await SignInAsync("kz.secretary");
        await Page.GotoAsync($"/Sessions/Agenda/{created.SessionId}");
        string? asked = null;
        void Dismiss(object? sender, IDialog dialog) { asked = dialog.Message; _ = dialog.DismissAsync(); }
        Page.Dialog += Dismiss;
        await Page.GetByTestId("remove-item").ClickAsync();
        Assert.Equal(UiText.Ru("Room.Confirm.RemoveItem", "О снимаемом вопросе"), asked);
        Assert.Equal(1, await App.App.QueryAsync(db => db.AgendaItems.CountAsync(i => i.SessionId == created.SessionId)));
        Page.Dialog -= Dismiss;
        Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await Page.GetByTestId("remove-item").ClickAsync();
        await Expect(Page.GetByTestId("remove-item")).ToHaveCountAsync(0);
        Assert.Equal(0, await App.App.QueryAsync(db => db.AgendaItems.CountAsync(i => i.SessionId == created.SessionId)));
    }

    [Fact]
    public async Task Making_someone_an_administrator_asks_first_with_script_and_without()
    {
        await SignInAsync("admin");
        await Page.GotoAsync("/Admin/Users");
        var row = Page.Locator("tr[data-user='ru.member']");
        string? asked = null;
        void Dismiss(object? sender, IDialog dialog) { asked = dialog.Message; _ = dialog.DismissAsync(); }
        Page.Dialog += Dismiss;
        await row.GetByRole(AriaRole.Button, new() { Name = UiText.Ru("Admin.Users.Grant") }).ClickAsync();
        Assert.Equal(UiText.Ru("Room.Confirm.Grant", "ru.member"), asked);
        await Expect(AdministratorCell(row)).ToHaveTextAsync(UiText.Ru("Admin.Users.No"));
        Page.Dialog -= Dismiss;

        // Without script: a confirmation step on the page; nothing changes until it is confirmed.
        var noScript = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseUri.ToString(), Locale = "ru-RU", JavaScriptEnabled = false });
        try
        {
            var plain = await noScript.NewPageAsync();
            await plain.GotoAsync("/Account/Login");
            await plain.GetByLabel(UiText.Ru("Login.UserName")).FillAsync("admin");
            await plain.GetByLabel(UiText.Ru("Login.Password")).FillAsync(DemoPassword);
            await plain.GetByRole(AriaRole.Button, new() { Name = UiText.Ru("Login.Submit") }).ClickAsync();
            await plain.GotoAsync("/Admin/Users");
            await plain.Locator("tr[data-user='ru.member']").GetByRole(AriaRole.Button, new() { Name = UiText.Ru("Admin.Users.Grant") }).ClickAsync();
            await Expect(plain.GetByTestId("confirm-grant")).ToContainTextAsync(UiText.Ru("Room.Confirm.Grant", "ru.member"));
            await Expect(AdministratorCell(plain.Locator("tr[data-user='ru.member']"))).ToHaveTextAsync(UiText.Ru("Admin.Users.No"));
            await plain.GetByTestId("confirm-grant-submit").ClickAsync();
            await Expect(AdministratorCell(plain.Locator("tr[data-user='ru.member']"))).ToHaveTextAsync(UiText.Ru("Admin.Users.Yes"));
        }
        finally
        {
            await noScript.CloseAsync();
        }
    }

    [Fact]
    public async Task Focus_ring_contrasts_at_least_3_to_1_with_what_surrounds_it()
    {
        await SignInAsync("kz.member");
        foreach (var target in new[] { "main a", ".topbar a" })
        {
            await Page.Locator(target).First.FocusAsync();
            // Focus from the keyboard, so :focus-visible applies.
            await Page.Keyboard.PressAsync("Shift+Tab");
            await Page.Keyboard.PressAsync("Tab");
            var ratio = await Page.EvaluateAsync<double>(
                """
                () => {
                  const el = document.activeElement;
                  const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); const p = m[1].split(',').map(s => parseFloat(s)); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
                  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
                  let bg = null;
                  for (let n = el.parentElement; n; n = n.parentElement) { const c = parse(getComputedStyle(n).backgroundColor); if (c.a > 0) { bg = c; break; } }
                  bg = bg || { r: 255, g: 255, b: 255, a: 1 };
                  const ring = parse(getComputedStyle(el).outlineColor);
                  if (getComputedStyle(el).outlineStyle === 'none') { return 0; }
                  const [a, b] = [lum(ring), lum(bg)].sort((x, y) => y - x);
                  return (a + 0.05) / (b + 0.05);
                }
                """);
            Assert.True(ratio >= 3, $"The focus ring of {target} contrasts {ratio.ToString("0.00", CultureInfo.InvariantCulture)}:1 with its background (WCAG 1.4.11 asks 3:1).");
        }
    }

    /// <summary>Nothing on the room screen can act: no button, form, field, navigation or sign-out, no internal hash.</summary>
    private static async Task AssertReadOnlyAsync(IPage screen)
    {
        await Expect(screen.Locator("button, form, input, select, textarea, nav")).ToHaveCountAsync(0);
        await Expect(screen.GetByTestId("vote-form")).ToHaveCountAsync(0);
        await Expect(screen.GetByText(UiText.Ru("Nav.SignOut"))).ToHaveCountAsync(0);
        await Expect(screen.GetByText(UiText.Ru("Live.TextHash"))).ToHaveCountAsync(0);
        await Expect(screen.Locator("#live a")).ToHaveCountAsync(0);
    }

    private static ILocator AdministratorCell(ILocator row) => row.Locator($"td[data-label='{UiText.Ru("Admin.Users.Administrator")}']");

    private static Task ExpectConnectedAsync(IPage page) =>
        Expect(page.Locator("#live[data-live='connected']")).ToHaveCountAsync(1);

    private static async Task ExpectTallyForAsync(IPage page, int @for, int against)
    {
        await Expect(page.GetByTestId("tally-for")).ToHaveTextAsync(@for.ToString(CultureInfo.InvariantCulture), new() { Timeout = 8_000 });
        await Expect(page.GetByTestId("tally-against")).ToHaveTextAsync(against.ToString(CultureInfo.InvariantCulture), new() { Timeout = 8_000 });
    }
}
