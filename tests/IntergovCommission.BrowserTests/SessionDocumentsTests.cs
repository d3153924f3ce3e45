using IntergovCommission.BrowserTests.Support;
using IntergovCommission.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntergovCommission.BrowserTests;

/// <summary>A member downloads the approved agenda from the session page and the minutes from the live page (issue 5).</summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionDocumentsTests(ChromiumFixture chromium, AppFixture app) : BrowserTest(chromium, app), IClassFixture<AppFixture>
{
    [Fact]
    public async Task Member_downloads_the_agenda_and_the_minutes_as_PDF_files()
    {
        var (sessionId, _) = await LiveScenario.StartedSessionAsync(App.App);
        await LiveScenario.RegisterEveryoneAsync(App.App, sessionId);
        var number = await App.App.QueryAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Number).SingleAsync());

        await SignInAsync("kz.member");
        await Page.GotoAsync($"/Sessions/Details/{sessionId}");
        var agendaLink = Page.GetByRole(AriaRole.Link, new() { Name = UiText.Ru("Documents.AgendaPdf") });
        await Expect(agendaLink).ToBeVisibleAsync();
        var agenda = await Page.RunAndWaitForDownloadAsync(() => agendaLink.ClickAsync());
        Assert.Equal($"agenda-session-{number}.pdf", agenda.SuggestedFilename);
        Assert.Equal("%PDF"u8.ToArray(), (await File.ReadAllBytesAsync(await agenda.PathAsync()))[..4]);
        await ScreenshotAsync("session-documents-links");

        await Page.GotoAsync($"/Sessions/Live/{sessionId}");
        var minutes = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("minutes-pdf-link").ClickAsync());
        Assert.Equal($"minutes-session-{number}.pdf", minutes.SuggestedFilename);
        Assert.Equal("%PDF"u8.ToArray(), (await File.ReadAllBytesAsync(await minutes.PathAsync()))[..4]);
    }
}
