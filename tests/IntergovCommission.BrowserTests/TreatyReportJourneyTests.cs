using DocumentFormat.OpenXml.Packaging;
using IntergovCommission.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntergovCommission.BrowserTests;

/// <summary>
/// Issue 13, WF-07: the Kazakh secretary opens the register, writes fields (10) and (12) of a treaty's annual report in the browser and
/// downloads the editable DOCX, which holds them; the Russian secretary reads the report without the form.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TreatyReportJourneyTests(ChromiumFixture chromium, AppFixture app) : BrowserTest(chromium, app), IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_Kazakh_secretary_writes_fields_10_and_12_and_downloads_the_DOCX()
    {
        await SignInAsync("kz.secretary");
        await Page.GotoAsync($"/Treaties?commissionId={App.CommissionId}");
        await Expect(Page.GetByTestId("treaties")).ToContainTextAsync("«Байтерек»");
        await Page.GetByTestId("treaty-report").First.ClickAsync();

        await Page.GetByLabel("(10) " + UiText.Ru("Treaties.Field10")).FillAsync("Задержка обмена уведомлениями; предлагается согласовать график.");
        await Page.GetByTestId("proposal-Continue").CheckAsync();
        await Page.GetByTestId("save-treaty-report").ClickAsync();
        await Expect(Page.GetByTestId("notice")).ToHaveTextAsync(UiText.Ru("Treaties.ReportSaved"));
        await Expect(Page.GetByTestId("field10")).ToHaveTextAsync("Задержка обмена уведомлениями; предлагается согласовать график.");
        await Expect(Page.GetByTestId("field12")).ToContainTextAsync(UiText.Ru("Treaties.Proposal.Continue"));
        await ScreenshotAsync("treaty-report");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("treaty-docx").ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        using var docx = WordprocessingDocument.Open(await download.PathAsync(), false);
        var text = docx.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Задержка обмена уведомлениями", text, StringComparison.Ordinal);
        Assert.Contains("1) продолжить исполнение", text, StringComparison.Ordinal);
        Assert.Contains("Заполняется Министерством иностранных дел", text, StringComparison.Ordinal);

        var russian = await OpenAsAsync("ru.secretary", Page.Url);
        await Expect(russian.GetByTestId("field10")).ToHaveTextAsync("Задержка обмена уведомлениями; предлагается согласовать график.");
        await Expect(russian.GetByTestId("treaty-report-form")).ToHaveCountAsync(0);
        await Expect(russian.GetByTestId("treaty-write-note")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_treaty_report_works_at_390_px_wide()
    {
        var phone = await OpenAsAsync("kz.secretary", $"/Treaties?commissionId={App.CommissionId}",
            new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        await phone.GetByTestId("treaty-report").First.ClickAsync();

        await Expect(phone.GetByTestId("treaty-report-form")).ToBeVisibleAsync();
        var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");
        Assert.False(overflow, "the treaty report scrolls sideways at 390 px");
    }
}
