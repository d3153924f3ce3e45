using IntergovCommission.BrowserTests.Support;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Agenda;
using IntergovCommission.Web.Features.Decisions;
using IntergovCommission.Web.Features.Live;
using IntergovCommission.Web.Features.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntergovCommission.BrowserTests;

/// <summary>Issue 15 items 5, 6 and 7: the home page knows what needs me; KZRU-23 on the agenda page; a decision is read before it is signed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HomeTests(ChromiumFixture chromium, AppFixture app) : BrowserTest(chromium, app), IClassFixture<AppFixture>
{
    [Fact]
    public async Task Home_page_lists_the_open_vote_and_one_click_reaches_the_ballot_on_a_phone()
    {
        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(App.App, "О готовности стартового стола");
        await LiveScenario.RegisterEveryoneAsync(App.App, sessionId);
        var ballotId = await App.App.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));

        var page = await OpenAsAsync("kz.member", "/", new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var vote = page.Locator($"li[data-ballot='{ballotId}']");
        await Expect(vote).ToContainTextAsync("О готовности стартового стола");
        await ScreenshotAsync(page, "home-open-vote");

        await vote.GetByTestId("home-vote-link").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/Sessions/Live/{sessionId}"));
        await Expect(page.GetByTestId("open-ballot")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Agenda_with_a_missing_Kazakh_title_cannot_be_sent_and_the_page_names_the_item_KZRU_23()
    {
        var commissionId = await App.App.QueryAsync(db => db.Commissions.Where(c => c.Code == "KZRU").Select(c => c.Id).SingleAsync());
        var start = SessionTime.ToLocal(DateTimeOffset.UtcNow.AddDays(25), LiveScenario.Almaty);
        var created = await App.App.SendAsAsync("kz.secretary", new CreateSession.Command
        {
            CommissionId = commissionId, Kind = SessionKind.Regular, Format = SessionFormat.InPerson, Place = "Астана",
            StartLocal = new DateTime(start.Year, start.Month, start.Day, 10, 0, 0, DateTimeKind.Unspecified), TimeZoneId = LiveScenario.Almaty,
        });
        foreach (var (ru, kk) in new[] { ("О бюджете", (string?)"Бюджет туралы"), ("О графике пусков", null) })
        {
            var version = await App.App.QueryAsync(db => db.Sessions.Where(s => s.Id == created.SessionId).Select(s => s.Version).SingleAsync());
            await App.App.SendAsAsync("kz.secretary", new SaveAgendaItem.Command
            {
                SessionId = created.SessionId, Version = version, TitleRu = ru, TitleKk = kk, Rapporteurs = "Касымов Н.",
                DecisionKind = DecisionKind.Other, DraftDecisionRu = "Принять.", DraftDecisionKk = "Қабылдансын.",
            });
        }

        await SignInAsync("kz.secretary");
        await Page.GotoAsync($"/Sessions/Agenda/{created.SessionId}");

        var missing = Page.GetByTestId("missing-texts");
        await Expect(missing.Locator("li[data-item-number='2']")).ToHaveTextAsync(UiText.Ru("Agenda.Missing.Item", 2,
            UiText.Ru("Agenda.Missing.Field.title") + " " + UiText.Ru("Agenda.Missing.Lang.kk")));
        await Expect(missing.Locator("li[data-item-number='1']")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("send-for-approval")).ToBeDisabledAsync();
        await ScreenshotAsync("agenda-missing-kazakh");
        Assert.Equal(SessionState.Draft, await App.App.QueryAsync(db => db.Sessions.Where(s => s.Id == created.SessionId).Select(s => s.State).SingleAsync()));
    }

    [Fact]
    public async Task Signer_sees_the_decision_text_in_both_languages_before_the_signature_form()
    {
        var adopted = await DecisionScenario.AdoptedAsync(App.App, DecisionKind.ProgrammeApprovalOrChange);
        await App.App.SendAsAsync("kz.secretary", new StartSigning.Command(adopted.DecisionId));

        await SignInAsync("kz.secretary");
        await Page.GotoAsync($"/Decisions/Details/{adopted.DecisionId}");
        var text = Page.GetByTestId("decision-text");
        var form = Page.GetByTestId($"sign-form-{adopted.DecisionId}");
        await Expect(text).ToContainTextAsync("Утвердить программу лётных испытаний.");
        await Expect(text).ToContainTextAsync("Ұшу сынақтарының бағдарламасын бекіту.");
        Assert.True((await text.BoundingBoxAsync())!.Y < (await form.BoundingBoxAsync())!.Y, "the text comes before the signature form");
        await Expect(text.GetByTestId("draft-preview")).ToBeVisibleAsync();

        await Page.GotoAsync("/Decisions");
        var awaiting = Page.Locator($"li[data-decision='{adopted.DecisionId}']");
        await Expect(awaiting.GetByTestId("awaiting-text")).ToContainTextAsync("Утвердить программу лётных испытаний.");
        Assert.True((await awaiting.GetByTestId("awaiting-text").BoundingBoxAsync())!.Y < (await awaiting.GetByTestId($"sign-form-{adopted.DecisionId}").BoundingBoxAsync())!.Y);
        var preview = await Page.RunAndWaitForDownloadAsync(() => awaiting.GetByTestId("draft-preview").ClickAsync());
        Assert.EndsWith("-draft.pdf", preview.SuggestedFilename, StringComparison.Ordinal);
    }
}
