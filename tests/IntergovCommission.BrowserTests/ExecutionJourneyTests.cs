using System.Text;
using IntergovCommission.BrowserTests.Support;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Execution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntergovCommission.BrowserTests;

/// <summary>
/// Issue 13: the KZ secretary opens the control page and sees an overdue assignment; the responsible member reports with a file;
/// the secretary accepts it; the half-year report PDF lists it as done.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExecutionJourneyTests(ChromiumFixture chromium, AppFixture app) : BrowserTest(chromium, app), IClassFixture<AppFixture>
{
    [Fact]
    public async Task Secretary_sees_an_overdue_assignment_the_member_reports_with_a_file_the_secretary_accepts_and_the_report_lists_it_done()
    {
        var decisionId = await DecisionScenario.IssuedAsync(App.App);
        var member = await App.App.QueryAsync(db => db.Users.Where(u => u.UserName == "kz.member").Select(u => u.PersonId).SingleAsync());
        var kzSide = await App.App.QueryAsync(db => db.Sides.Where(s => s.CommissionId == App.CommissionId && s.Code == "KZ").Select(s => s.Id).SingleAsync());
        var created = await App.App.SendAsAsync("kz.secretary", new CreateAssignment.Command
        {
            CommissionId = App.CommissionId, SideId = kzSide, DecisionId = decisionId, TaskRu = "Представить акт готовности стартового стола",
            Organisation = "ТОО «Стартовый стол»", ResponsiblePersonId = member, WorkingDays = 5,
        });
        // As if the deadline had passed: three days ago on the Almaty clock.
        var past = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty")).DateTime).AddDays(-3);
        await App.App.QueryAsync(db => db.Assignments.Where(a => a.Id == created.AssignmentId).ExecuteUpdateAsync(u => u.SetProperty(a => a.DueOn, past)));

        await SignInAsync("kz.secretary");
        await Page.GotoAsync($"/Execution?commissionId={App.CommissionId}");
        var row = Page.Locator($"tr[data-assignment='{created.AssignmentId}']");
        await Expect(row).ToHaveAttributeAsync("data-overdue", "true");
        await Expect(row.GetByTestId("overdue")).ToHaveTextAsync(UiText.Ru("Execution.OverdueBadge"));
        await Expect(Page.GetByTestId("by-organisation")).ToContainTextAsync("ТОО «Стартовый стол»");
        await ScreenshotAsync("execution-control-overdue");

        var responsible = await OpenAsAsync("kz.member", $"/Execution/Details/{created.AssignmentId}");
        await responsible.GetByLabel(UiText.Ru("Execution.ReportText")).FillAsync("Акт готовности подписан и приложен.");
        await responsible.GetByLabel(UiText.Ru("Execution.ReportFiles")).SetInputFilesAsync(new FilePayload
        {
            Name = "akt.pdf", MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n% akt\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        });
        await responsible.GetByTestId("submit-report").ClickAsync();
        await Expect(responsible.GetByTestId("notice")).ToHaveTextAsync(UiText.Ru("Execution.Reported"));
        await Expect(responsible.GetByTestId("report-file")).ToHaveTextAsync("akt.pdf");

        await Page.GotoAsync($"/Execution/Details/{created.AssignmentId}");
        await Page.GetByTestId("accept-report").ClickAsync();
        await Expect(Page.GetByTestId("assignment-state")).ToHaveTextAsync(UiText.Ru("Execution.State.Accepted"));

        await Page.GotoAsync($"/Execution?commissionId={App.CommissionId}");
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("report-pdf").ClickAsync());
        var pdf = await File.ReadAllBytesAsync(await download.PathAsync());
        var text = PdfTools.Text(pdf);
        Assert.Contains("Стартовый стол", text, StringComparison.Ordinal);
        Assert.Contains("исполнено", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_control_page_works_at_390_px_wide()
    {
        var phone = await OpenAsAsync("kz.secretary", $"/Execution?commissionId={App.CommissionId}",
            new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });

        await Expect(phone.GetByTestId("control-counts")).ToBeVisibleAsync();
        var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");
        Assert.False(overflow, "the control page scrolls sideways at 390 px");
        await ScreenshotAsync(phone, "execution-control-phone");
    }
}
