using System.Text;
using IntergovCommission.BrowserTests.Support;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Features.Sessions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntergovCommission.BrowserTests;

/// <summary>
/// Session preparation in a real browser (issue 3): a member's proposal (KZRU-06, KZRU-12), the
/// draft agenda with a material (KZRU-07, KZRU-13), approval by both co-chairs (KZRU-11), and the
/// published session pack the member downloads.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PreparationJourneyTests(ChromiumFixture chromium, AppFixture app) : BrowserTest(chromium, app), IClassFixture<AppFixture>
{
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

    private async Task SwitchUserAsync(string userName)
    {
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(userName);
    }

    private async Task ProposeAsync(Guid sessionId, string title)
    {
        await Page.GotoAsync($"/Proposals/Create?sessionId={sessionId}");
        await Page.GetByLabel(UiText.Ru("Agenda.TitleRu")).FillAsync(title);
        await Page.GetByLabel(UiText.Ru("Agenda.TitleKk")).FillAsync("Мәселе: " + title); // KZRU-23: both document languages
        await Page.GetByLabel(UiText.Ru("Proposals.RationaleRu")).FillAsync("Готовность стартового комплекса к лётным испытаниям.");
        await Page.GetByTestId("submit-proposal").ClickAsync();
        await Expect(Page.GetByTestId("notice")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Member_downloads_the_material_of_the_published_agenda_after_secretary_and_both_co_chairs_KZRU_11_KZRU_13()
    {
        var sessionId = await CreateSessionAsync(12);
        const string title = "О готовности комплекса «Байтерек» к лётным испытаниям";
        var material = Encoding.ASCII.GetBytes("%PDF-1.4\n% readiness report " + Guid.NewGuid() + "\n%%EOF\n");

        await SignInAsync("kz.member");
        await ProposeAsync(sessionId, title);
        await Expect(Page.GetByTestId("notice")).ToHaveTextAsync(UiText.Ru("Proposals.Sent", "KZ"));

        await SwitchUserAsync("kz.secretary");
        await Page.GotoAsync("/Proposals/Inbox");
        var proposal = Page.Locator("article[data-proposal]").Filter(new() { HasText = title });
        await proposal.GetByTestId("accept").ClickAsync();
        await Page.GotoAsync($"/Sessions/Agenda/{sessionId}");
        await Expect(Page.GetByTestId("agenda")).ToContainTextAsync(title);

        await Page.GetByTestId("pack-link").ClickAsync();
        var item = Page.Locator("li[data-item]").Filter(new() { HasText = title });
        await item.GetByText(UiText.Ru("Materials.Upload")).ClickAsync();
        await item.GetByLabel(UiText.Ru("Materials.File")).SetInputFilesAsync(new FilePayload { Name = "readiness.pdf", MimeType = "application/pdf", Buffer = material });
        await item.GetByLabel(UiText.Ru("Materials.Title")).FillAsync("Отчёт о готовности");
        await item.GetByRole(AriaRole.Button, new() { Name = UiText.Ru("Materials.UploadButton"), Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("notice")).ToContainTextAsync("SHA-256");
        await Expect(item.GetByTestId("material-link")).ToHaveTextAsync("readiness.pdf");

        await Page.GotoAsync($"/Sessions/Agenda/{sessionId}");
        await Page.GetByTestId("send-for-approval").ClickAsync();
        await Expect(Page.GetByTestId("session-state")).ToHaveTextAsync(UiText.Ru("Sessions.State." + SessionState.AgendaUnderApproval));

        foreach (var coChair in new[] { "kz.cochair", "ru.cochair" })
        {
            await SwitchUserAsync(coChair);
            await Page.GotoAsync($"/Sessions/Approve/{sessionId}");
            await Page.GetByTestId("approve").ClickAsync();
        }

        await Page.GotoAsync($"/Sessions/Details/{sessionId}");
        await Expect(Page.GetByTestId("session-state")).ToHaveTextAsync(UiText.Ru("Sessions.State." + SessionState.AgendaApproved));

        await SwitchUserAsync("kz.member");
        await Page.GotoAsync($"/Sessions/Details/{sessionId}");
        await Expect(Page.GetByTestId("agenda")).ToContainTextAsync(title);
        await Page.GetByTestId("pack-link").ClickAsync();
        await Expect(Page.GetByTestId("pack")).ToContainTextAsync(title);
        await ScreenshotAsync("session-pack");
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("material-link").ClickAsync());
        Assert.Equal("readiness.pdf", download.SuggestedFilename);
        var path = await download.PathAsync();
        Assert.Equal(material, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task Proposal_made_nine_days_ahead_shows_as_late_citing_KZRU_12()
    {
        var sessionId = await CreateSessionAsync(9);

        await SignInAsync("kz.member");
        await Page.GotoAsync($"/Proposals/Create?sessionId={sessionId}");
        await Expect(Page.GetByTestId("deadline-line")).ToContainTextAsync(UiText.Ru("Proposals.LateNow"));
        await ProposeAsync(sessionId, "Опоздавшее предложение о рабочей группе");

        // Said in words, in the session's zone (the rule id is on the late flag's tooltip).
        await Expect(Page.GetByTestId("notice")).ToContainTextAsync("после срока");
        await Expect(Page.GetByTestId("notice")).ToContainTextAsync("Asia/Almaty");
        var row = Page.Locator("tr").Filter(new() { HasText = "Опоздавшее предложение о рабочей группе" });
        await Expect(row.GetByTestId("late-flag")).ToHaveTextAsync(UiText.Ru("Proposals.Late"));
        await Expect(row.GetByTestId("late-flag")).ToHaveAttributeAsync("title", "KZRU-12");
    }
}
