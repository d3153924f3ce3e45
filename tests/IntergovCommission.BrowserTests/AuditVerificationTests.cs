using IntergovCommission.BrowserTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace IntergovCommission.BrowserTests;

/// <summary>Issue #14: an administrator checks the audit trail in the browser: intact, then — in this test database tampered with as its owner — the broken link named.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AuditVerificationTests(ChromiumFixture chromium, AppFixture app) : BrowserTest(chromium, app), IClassFixture<AppFixture>
{
    [Fact]
    public async Task An_administrator_sees_the_chain_intact_then_the_deleted_record_named()
    {
        // A few rows in the trail besides the administrator's sign-in: other people's sign-ins.
        foreach (var user in new[] { "kz.secretary", "ru.secretary", "kz.member" })
        {
            await OpenAsAsync(user, "/Commissions");
        }

        await SignInAsync("admin");
        await Page.GetByTestId("nav-admin-audit").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(UiText.Ru("Audit.Verify.Title"));
        await Page.GetByRole(AriaRole.Button, new() { Name = UiText.Ru("Audit.Verify.Run") }).ClickAsync();

        var length = await App.App.QueryAsync(db => db.AuditEntries.CountAsync());
        Assert.True(length >= 4, $"{length} rows");
        await Expect(Page.GetByTestId("audit-intact")).ToContainTextAsync(UiText.Ru("Audit.Verify.Intact", length, 0).Split(':')[0]);
        await Expect(Page.GetByTestId("audit-length")).ToHaveTextAsync(length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ScreenshotAsync("audit-intact");

        // The database owner removes record No. 3 with the append-only trigger disabled.
        await using (var connection = new NpgsqlConnection(App.App.ConnectionString))
        {
            await connection.OpenAsync();
            await using var tamper = new NpgsqlCommand(
                "ALTER TABLE audit_entries DISABLE TRIGGER USER; DELETE FROM audit_entries WHERE seq = 3; ALTER TABLE audit_entries ENABLE TRIGGER USER", connection);
            await tamper.ExecuteNonQueryAsync();
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = UiText.Ru("Audit.Verify.Run") }).ClickAsync();
        await Expect(Page.GetByTestId("audit-broken")).ToHaveTextAsync(UiText.Ru("Audit.Verify.Broken"));
        await Expect(Page.GetByTestId("audit-break")).ToContainTextAsync(UiText.Ru("Audit.Break.RowDeleted", 3));
        await Expect(Page.GetByTestId("audit-break")).ToHaveAttributeAsync("data-kind", "RowDeleted");
        await ScreenshotAsync("audit-broken");

        // On a phone the outcome still reads without sideways scrolling.
        await Page.SetViewportSizeAsync(390, 844);
        var overflow = await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the verification page scrolls sideways at 390 px");
    }
}
