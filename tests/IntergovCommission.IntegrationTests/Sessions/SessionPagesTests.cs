using System.Net;
using System.Text.RegularExpressions;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Sessions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static IntergovCommission.IntegrationTests.Sessions.SessionSteps;

namespace IntergovCommission.IntegrationTests.Sessions;

/// <summary>The session pages over HTTP (real pipeline, antiforgery, cookies): they render, keep input on refusals, and hide what a role may not do.</summary>
public sealed partial class SessionPagesTests
{
    [Fact]
    public async Task Secretary_creates_a_session_and_builds_the_agenda_member_proposes_and_co_chair_opens_the_approval_page()
    {
        await using var app = await TestApp.CreateAsync();
        var commissionId = await CommissionIdAsync(app);
        using var secretary = await SignInAsync(app, "kz.secretary");

        Assert.Contains("/Sessions?commissionId=", await GetOkAsync(secretary, $"/Commissions/Roster/{commissionId}"));
        await GetOkAsync(secretary, $"/Sessions?commissionId={commissionId}");

        // A past date is refused on the page, citing the rule, with the user's input kept.
        var past = SessionTime.ToLocal(DateTimeOffset.UtcNow.AddDays(-1), Almaty).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var form = await PostFormAsync(secretary, $"/Sessions/Create?commissionId={commissionId}", new()
        {
            ["Data.CommissionId"] = commissionId.ToString(), ["Data.Kind"] = "Regular", ["Data.Format"] = "InPerson",
            ["Data.StartLocal"] = past, ["Data.TimeZoneId"] = Almaty, ["Data.Place"] = "Астана, Дом министерств",
        });
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var html = WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync());
        Assert.Contains("KZRU-09", html);
        Assert.Contains("Астана, Дом министерств", html);
        Assert.Equal(0, await app.QueryAsync(db => db.Sessions.CountAsync()));

