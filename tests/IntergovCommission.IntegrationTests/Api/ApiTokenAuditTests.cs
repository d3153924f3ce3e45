using System.Net;
using System.Net.Http.Headers;
using IntergovCommission.Testing;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Api;

/// <summary>A refused bearer token is a failed sign-in (issue #14): audited, without the secret.</summary>
public sealed class ApiTokenAuditTests
{
    [Fact]
    public async Task A_refused_token_is_audited_as_a_failed_sign_in_with_its_first_characters_only()
    {
        await using var app = await TestApp.CreateAsync(seedDemo: false);
        using var client = app.CreateClient();
        const string secret = "igc_thisIsNotARealTokenButLooksLikeOne0123456789";
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        var rows = await app.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "Account.ApiToken.Failed").Select(a => a.UserName + " " + a.Request).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Contains("igc_this…", row, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, row, StringComparison.Ordinal);
    }
}
