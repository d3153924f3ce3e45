using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IntergovCommission.IntegrationTests.Sessions;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Tokens;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Api;

/// <summary>Expert-group referral, the group's proposal onto a later agenda, and deferral over /api/v1 (KZRU-20, KZRU-11).</summary>
public sealed class ApiCarryOverTests
{
    private static async Task<HttpClient> ClientAsAsync(TestApp app, string userName)
    {
        var token = await app.SendAsAsync(userName, new CreateAccessToken.Command { Name = "carry-over", ExpiresInDays = 30 });
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        return client;
    }

    [Fact]
    public async Task Co_chair_refers_an_item_the_secretary_records_the_groups_proposal_onto_a_later_session_KZRU_20()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(app);
        await LiveScenario.RegisterEveryoneAsync(app, sessionId);
        var experts = (await LiveScenario.RosterAsync(app)).Where(r => r.Role == Domain.Commissions.CommissionRole.Member).Take(2).Select(r => r.MembershipId).ToList();
        var referral = new { task = "Согласовать программу испытаний", deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), memberIds = experts };

        using var member = await ClientAsAsync(app, "kz.member");
        using var memberTry = await member.PostAsJsonAsync(new Uri($"/api/v1/sessions/{sessionId}/items/{itemId}/referral", UriKind.Relative), referral);
        Assert.Equal(HttpStatusCode.Forbidden, memberTry.StatusCode);
        Assert.Equal("KZRU-20", (await memberTry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());

        using var coChair = await ClientAsAsync(app, "kz.cochair");
        using var referred = await coChair.PostAsJsonAsync(new Uri($"/api/v1/sessions/{sessionId}/items/{itemId}/referral", UriKind.Relative), referral);
        var referredText = await referred.Content.ReadAsStringAsync();
        Assert.True(referred.StatusCode == HttpStatusCode.Created, referredText);
        await ApiSessionJourneyTests.AssertLocationReadableAsync(coChair, referred, "referral");
        var referralId = JsonDocument.Parse(referredText).RootElement.GetProperty("id").GetGuid();

        // A referred item is neither deferred nor voted here.
        using var secretary = await ClientAsAsync(app, "kz.secretary");
        using var deferred = await secretary.PostAsync(new Uri($"/api/v1/sessions/{sessionId}/items/{itemId}/deferral", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, deferred.StatusCode);
        Assert.Equal("KZRU-20", (await deferred.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());

        var laterSessionId = await SessionSteps.CreateSessionAsync(app, 40);
        using var recorded = await secretary.PostAsJsonAsync(new Uri($"/api/v1/referrals/{referralId}/proposal", UriKind.Relative), new
        {
            targetSessionId = laterSessionId,
            proposalRu = "Группа предлагает утвердить программу с уточнениями.",
            proposalKk = "Топ бағдарламаны нақтылаулармен бекітуді ұсынады.",
            draftDecisionRu = "Утвердить программу лётных испытаний с уточнениями.",
            draftDecisionKk = "Ұшу сынақтарының бағдарламасын нақтылаулармен бекіту.",
        });
        var recordedText = await recorded.Content.ReadAsStringAsync();
        Assert.True(recorded.StatusCode == HttpStatusCode.Created, recordedText);
        await ApiSessionJourneyTests.AssertLocationReadableAsync(secretary, recorded, "expert group's proposal");
        var newItemId = JsonDocument.Parse(recordedText).RootElement.GetProperty("agendaItemId").GetGuid();
        var draft = await app.QueryAsync(db => db.AgendaItems.Where(i => i.Id == newItemId).Select(i => new { i.SessionId, i.DraftDecision }).SingleAsync());
        Assert.Equal(laterSessionId, draft.SessionId);
        Assert.Contains("с уточнениями", draft.DraftDecision.Ru, StringComparison.Ordinal);

        var read = await secretary.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{referralId}");
        Assert.Equal(referralId, read.GetProperty("id").GetGuid());
    }
}
