using IntergovCommission.BrowserTests.Support;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Agenda;
using IntergovCommission.Web.Features.Live;
using IntergovCommission.Web.Features.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntergovCommission.BrowserTests;

/// <summary>
/// A session of the CIS Council (seed 002) on the same live page as the KZRU commission: seven states,
/// one of them with two delegates present whose state counts one vote (CIS-01); an item affecting an
/// absent state is not put to the vote (CIS-11).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CouncilSessionBrowserTests(ChromiumFixture chromium, CouncilAppFixture app) : BrowserTest(chromium, app), IClassFixture<CouncilAppFixture>
{
    private async Task<Guid> StartedSessionAsync()
    {
        var t = App.App;
        var start = SessionTime.ToLocal(DateTimeOffset.UtcNow.AddDays(12), "Asia/Almaty");
        var created = await t.SendAsAsync("cis.secretariat", new CreateSession.Command
        {
            CommissionId = App.CommissionId, Kind = SessionKind.Extraordinary, Format = SessionFormat.InPerson, Place = "Астана",
            StartLocal = new DateTime(start.Year, start.Month, start.Day, 10, 0, 0, DateTimeKind.Unspecified), TimeZoneId = "Asia/Almaty",
        });
        foreach (var (title, draft) in new[] { ("О плане работы Совета", "Утвердить план работы Совета."), ("О проекте в Кыргызстане", "Одобрить проект.") })
        {
            await t.SendAsAsync("cis.secretariat", new SaveAgendaItem.Command
            {
                SessionId = created.SessionId, Version = await VersionAsync(created.SessionId), TitleRu = title, Rapporteurs = "Ахметова Д.", DecisionKind = DecisionKind.Other, DraftDecisionRu = draft,
            });
        }

        await t.SendAsAsync("cis.secretariat", new SendAgendaForApproval.Command { SessionId = created.SessionId, Version = await VersionAsync(created.SessionId) });
        var agendaVersion = await t.QueryAsync(db => db.Sessions.Where(s => s.Id == created.SessionId).Select(s => s.AgendaVersion).SingleAsync());
        await t.SendAsAsync("cis.chair", new AnswerAgenda.Command { SessionId = created.SessionId, AgendaVersion = agendaVersion, Outcome = ApprovalOutcome.Approved });
        await t.SendAsAsync("cis.secretariat", new ChangeSessionState.Command { SessionId = created.SessionId, Version = await VersionAsync(created.SessionId), Step = SessionStep.Start, Reason = "Внеочередное заседание проводится ранее" });
        return created.SessionId;
    }

    /// <summary>The live page has connected and caught up (its first panel refresh is done): safe to type into its forms.</summary>
    private static Task ConnectedAsync(IPage page) => Expect(page.Locator("#live[data-live='connected']")).ToHaveCountAsync(1);

    private Task<uint> VersionAsync(Guid sessionId) => App.App.QueryAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Version).SingleAsync());

    [Fact]
    public async Task A_states_two_delegates_count_one_vote_and_an_item_affecting_an_absent_state_is_not_voted_on()
    {
        var sessionId = await StartedSessionAsync();
        var livePath = $"/Sessions/Live/{sessionId}";
        var roster = await App.App.QueryAsync(db => (from m in db.Memberships
                                                     join s in db.Sides on m.SideId equals s.Id
                                                     where m.CommissionId == App.CommissionId
                                                     select new { m.Id, s.Code, m.Role }).ToListAsync());

        // The secretariat registers six states' members (Kyrgyzstan absent) and Belarus's substitute too.
        foreach (var row in roster.Where(r => (r.Role == CommissionRole.Member && r.Code != "KG") || (r.Role == CommissionRole.Substitute && r.Code == "BY")))
        {
            await App.App.SendAsAsync("cis.secretariat", new RegisterAttendance.Command { SessionId = sessionId, MembershipId = row.Id, Mode = AttendanceMode.InPerson });
        }

        // The secretariat confirms the substitute's credentials on the live page (CIS-01) and marks item 2 as affecting Kyrgyzstan (CIS-11).
        await SignInAsync("cis.secretariat");
        await Page.GotoAsync(livePath);
        await ConnectedAsync(Page);
        var substituteRow = Page.Locator($"tr[data-member='{roster.Single(r => r.Role == CommissionRole.Substitute && r.Code == "BY").Id}']");
        await Expect(substituteRow.GetByTestId("credentials")).ToHaveTextAsync(UiText.Ru("Council.CredentialsNotConfirmed"));
        await substituteRow.GetByLabel(UiText.Ru("Council.CredentialsDocument")).FillAsync("Доверенность № 7 от 01.12.2026");
        await substituteRow.GetByRole(AriaRole.Button, new() { Name = UiText.Ru("Council.ConfirmCredentials") }).ClickAsync();
        await Expect(Page.Locator($"tr[data-member='{roster.Single(r => r.Role == CommissionRole.Substitute && r.Code == "BY").Id}']").GetByTestId("credentials"))
            .ToHaveTextAsync(UiText.Ru("Council.CredentialsConfirmed"));
        var items = await App.App.QueryAsync(db => db.AgendaItems.Where(i => i.SessionId == sessionId).OrderBy(i => i.Position).Select(i => i.Id).ToListAsync());
        await ConnectedAsync(Page);
        var second = Page.Locator($"li[data-item='{items[1]}']");
        await second.GetByTestId("affected-open").ClickAsync();
        await second.GetByLabel("Кыргызстан").CheckAsync();
        await second.GetByTestId("affected-submit").ClickAsync();
        await Expect(Page.Locator($"li[data-item='{items[1]}']").GetByTestId("affected-states")).ToContainTextAsync("Кыргызстан");
        await Expect(Page.GetByTestId("live-quorum")).ToContainTextAsync(UiText.Ru("Live.QuorumMet"));

        // The chair cannot put item 2 to the vote: Kyrgyzstan is absent; the refusal names the state.
        var chair = await OpenAsAsync("cis.chair", livePath);
        await ConnectedAsync(chair);
        await chair.Locator($"li[data-item='{items[1]}']").GetByTestId("open-vote").ClickAsync();
        await Expect(chair.GetByTestId("form-errors")).ToContainTextAsync("Кыргызстан");
        await Expect(chair.GetByTestId("open-ballot")).ToHaveCountAsync(0);

        // Item 1 opens; Belarus's head votes; its substitute, present with confirmed credentials, cannot cast a second vote for the state.
        await chair.Locator($"li[data-item='{items[0]}']").GetByTestId("open-vote").ClickAsync();
        await Expect(chair.GetByTestId("open-ballot")).ToBeVisibleAsync();
        var head = await OpenAsAsync("cis.cochair", livePath);
        var substitute = await OpenAsAsync("cis.by.substitute", livePath, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        await ConnectedAsync(head);
        await ConnectedAsync(substitute);
        await head.GetByTestId("vote-for").ClickAsync();
        await Expect(head.GetByTestId("my-vote")).ToHaveTextAsync(UiText.Ru("Vote.For"));
        await Expect(substitute.GetByTestId("open-ballot")).ToBeVisibleAsync();
        await substitute.GetByTestId("vote-against").ClickAsync();
        // The vote is sent without a reload: the refusal appears where the substitute tapped.
        await Expect(substitute.GetByTestId("vote-answer")).ToContainTextAsync("каждое государство имеет один голос");
        await chair.GetByTestId("vote-for").ClickAsync();
        foreach (var page in new[] { chair, head, substitute })
        {
            await Expect(page.GetByTestId("tally-for")).ToHaveTextAsync("2", new() { Timeout = 8_000 });
            await Expect(page.GetByTestId("tally-against")).ToHaveTextAsync("0", new() { Timeout = 8_000 });
        }

        chair.Dialog += (_, dialog) => dialog.AcceptAsync(); // members present have not voted: the close asks first
        await chair.GetByTestId("close-vote").ClickAsync();
        await Expect(chair.Locator($"li[data-item='{items[0]}']").GetByTestId("ballot-result")).ToHaveTextAsync(UiText.Ru("Live.NotAdopted"));
        var ballot = await App.App.QueryAsync(db => db.Ballots.SingleAsync(b => b.AgendaItemId == items[0]));
        Assert.Equal(2, ballot.ForCount);
        Assert.Equal(6, ballot.VotersPresentAtClose);
    }

    [Fact]
    public async Task The_chair_signs_alone_and_the_decision_is_issued_in_Russian_only_CIS_09_CIS_13()
    {
        var sessionId = await StartedSessionAsync();
        var t = App.App;
        var roster = await t.QueryAsync(db => (from m in db.Memberships
                                               join s in db.Sides on m.SideId equals s.Id
                                               where m.CommissionId == App.CommissionId && m.Role == CommissionRole.Member
                                               select m.Id).ToListAsync());
        foreach (var member in roster)
        {
            await t.SendAsAsync("cis.secretariat", new RegisterAttendance.Command { SessionId = sessionId, MembershipId = member, Mode = AttendanceMode.InPerson });
        }

        var item = await t.QueryAsync(db => db.AgendaItems.Where(i => i.SessionId == sessionId).OrderBy(i => i.Position).Select(i => i.Id).FirstAsync());
        var ballot = await t.SendAsAsync("cis.chair", new OpenBallot.Command(sessionId, item));
        foreach (var user in new[] { "cis.chair", "cis.cochair", "cis.kg.head", "cis.ru.head" })
        {
            await t.SendAsAsync(user, new CastVote.Command { BallotId = ballot, Choice = VoteChoice.For });
        }

        await t.SendAsAsync("cis.chair", new CloseBallot.Command(ballot, ConfirmMissingVotes: true));
        var decisionId = await t.QueryAsync(db => db.Decisions.Where(d => d.BallotId == ballot).Select(d => d.Id).SingleAsync());

        // The secretariat sends it for signature from the decision page; the route is the chair alone.
        await SignInAsync("cis.secretariat");
        await Page.GotoAsync($"/Decisions/Details/{decisionId}");
        await Page.GetByRole(AriaRole.Button, new() { Name = UiText.Ru("Decisions.Start") }).ClickAsync();
        await Expect(Page.GetByTestId("route")).ToContainTextAsync(UiText.Ru("Decisions.Route.ChairAlone"));

        // The chair signs from their "awaiting" list at phone width; that one signature issues the decision.
        var chair = await OpenAsAsync("cis.chair", "/Decisions", new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var row = chair.Locator($"li[data-decision='{decisionId}']");
        await row.GetByLabel(UiText.Ru("Decisions.Confirm.Label")).FillAsync(DemoPassword);
        await row.GetByTestId("sign").ClickAsync();
        await Expect(chair.GetByTestId("notice")).ToHaveTextAsync(UiText.Ru("Decisions.Done.Issued"));

        await Page.GotoAsync($"/Decisions/Details/{decisionId}");
        await Expect(Page.GetByTestId("decision-state")).ToHaveTextAsync(UiText.Ru("Decisions.State.Issued"));
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("download-pdf").ClickAsync());
        var text = PdfTools.Text(await File.ReadAllBytesAsync((await download.PathAsync())!));
        Assert.DoesNotContain(text, c => "әғқңөұүһіӘҒҚҢӨҰҮҺІ".Contains(c));
        Assert.Contains("Совет РЕШИЛ:", text, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "Председатель Совета _+ "));

        // CIS-12: the secretariat records the sending to every member on the decision page.
        await Expect(Page.GetByTestId("distribution-due")).ToBeVisibleAsync();
        await Page.GetByLabel(UiText.Ru("Council.Distribution.SentOn")).FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByLabel(UiText.Ru("Council.Distribution.How")).FillAsync("Всем членам Совета письмом секретариата");
        await Page.GetByTestId("distribution-form").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(Page.GetByTestId("distribution-sent")).ToContainTextAsync("письмом секретариата");
    }

    [Fact]
    public async Task The_councils_pages_show_its_own_rules_roles_and_chair()
    {
        await SignInAsync("cis.secretariat");
        await Page.GotoAsync(App.RosterPath);
        await Expect(Page.Locator("body")).ToContainTextAsync("Член Совета");
        await Expect(Page.GetByTestId("quorum-line")).ToContainTextAsync("5");

        await Page.GotoAsync($"/Commissions/Profile/{App.CommissionId}");
        await Expect(Page.GetByTestId("capabilities")).ToContainTextAsync("Председатель Совета");
        await Expect(Page.Locator("table.profile").First).ToContainTextAsync(UiText.Ru("Profile.NoInterestLeavesBase"));
        await Expect(Page.Locator("table.profile").First).ToContainTextAsync(UiText.Ru("Profile.DissentInMinutes"));

        await Page.GotoAsync($"/Commissions/Chair/{App.CommissionId}");
        await Expect(Page.GetByTestId("chair-now")).ToContainTextAsync("Казахстан");
        await Expect(Page.GetByTestId("chair-proposal")).ToContainTextAsync("Кыргызстан");

        var member = await OpenAsAsync("cis.kg.head", $"/Commissions/Extraordinary/{App.CommissionId}", new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        await member.GetByLabel(UiText.Ru("Council.Extraordinary.Subject")).FillAsync("О мерах поддержки экспорта станков");
        await member.GetByRole(AriaRole.Button, new() { Name = UiText.Ru("Council.Extraordinary.Propose") }).ClickAsync();
        await Expect(member.GetByTestId("extraordinary-count")).ToContainTextAsync(UiText.Ru("Council.Extraordinary.Count", 1, 7, 4));
        var width = await member.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the extraordinary sessions page is {width}px wide at 390px");
    }

    [Fact]
    public async Task What_the_secretariat_types_on_the_live_page_survives_a_live_refresh()
    {
        var sessionId = await StartedSessionAsync();
        var roster = await App.App.QueryAsync(db => (from m in db.Memberships
                                                     join s in db.Sides on m.SideId equals s.Id
                                                     where m.CommissionId == App.CommissionId
                                                     select new { m.Id, s.Code, m.Role }).ToListAsync());
        var substitute = roster.Single(r => r.Role == CommissionRole.Substitute && r.Code == "BY").Id;
        await App.App.SendAsAsync("cis.secretariat", new RegisterAttendance.Command { SessionId = sessionId, MembershipId = substitute, Mode = AttendanceMode.InPerson });
        await SignInAsync("cis.secretariat");
        await Page.GotoAsync($"/Sessions/Live/{sessionId}");
        await ConnectedAsync(Page);
        var field = Page.Locator($"#cred-{substitute}");
        await field.FillAsync("Доверенность № 9");
        var quorumBefore = await Page.GetByTestId("live-quorum").TextContentAsync();

        // Someone else changes the register: the panel is fetched again over the hub while the field holds the text.
        var armenia = roster.Single(r => r.Role == CommissionRole.Member && r.Code == "AM").Id;
        await App.App.SendAsAsync("cis.secretariat", new RegisterAttendance.Command { SessionId = sessionId, MembershipId = armenia, Mode = AttendanceMode.InPerson });
        await Expect(Page.GetByTestId("live-quorum")).Not.ToHaveTextAsync(quorumBefore!); // the panel was fetched again
        await Expect(Page.Locator($"#cred-{substitute}")).ToHaveValueAsync("Доверенность № 9");
    }
}