        var start = SessionTime.ToLocal(DateTimeOffset.UtcNow.AddDays(20), Almaty).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var created = await PostFormAsync(secretary, $"/Sessions/Create?commissionId={commissionId}", new()
        {
            ["Data.CommissionId"] = commissionId.ToString(), ["Data.Kind"] = "Regular", ["Data.Format"] = "InPerson",
            ["Data.StartLocal"] = start, ["Data.TimeZoneId"] = Almaty, ["Data.Place"] = "Астана",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var sessionId = await app.QueryAsync(db => db.Sessions.Select(s => s.Id).SingleAsync());
        var details = await GetOkAsync(secretary, $"/Sessions/Details/{sessionId}");
        Assert.Contains("Asia/Almaty", details);
        Assert.Contains("Europe/Moscow", details);

        // Agenda: an empty title is refused naming the field; a valid item is added.
        var agendaUrl = $"/Sessions/Agenda/{sessionId}";
        var version = (await RowVersionAsync(app, sessionId)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var empty = await PostFormAsync(secretary, agendaUrl, new() { ["Data.TitleRu"] = "", ["Data.Rapporteurs"] = "Касымов", ["Data.DecisionKind"] = "Other", ["Data.Version"] = version });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Касымов", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()));
        Assert.Equal(0, await app.QueryAsync(db => db.AgendaItems.CountAsync()));
        var added = await PostFormAsync(secretary, agendaUrl, new()
        {
            ["Data.TitleRu"] = "О программе лётных испытаний", ["Data.TitleKk"] = "Ұшу сынақтарының бағдарламасы туралы", ["Data.DecisionKind"] = "ProgrammeApprovalOrChange", ["Data.Version"] = version,
            ["Data.Rapporteurs"] = "Касымов Н.", ["Data.RapporteursKk"] = "Қасымов Н.",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("О программе лётных испытаний", await GetOkAsync(secretary, agendaUrl));
        var item = await app.QueryAsync(db => db.AgendaItems.Select(i => new { i.Id, i.Rapporteurs, i.RapporteursKk }).SingleAsync());
        Assert.Equal(("Касымов Н.", "Қасымов Н."), (item.Rapporteurs, item.RapporteursKk));
        // The edit form shows the Kazakh speakers again.
        Assert.Contains("value=\"Қасымов Н.\"", WebUtility.HtmlDecode(await GetOkAsync(secretary, $"{agendaUrl}?itemId={item.Id}")), StringComparison.Ordinal);
        await GetOkAsync(secretary, $"/Sessions/Invitees/{sessionId}");
        await GetOkAsync(secretary, $"/Sessions/Edit/{sessionId}");

        // A stale version on reorder or send shows the conflict on the page, not an error page.
        var stale = await PostFormAsync(secretary, agendaUrl + "?handler=Send", new() { ["version"] = version });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(Domain.Sessions.SessionState.Draft, await StateAsync(app, sessionId));

        using var member = await SignInAsync(app, "kz.member");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(agendaUrl)).StatusCode);
        await GetOkAsync(member, $"/Proposals/Create?sessionId={sessionId}");
        var proposed = await PostFormAsync(member, $"/Proposals/Create?sessionId={sessionId}", new() { ["Data.SessionId"] = sessionId.ToString(), ["Data.TitleRu"] = "О графике пусков" });
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        Assert.Contains("О графике пусков", await GetOkAsync(member, "/Proposals/Mine"));
        Assert.Contains("О графике пусков", await GetOkAsync(secretary, "/Proposals/Inbox"));
        using var ruSecretary = await SignInAsync(app, "ru.secretary");
        Assert.DoesNotContain("О графике пусков", await GetOkAsync(ruSecretary, "/Proposals/Inbox?all=true"));
        // A secretary does not propose (KZRU-06): the form is not shown; the refusal cites the clause in words, not the rule id.
        var notAMember = await ruSecretary.GetAsync($"/Proposals/Create?sessionId={sessionId}");
        Assert.Equal(HttpStatusCode.Forbidden, notAMember.StatusCode);
        var refusal = WebUtility.HtmlDecode(await notAMember.Content.ReadAsStringAsync());
        Assert.Contains("п. 7 Положения", refusal);
        Assert.DoesNotContain("data-testid=\"submit-proposal\"", refusal);

        var sent = await PostFormAsync(secretary, agendaUrl + "?handler=Send", new() { ["version"] = (await RowVersionAsync(app, sessionId)).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        using var coChair = await SignInAsync(app, "ru.cochair");
        Assert.Contains("data-testid=\"approve\"", await GetOkAsync(coChair, $"/Sessions/Approve/{sessionId}"));
        Assert.Contains("data-awaiting=\"KZ\"", await GetOkAsync(secretary, $"/Sessions/Details/{sessionId}"));
        Assert.DoesNotContain("О программе лётных испытаний", await GetOkAsync(member, $"/Sessions/Details/{sessionId}"));

        // The co-chairs answer on the page; a return without comment keeps the page with the message.
        var agendaVersion = (await AgendaVersionAsync(app, sessionId)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var noComment = await PostFormAsync(coChair, $"/Sessions/Approve/{sessionId}", new() { ["Data.AgendaVersion"] = agendaVersion, ["Data.Outcome"] = "Returned" });
        Assert.Equal(HttpStatusCode.OK, noComment.StatusCode);
        var returned = WebUtility.HtmlDecode(await noComment.Content.ReadAsStringAsync());
        Assert.True(returned.Contains("Чтобы вернуть повестку, напишите замечания.", StringComparison.Ordinal) || returned.Contains("Возвращая повестку, напишите, что изменить.", StringComparison.Ordinal), "the page asks for the remarks");
        Assert.DoesNotContain("WF-02", returned, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(coChair, $"/Sessions/Approve/{sessionId}", new() { ["Data.AgendaVersion"] = agendaVersion, ["Data.Outcome"] = "Approved" })).StatusCode);
        using var kzCoChair = await SignInAsync(app, "kz.cochair");
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(kzCoChair, $"/Sessions/Approve/{sessionId}", new() { ["Data.AgendaVersion"] = agendaVersion, ["Data.Outcome"] = "Approved" })).StatusCode);
        Assert.Contains("О программе лётных испытаний", await GetOkAsync(member, $"/Sessions/Details/{sessionId}"));
        Assert.Equal(Domain.Sessions.SessionState.AgendaApproved, await StateAsync(app, sessionId));
    }

    [Fact]
    public async Task Sessions_address_without_a_commission_leads_to_the_persons_commission_not_to_a_403()
    {
        await using var app = await TestApp.CreateAsync();
        var commissionId = await CommissionIdAsync(app);
        using var member = await SignInAsync(app, "kz.member");
        var response = await member.GetAsync("/Sessions");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Sessions?commissionId={commissionId}", response.Headers.Location?.OriginalString);
    }

    private static async Task<HttpClient> SignInAsync(TestApp app, string user)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await PostFormAsync(client, "/Account/Login", new() { ["Input.UserName"] = user, ["Input.Password"] = "Demo-Password-2026" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task<string> GetOkAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {response.StatusCode} {System.Text.RegularExpressions.Regex.Match(await response.Content.ReadAsStringAsync(), "data-testid=\"refusal\">([^<]*)<").Groups[1].Value}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts a form the way a browser does: with the antiforgery token of the page it came from.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var page = await client.GetAsync(url.Contains("?handler=", StringComparison.Ordinal) ? url[..url.IndexOf("?handler=", StringComparison.Ordinal)] : url);
        var token = TokenPattern().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        fields["__RequestVerificationToken"] = token;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(url, content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
