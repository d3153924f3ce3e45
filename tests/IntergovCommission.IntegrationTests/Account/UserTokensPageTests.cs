using System.Net;
using System.Net.Http.Headers;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Tokens;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Account;

/// <summary>/Admin/Users: an administrator sees a user's API tokens and revokes one or all of them (audited).</summary>
public sealed class UserTokensPageTests
{
    [Fact]
    public async Task An_administrator_sees_and_revokes_a_users_tokens_on_the_users_page()
    {
        await using var app = await TestApp.CreateAsync();
        var edms = await app.SendAsAsync("kz.member", new CreateAccessToken.Command { Name = "EDMS connector", ExpiresInDays = 30 });
        var tablets = await app.SendAsAsync("kz.member", new CreateAccessToken.Command { Name = "Tablets", ExpiresInDays = 30 });
        var memberId = await app.QueryAsync(db => db.Users.Where(u => u.UserName == "kz.member").Select(u => u.Id).SingleAsync());

        using var web = new WebSession(app);
        Assert.Equal(HttpStatusCode.Redirect, (await web.SignInAsync("admin", DemoDataSeeder.DemoPassword)).Status);
        var list = await web.GetAsync("/Admin/Users");
        Assert.Contains($"/Admin/Users?tokens={memberId}", list.Html, StringComparison.Ordinal);
        Assert.Contains(WebSession.Text("Admin.Users.ShowTokens", "ru", 2), list.Text, StringComparison.Ordinal);

        var page = await web.GetAsync($"/Admin/Users?tokens={memberId}");
        var section = page.TestId("user-tokens");
        Assert.Contains("EDMS connector", section, StringComparison.Ordinal);
        Assert.Contains("Tablets", section, StringComparison.Ordinal);

        var one = await web.PostWithTokenAsync(page, "/Admin/Users?handler=RevokeToken", new Dictionary<string, string>
        {
            ["Data.UserId"] = memberId.ToString(),
            ["Data.TokenId"] = edms.TokenId.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, one.Status);
        Assert.False(await UsableAsync(app, edms.Secret));
        Assert.True(await UsableAsync(app, tablets.Secret));

        var all = await web.PostWithTokenAsync(page, "/Admin/Users?handler=RevokeTokens", new Dictionary<string, string> { ["Data.UserId"] = memberId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, all.Status);
        var after = await web.GetAsync(all.Location!);
        Assert.Contains(WebSession.Text("Admin.Users.TokensRevoked", "ru", "kz.member", 1), after.TestId("notice"), StringComparison.Ordinal);
        Assert.False(await UsableAsync(app, tablets.Secret));
        Assert.Equal(2, await app.QueryAsync(db => db.AuditEntries.CountAsync(a => (a.Action == "RevokeAccessToken.Command" || a.Action == "RevokeUserAccessTokens.Command") && a.UserName == "admin")));

        // Not for anyone else.
        using var member = new WebSession(app);
        Assert.Equal(HttpStatusCode.Redirect, (await member.SignInAsync("kz.secretary", DemoDataSeeder.DemoPassword)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/Admin/Users?tokens={memberId}")).Status);
    }

    private static async Task<bool> UsableAsync(TestApp app, string secret)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK;
    }
}
