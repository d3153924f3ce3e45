using System.Net;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Account;

public sealed class AdministrationPagesTests
{
    [Fact]
    public async Task The_new_user_form_keeps_the_input_and_names_the_field_when_the_user_name_is_taken()
    {
        await using var app = await TestApp.CreateAsync();
        using var admin = new WebSession(app);
        await admin.SignInAsync("admin", DemoDataSeeder.DemoPassword);
        var usersBefore = await app.QueryAsync(db => db.Users.CountAsync());

        var page = await admin.PostAsync("/Admin/Users/Create", "/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Data.UserName"] = "kz.member",
            ["Data.DisplayName"] = "Второй Ерлан",
            ["Data.PreferredLanguage"] = "ru",
            ["Data.InitialPassword"] = "Strong-Password-2027",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(WebSession.Text("Account.Identity.DuplicateUserName", "ru", "kz.member"), page.Text, StringComparison.Ordinal);
        Assert.Contains("data-valmsg-for=\"Data.UserName\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("Второй Ерлан", page.Text, StringComparison.Ordinal);
        Assert.Equal(usersBefore, await app.QueryAsync(db => db.Users.CountAsync()));

        var created = await admin.PostWithTokenAsync(page, "/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Data.UserName"] = "e.second",
            ["Data.DisplayName"] = "Второй Ерлан",
            ["Data.PreferredLanguage"] = "en",
            ["Data.InitialPassword"] = "Strong-Password-2027",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var list = await admin.GetAsync(created.Location!);
        Assert.Contains("data-user=\"e.second\"", list.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/Admin/Users/ResetPassword/{await AdministrationTests.UserIdAsync(app, "e.second")}")).Status);
    }

    [Fact]
    public async Task The_last_administrator_refusal_is_shown_on_the_users_page()
    {
        await using var app = await TestApp.CreateAsync();
        using var admin = new WebSession(app);
        await admin.SignInAsync("admin", DemoDataSeeder.DemoPassword);
        var adminId = await AdministrationTests.UserIdAsync(app, "admin");

        var page = await admin.PostAsync("/Admin/Users", "/Admin/Users?handler=Revoke", new Dictionary<string, string> { ["Data.UserId"] = adminId.ToString() });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(WebSession.Text("Admin.Rule.LastAdministrator"), page.Text, StringComparison.Ordinal);
        Assert.Contains("data-user=\"admin\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_new_commission_form_adds_a_side_row_without_saving_and_shows_side_errors_in_place()
    {
        await using var app = await TestApp.CreateAsync();
        using var admin = new WebSession(app);
        await admin.SignInAsync("admin", DemoDataSeeder.DemoPassword);
        var form = new Dictionary<string, string>
        {
            ["Data.Code"] = "CIS-IP",
            ["Data.NameRu"] = "Совет СНГ по промышленной политике",
            ["Data.ProfileId"] = (await AdministrationTests.ProfileIdAsync(app)).ToString(),
            ["Data.Sides[0].Code"] = "KZ",
            ["Data.Sides[0].TimeZoneId"] = "Asia/Almaty",
            ["Data.Sides[0].NameRu"] = "Республика Казахстан",
            ["Data.Sides[0].AppointingAuthorityRu"] = "Правительство Республики Казахстан",
            ["Data.Sides[0].NominatingBodyRu"] = "Министерство промышленности",
            ["Data.Sides[1].Code"] = "RU",
            ["Data.Sides[1].TimeZoneId"] = "Europe/Atlantis",
            ["Data.Sides[1].NameRu"] = "Российская Федерация",
            ["Data.Sides[1].AppointingAuthorityRu"] = "Правительство Российской Федерации",
            ["Data.Sides[1].NominatingBodyRu"] = "Минпромторг России",
        };

        var more = await admin.PostAsync("/Commissions/Create", "/Commissions/Create?handler=AddSide", form);
        Assert.Equal(HttpStatusCode.OK, more.Status);
        Assert.Contains("data-testid=\"side-2\"", more.Html, StringComparison.Ordinal);
        Assert.Contains("Europe/Atlantis", more.Html, StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.Commissions.AnyAsync(c => c.Code == "CIS-IP")));

        var refused = await admin.PostWithTokenAsync(more, "/Commissions/Create", form);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(WebSession.Text("Admin.Validation.TimeZoneUnknown", "ru", "Europe/Atlantis"), refused.Text, StringComparison.Ordinal);
        Assert.Contains("data-valmsg-for=\"Data.Sides[1].TimeZoneId\"", refused.Html, StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.Commissions.AnyAsync(c => c.Code == "CIS-IP")));

        form["Data.Sides[1].TimeZoneId"] = "Europe/Moscow";
        var created = await admin.PostWithTokenAsync(refused, "/Commissions/Create", form);
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.StartsWith("/Commissions/Roster/", created.Location, StringComparison.Ordinal);
        var roster = await admin.GetAsync(created.Location!);
        Assert.Equal(HttpStatusCode.OK, roster.Status);
        Assert.Contains("Минпромторг России", roster.Text, StringComparison.Ordinal);
    }
}
