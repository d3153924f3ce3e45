using System.Globalization;
using IntergovCommission.BrowserTests.Support;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntergovCommission.BrowserTests;

/// <summary>
/// The end of an item at a live session, in real browsers (issue 4): the presiding co-chair refers
/// it to an expert group from the live page (KZRU-20) and every page shows it; an item not reached
/// is deferred and appears in the next session's draft agenda (KZRU-11).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CarryOverJourneyTests(ChromiumFixture chromium, AppFixture app) : BrowserTest(chromium, app), IClassFixture<AppFixture>
{

    [Fact]
    public async Task Co_chair_refers_an_item_from_the_live_page_and_it_shows_referred_to_expert_group_everywhere()
    {
        var (sessionId, _) = await LiveScenario.StartedSessionAsync(App.App, "О графике пусков");
        await LiveScenario.RegisterEveryoneAsync(App.App, sessionId);
        var livePath = $"/Sessions/Live/{sessionId}";
        var member = await OpenAsync("kz.member", livePath);
        var screen = await OpenAsync("kz.secretary", $"/Sessions/Screen/{sessionId}");

        // A member sees no referral form, and a forged one from their browser is refused (KZRU-20).
        await Expect(member.GetByTestId("refer-form")).ToHaveCountAsync(0);
        var roster = await LiveScenario.RosterAsync(App.App);
        var experts = roster.Where(r => r.UserName is "kz.member" or "ru.member").Select(r => r.MembershipId).ToList();
        var deadline = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var itemId = await member.Locator("li[data-item]").First.GetAttributeAsync("data-item");
        var forged = await member.EvaluateAsync<string[]>(
            """
            async ([item, expert, deadline]) => {
              const token = document.querySelector('input[name="__RequestVerificationToken"]').value;
              const body = new URLSearchParams({ __RequestVerificationToken: token, 'Referral.AgendaItemId': item, 'Referral.Task': 'Подделка', 'Referral.Deadline': deadline, 'Referral.MemberIds': expert });
              const r = await fetch(location.pathname + '?handler=Refer', { method: 'POST', body: body, credentials: 'same-origin' });
              return [String(r.status), await r.text()];
            }
            """, new object[] { itemId!, experts[0].ToString(), deadline });
        Assert.Equal("403", forged[0]);
        Assert.Contains("data-rule=\"KZRU-20\"", forged[1], StringComparison.Ordinal); // the rule on the tooltip, the clause in words

        // The presiding KZ co-chair refers the item: members from the roster, task, deadline.
        await SignInAsync("kz.cochair");
        await Page.GotoAsync(livePath);
        await Expect(Page.Locator("#live[data-live='connected']")).ToHaveCountAsync(1);
        await Page.GetByTestId("refer-open").ClickAsync();
        foreach (var expert in experts)
        {
            await Page.Locator($"input[name='Referral.MemberIds'][value='{expert}']").CheckAsync();
        }

        const string task = "Согласовать график пусков с учётом замечаний российской стороны.";
        await Page.GetByTestId("refer-task").FillAsync(task);
        await Page.GetByTestId("refer-deadline").FillAsync(deadline);
        await Page.GetByTestId("refer-submit").ClickAsync();

        foreach (var page in new[] { Page, member, screen })
        {
            await Expect(page.GetByTestId("item-referred")).ToContainTextAsync(UiText.Ru("Carry.Referred"), new() { Timeout = 8_000 });
            await Expect(page.GetByTestId("item-referred")).ToContainTextAsync(task);
        }

        await Expect(Page.GetByTestId("refer-form")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("open-vote")).ToHaveCountAsync(0);
        await ScreenshotAsync("live-referred-desktop");

        // The session page shows it too, with the way to record the group's proposal.
        await Page.GotoAsync($"/Sessions/Details/{sessionId}");
        await Expect(Page.GetByTestId("item-referred")).ToContainTextAsync(UiText.Ru("Carry.Referred"));
        await Expect(Page.GetByTestId("referral-link")).ToHaveTextAsync(UiText.Ru("Carry.RecordProposal"));

        // Later the group reports: the co-chair records its proposal and puts it on the next session's draft agenda.
        var number = await App.App.QueryAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Number).SingleAsync());
        var next = await CreateSessionAsync(45);
        await Page.GetByTestId("referral-link").ClickAsync();
        const string proposal = "Группа предлагает перенести первый пуск на II квартал.";
        await Page.GetByLabel(UiText.Ru("Referral.Target")).SelectOptionAsync(next.ToString());
        await Page.GetByLabel(UiText.Ru("Referral.ProposalRu")).FillAsync(proposal);
        await Page.GetByTestId("return-submit").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/Sessions/Details/{next}$"));
        var back = Page.GetByTestId("agenda").Locator("li[data-item]", new() { HasText = proposal });
        await Expect(back).ToHaveCountAsync(1);
        await Expect(back.GetByTestId("carried-from")).ToContainTextAsync(UiText.Ru("Carry.FromExperts", number, 1));
        var position = await App.App.QueryAsync(db => db.AgendaItems.Where(i => i.SessionId == next && i.ReferralId != null).Select(i => i.Position).SingleAsync());
        var nextNumber = await App.App.QueryAsync(db => db.Sessions.Where(s => s.Id == next).Select(s => s.Number).SingleAsync());
        await Page.GotoAsync($"/Sessions/Details/{sessionId}");
        await Expect(Page.GetByTestId("referral-returned")).ToContainTextAsync(UiText.Ru("Carry.ReturnedTo", nextNumber, position));

        // That session is not held in this class's story: cancelled, it receives no deferred item of the other test.
        var version = await App.App.QueryAsync(db => db.Sessions.Where(s => s.Id == next).Select(s => s.Version).SingleAsync());
        await App.App.SendAsAsync("kz.secretary", new ChangeSessionState.Command { SessionId = next, Version = version, Step = SessionStep.Cancel, Reason = "Перенос по решению сопредседателей." });
    }

    [Fact]
    public async Task Secretary_defers_an_item_not_reached_and_it_appears_in_the_next_sessions_draft_agenda()
    {
        var (sessionId, _) = await LiveScenario.StartedSessionAsync(App.App, "О страховании пусковых операций");
        await LiveScenario.RegisterEveryoneAsync(App.App, sessionId);
        var number = await App.App.QueryAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Number).SingleAsync());

        await SignInAsync("kz.secretary");
        await Page.GotoAsync($"/Sessions/Live/{sessionId}");
        await Page.GetByTestId("defer-item").ClickAsync();
        await Expect(Page.GetByTestId("item-deferred")).ToContainTextAsync(UiText.Ru("Carry.DeferredWaiting"));
        await Expect(Page.GetByTestId("defer-item")).ToHaveCountAsync(0);

        // The next session is created: its draft agenda has the item, marked deferred from session N.
        var next = await CreateSessionAsync(40);
        await Page.GotoAsync($"/Sessions/Agenda/{next}");
        var item = Page.GetByTestId("agenda").Locator("li[data-item]");
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item).ToContainTextAsync("О страховании пусковых операций");
        await Expect(item.GetByTestId("carried-from")).ToHaveTextAsync(UiText.Ru("Carry.FromDeferred", number, 1));
        await ScreenshotAsync("agenda-deferred-item");

        // The original session's page says where it went.
        await Page.GotoAsync($"/Sessions/Details/{sessionId}");
        var nextNumber = await App.App.QueryAsync(db => db.Sessions.Where(s => s.Id == next).Select(s => s.Number).SingleAsync());
        await Expect(Page.GetByTestId("item-deferred")).ToContainTextAsync(UiText.Ru("Carry.DeferredTo", nextNumber, 1));
    }

    private async Task<Guid> CreateSessionAsync(double daysAhead)
    {
        const string zone = "Asia/Almaty";
        var start = SessionTime.ToLocal(DateTimeOffset.UtcNow.AddDays(daysAhead), zone);
        var created = await App.App.SendAsAsync("kz.secretary", new CreateSession.Command
        {
            CommissionId = App.CommissionId,
            Kind = SessionKind.Regular,
            Format = SessionFormat.InPerson,
            Place = "Астана, Аэрокосмический комитет",
            StartLocal = new DateTime(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, DateTimeKind.Unspecified),
            TimeZoneId = zone,
        });
        return created.SessionId;
    }

    /// <summary>Another person at another browser, on <paramref name="path"/>, connected live.</summary>
    private async Task<IPage> OpenAsync(string userName, string path)
    {
        var page = await OpenAsAsync(userName, path);
        await Expect(page.Locator("#live[data-live='connected']")).ToHaveCountAsync(1);
        return page;
    }
}
