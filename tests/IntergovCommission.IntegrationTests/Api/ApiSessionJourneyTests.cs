using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Features.Tokens;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Api;

/// <summary>A whole session driven through /api/v1 alone: tokens are made by the use case, everything after is HTTP.</summary>
public sealed class ApiSessionJourneyTests
{
    private const string Almaty = "Asia/Almaty";

    private sealed record Caller(HttpClient Client, Guid TokenId, Guid MembershipId) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    private static async Task<Caller> CallerAsync(TestApp app, string userName)
    {
        var token = await app.SendAsAsync(userName, new CreateAccessToken.Command { Name = "journey", ExpiresInDays = 30 });
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var membership = me.GetProperty("memberships").EnumerateArray().Select(m => m.GetProperty("membershipId").GetGuid()).FirstOrDefault();
        return new Caller(client, token.TokenId, membership);
    }

    private static async Task<JsonElement> SendAsync(Caller caller, HttpMethod method, string path, object? body, HttpStatusCode expected, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await caller.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        await AssertLocationReadableAsync(caller.Client, response, $"{method} {path}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A 201 (a replayed one too) carries a Location the same caller can GET.</summary>
    internal static async Task AssertLocationReadableAsync(HttpClient client, HttpResponseMessage response, string what)
    {
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return;
        }

        var location = response.Headers.Location;
        Assert.True(location is not null, $"{what}: 201 without Location");
        using var read = await client.GetAsync(location);
        Assert.True(read.StatusCode == HttpStatusCode.OK, $"{what}: GET {location} answered {(int)read.StatusCode}");
    }

    private static async Task AssertProblemAsync(Caller caller, HttpMethod method, string path, object? body, HttpStatusCode status, string rule)
    {
        var problem = await SendAsync(caller, method, path, body, status);
        Assert.Equal(rule, problem.GetProperty("rule").GetString());
    }

    /// <summary>A session an API client schedules (shared with the contract tests).</summary>
    internal static object SessionBody(double days)
    {
        var start = SessionTime.ToLocal(DateTimeOffset.UtcNow.AddDays(days), Almaty);
        return new
        {
            kind = nameof(SessionKind.Regular),
            format = nameof(SessionFormat.Mixed),
            place = "Astana, Aerospace Committee",
            conferenceLink = "https://vc.example.kz/imc",
            startLocal = new DateTime(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, DateTimeKind.Unspecified),
            timeZoneId = Almaty,
        };
    }

    internal static readonly object Proposal = new
    {
        titleRu = "О программе лётных испытаний",
        rationaleRu = "Программа требует согласования сторон.",
        draftDecisionRu = "Одобрить программу лётных испытаний.",
    };

    private static async Task<uint> SessionVersionAsync(Caller caller, Guid sessionId) =>
        (await caller.Client.GetFromJsonAsync<JsonElement>($"/api/v1/sessions/{sessionId}")).GetProperty("version").GetUInt32();

    [Fact]
    public async Task Full_session_journey_through_the_api_with_every_refusal_as_a_problem_with_its_rule()
    {
        await using var app = await TestApp.CreateAsync();
        var names = new[] { "kz.secretary", "ru.secretary", "kz.cochair", "ru.cochair", "kz.deputy", "ru.deputy", "kz.member", "ru.member", "kz.representative" };
        var callers = new Dictionary<string, Caller>();
        foreach (var name in names)
        {
            callers[name] = await CallerAsync(app, name);
        }

        try
        {
            var kzSecretary = callers["kz.secretary"];
            var commissions = await kzSecretary.Client.GetFromJsonAsync<JsonElement>("/api/v1/commissions");
            var commissionId = commissions.EnumerateArray().Single().GetProperty("id").GetGuid();

            // A session 12 days ahead; a second one 9 days ahead, where a proposal comes in late (KZRU-12).
            var created = await SendAsync(kzSecretary, HttpMethod.Post, $"/api/v1/commissions/{commissionId}/sessions", SessionBody(12), HttpStatusCode.Created);
            var sessionId = created.GetProperty("sessionId").GetGuid();
            var soon = await SendAsync(kzSecretary, HttpMethod.Post, $"/api/v1/commissions/{commissionId}/sessions", SessionBody(9), HttpStatusCode.Created);
            var lateProposal = await SendAsync(callers["kz.member"], HttpMethod.Post, $"/api/v1/sessions/{soon.GetProperty("sessionId").GetGuid()}/proposals", Proposal, HttpStatusCode.Created);
            Assert.True(lateProposal.GetProperty("isLate").GetBoolean());
            var listed = await kzSecretary.Client.GetFromJsonAsync<JsonElement>($"/api/v1/commissions/{commissionId}/sessions");
            Assert.Equal(2, listed.GetProperty("sessions").GetArrayLength());

            // The member proposes (a retry with the same key is the same proposal); the other side's secretary may not decide it.
            var proposal = await SendAsync(callers["kz.member"], HttpMethod.Post, $"/api/v1/sessions/{sessionId}/proposals", Proposal, HttpStatusCode.Created, "proposal-1");
            var again = await SendAsync(callers["kz.member"], HttpMethod.Post, $"/api/v1/sessions/{sessionId}/proposals", Proposal, HttpStatusCode.Created, "proposal-1");
            var proposalId = proposal.GetProperty("proposalId").GetGuid();
            Assert.Equal(proposalId, again.GetProperty("proposalId").GetGuid());
            Assert.False(proposal.GetProperty("isLate").GetBoolean());
            Assert.Equal("KZ", proposal.GetProperty("sideCode").GetString());
            Assert.Equal(1, await app.QueryAsync(db => db.AgendaProposals.CountAsync(p => p.SessionId == sessionId)));

            var ruInbox = await callers["ru.secretary"].Client.GetFromJsonAsync<JsonElement>("/api/v1/proposals/inbox");
            Assert.DoesNotContain(ruInbox.EnumerateArray(), p => p.GetProperty("id").GetGuid() == proposalId);
            var kzInbox = await kzSecretary.Client.GetFromJsonAsync<JsonElement>("/api/v1/proposals/inbox");
            var inboxRow = kzInbox.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == proposalId);
            var proposalVersion = inboxRow.GetProperty("version").GetUInt32();
            var accept = new { version = proposalVersion, decisionKind = "ProgrammeApprovalOrChange", rapporteurs = "Касымов Н." };
            await AssertProblemAsync(callers["ru.secretary"], HttpMethod.Post, $"/api/v1/proposals/{proposalId}/accept", accept, HttpStatusCode.Forbidden, "KZRU-06");
            await SendAsync(kzSecretary, HttpMethod.Post, $"/api/v1/proposals/{proposalId}/accept", accept, HttpStatusCode.NoContent);
            var mine = await callers["kz.member"].Client.GetFromJsonAsync<JsonElement>("/api/v1/proposals/mine");
            Assert.Equal("Accepted", mine.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == proposalId).GetProperty("status").GetString());

            // Starting before the co-chairs approved is refused (KZRU-11); a member cannot approve (KZRU-04).
            await AssertProblemAsync(kzSecretary, HttpMethod.Post, $"/api/v1/sessions/{sessionId}/start", new { version = await SessionVersionAsync(kzSecretary, sessionId) }, HttpStatusCode.UnprocessableEntity, "KZRU-11");
            // KZRU-23: the Russian-only item keeps the agenda from going to the co-chairs; the refusal names the item and the fields.
            var refusedSend = await SendAsync(kzSecretary, HttpMethod.Post, $"/api/v1/sessions/{sessionId}/agenda/send-for-approval", new { version = await SessionVersionAsync(kzSecretary, sessionId) }, HttpStatusCode.UnprocessableEntity);
            Assert.Equal("KZRU-23", refusedSend.GetProperty("rule").GetString());
            Assert.Contains("№ 1: titleKk, draftDecisionKk", refusedSend.GetProperty("detail").GetString(), StringComparison.Ordinal);
            var draftItemId = (await kzSecretary.Client.GetFromJsonAsync<JsonElement>($"/api/v1/sessions/{sessionId}")).GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid();
            await SendAsync(kzSecretary, HttpMethod.Put, $"/api/v1/sessions/{sessionId}/agenda/items/{draftItemId}", new
            {
                version = await SessionVersionAsync(kzSecretary, sessionId),
                titleKk = "Ұшу сынақтарының бағдарламасы туралы",
                titleRu = "О программе лётных испытаний",
                rapporteurs = "Касымов Н.",
                decisionKind = "ProgrammeApprovalOrChange",
                draftDecisionKk = "Ұшу сынақтарының бағдарламасын мақұлдау.",
                draftDecisionRu = "Одобрить программу лётных испытаний.",
            }, HttpStatusCode.NoContent);
            await SendAsync(kzSecretary, HttpMethod.Post, $"/api/v1/sessions/{sessionId}/agenda/send-for-approval", new { version = await SessionVersionAsync(kzSecretary, sessionId) }, HttpStatusCode.NoContent);
            var session = await kzSecretary.Client.GetFromJsonAsync<JsonElement>($"/api/v1/sessions/{sessionId}");
            var agendaVersion = session.GetProperty("agendaVersion").GetInt32();
            var itemId = session.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid();
            var memberAnswer = await SendAsync(callers["kz.member"], HttpMethod.Post, $"/api/v1/sessions/{sessionId}/agenda/approve", new { agendaVersion }, HttpStatusCode.Forbidden);
            Assert.True(memberAnswer.TryGetProperty("rule", out _));
            await SendAsync(callers["kz.cochair"], HttpMethod.Post, $"/api/v1/sessions/{sessionId}/agenda/approve", new { agendaVersion }, HttpStatusCode.NoContent);
            await SendAsync(callers["ru.cochair"], HttpMethod.Post, $"/api/v1/sessions/{sessionId}/agenda/approve", new { agendaVersion }, HttpStatusCode.NoContent);
            // Twelve days before its date: opening it now is a rescheduling (KZRU-09), refused without a reason.
            await AssertProblemAsync(kzSecretary, HttpMethod.Post, $"/api/v1/sessions/{sessionId}/start", new { version = await SessionVersionAsync(kzSecretary, sessionId) }, HttpStatusCode.UnprocessableEntity, "KZRU-09");
            await SendAsync(kzSecretary, HttpMethod.Post, $"/api/v1/sessions/{sessionId}/start", new { version = await SessionVersionAsync(kzSecretary, sessionId), reason = "Перенос по согласованию сопредседателей" }, HttpStatusCode.NoContent);
            Assert.Equal("Перенос по согласованию сопредседателей", await app.QueryAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.RescheduleReason).SingleAsync()));
            Assert.Equal(SessionState.InProgress, await app.QueryAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.State).SingleAsync()));

            // Attendance: the eight voters with a sign-in, then members without one, up to 17 — one short of quorum (18 of 27).
            var live = await kzSecretary.Client.GetFromJsonAsync<JsonElement>($"/api/v1/sessions/{sessionId}/live");
            var withSignIn = names.Where(n => n != "kz.representative").Select(n => callers[n].MembershipId).ToList();
            var others = live.GetProperty("register").EnumerateArray()
                .Select(r => r.GetProperty("entry"))
                .Where(e => e.GetProperty("role").GetString() != "Representative")
                .Select(e => e.GetProperty("membershipId").GetGuid())
                .Where(id => !withSignIn.Contains(id))
                .ToList();
            var sideOf = live.GetProperty("register").EnumerateArray()
                .ToDictionary(r => r.GetProperty("entry").GetProperty("membershipId").GetGuid(), r => r.GetProperty("sideCode").GetString());
            var present = withSignIn.Concat(others.Take(10)).ToList();
            Assert.Equal(18, present.Count);
            // KZRU-07: each side's secretary registers their own side's people; the other side's secretary is refused.
            Caller SecretaryOf(Guid membershipId) => sideOf[membershipId] == "KZ" ? kzSecretary : callers["ru.secretary"];
            var ruPerson = present.First(id => sideOf[id] == "RU");
            await AssertProblemAsync(kzSecretary, HttpMethod.Put, $"/api/v1/sessions/{sessionId}/attendance/{ruPerson}", new { mode = "InPerson" }, HttpStatusCode.Forbidden, "KZRU-07");
            foreach (var membershipId in present.Take(17))
            {
                await SendAsync(SecretaryOf(membershipId), HttpMethod.Put, $"/api/v1/sessions/{sessionId}/attendance/{membershipId}", new { mode = "InPerson" }, HttpStatusCode.NoContent);
            }

            await SendAsync(callers["kz.representative"], HttpMethod.Post, $"/api/v1/sessions/{sessionId}/check-in", new { mode = "InPerson" }, HttpStatusCode.NoContent);
            await AssertProblemAsync(callers["kz.member"], HttpMethod.Put, $"/api/v1/sessions/{sessionId}/attendance/{others[0]}", new { mode = "InPerson" }, HttpStatusCode.Forbidden, "KZRU-07");
            live = await callers["kz.cochair"].Client.GetFromJsonAsync<JsonElement>($"/api/v1/sessions/{sessionId}/live");
            Assert.False(live.GetProperty("quorum").GetProperty("isMet").GetBoolean());
            Assert.Equal(17, live.GetProperty("quorum").GetProperty("present").GetInt32());
            await AssertProblemAsync(callers["kz.cochair"], HttpMethod.Post, $"/api/v1/sessions/{sessionId}/ballots", new { agendaItemId = itemId }, HttpStatusCode.UnprocessableEntity, "KZRU-16");
            Assert.Equal(0, await app.QueryAsync(db => db.Ballots.CountAsync(b => b.SessionId == sessionId)));

            await SendAsync(SecretaryOf(present[17]), HttpMethod.Put, $"/api/v1/sessions/{sessionId}/attendance/{present[17]}", new { mode = "InPerson" }, HttpStatusCode.NoContent);
            var opened = await SendAsync(callers["kz.cochair"], HttpMethod.Post, $"/api/v1/sessions/{sessionId}/ballots", new { agendaItemId = itemId }, HttpStatusCode.Created);
            var ballotId = opened.GetProperty("id").GetGuid();

            // The representative does not vote (KZRU-15); a member may not vote for another (KZRU-17).
            await AssertProblemAsync(callers["kz.representative"], HttpMethod.Post, $"/api/v1/ballots/{ballotId}/votes", new { choice = "For" }, HttpStatusCode.Forbidden, "KZRU-15");
            await AssertProblemAsync(callers["kz.member"], HttpMethod.Post, $"/api/v1/ballots/{ballotId}/votes", new { choice = "For", forMembershipId = others[0] }, HttpStatusCode.Forbidden, "KZRU-17");

            // Voters with a sign-in cast; kz.member's cast is retried with the same key and counts once. kz.deputy votes against.
            foreach (var name in names.Where(n => n != "kz.representative"))
            {
                var choice = name == "kz.deputy" ? "Against" : "For";
                var cast = await SendAsync(callers[name], HttpMethod.Post, $"/api/v1/ballots/{ballotId}/votes", new { choice }, HttpStatusCode.OK, $"vote-{name}");
                Assert.Equal(choice, cast.GetProperty("choice").GetString());
            }

            var retried = await SendAsync(callers["kz.member"], HttpMethod.Post, $"/api/v1/ballots/{ballotId}/votes", new { choice = "For" }, HttpStatusCode.OK, "vote-kz.member");
            Assert.Equal("For", retried.GetProperty("choice").GetString());

            // The other ten, without a sign-in, vote by show of hands; the secretary records them: four for, six against.
            for (var i = 0; i < 10; i++)
            {
                // KZRU-17: each side's secretary records its own side's members.
                var recorder = sideOf[others[i]] == "KZ" ? kzSecretary : callers["ru.secretary"];
                await SendAsync(recorder, HttpMethod.Post, $"/api/v1/ballots/{ballotId}/votes", new { choice = i < 4 ? "For" : "Against", forMembershipId = others[i] }, HttpStatusCode.OK, $"hands-{i}");
            }

            Assert.Equal(18, await app.QueryAsync(db => db.Votes.CountAsync(v => v.BallotId == ballotId)));
            await AssertProblemAsync(callers["kz.member"], HttpMethod.Post, $"/api/v1/ballots/{ballotId}/close", null, HttpStatusCode.Forbidden, "KZRU-10");
            await SendAsync(callers["kz.cochair"], HttpMethod.Post, $"/api/v1/ballots/{ballotId}/close?confirmMissingVotes=true", null, HttpStatusCode.NoContent);
            await AssertProblemAsync(callers["ru.member"], HttpMethod.Post, $"/api/v1/ballots/{ballotId}/votes", new { choice = "Against" }, HttpStatusCode.UnprocessableEntity, "KZRU-17");

            // The majority may not dissent (KZRU-19); the deputy who voted against does, once, even when the client retries.
            await AssertProblemAsync(callers["ru.member"], HttpMethod.Post, $"/api/v1/ballots/{ballotId}/dissents", new { language = "ru", text = "Не согласен." }, HttpStatusCode.UnprocessableEntity, "KZRU-19");
            var dissent = new { language = "ru", text = "Программа испытаний ещё не готова." };
            var first = await SendAsync(callers["kz.deputy"], HttpMethod.Post, $"/api/v1/ballots/{ballotId}/dissents", dissent, HttpStatusCode.Created, "dissent-1");
            var second = await SendAsync(callers["kz.deputy"], HttpMethod.Post, $"/api/v1/ballots/{ballotId}/dissents", dissent, HttpStatusCode.Created, "dissent-1");
            Assert.Equal(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());

            var ballot = await callers["ru.member"].Client.GetFromJsonAsync<JsonElement>($"/api/v1/ballots/{ballotId}");
            Assert.Equal("Closed", ballot.GetProperty("state").GetString());
            Assert.True(ballot.GetProperty("adopted").GetBoolean());
            Assert.Equal(11, ballot.GetProperty("tally").GetProperty("for").GetInt32());
            Assert.Equal(7, ballot.GetProperty("tally").GetProperty("against").GetInt32());
            var rollCall = ballot.GetProperty("rollCall").EnumerateArray().ToList();
            Assert.Equal(18, rollCall.Count);
            Assert.Equal(10, rollCall.Count(r => r.GetProperty("recordedBySecretary").GetBoolean()));
            Assert.Equal("For", rollCall.Single(r => r.GetProperty("membershipId").GetGuid() == callers["kz.member"].MembershipId).GetProperty("choice").GetString());
            Assert.Single(ballot.GetProperty("dissents").EnumerateArray());
            await SendAsync(kzSecretary, HttpMethod.Get, $"/api/v1/ballots/{Guid.NewGuid()}", null, HttpStatusCode.NotFound);

            // Materials (KZRU-13): the secretary uploads a PDF for the item (a retry with the key is the same upload); a member downloads it.
            var pdfBytes = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
            JsonElement uploaded = default;
            for (var attempt = 0; attempt < 2; attempt++)
            {
                using var form = new MultipartFormDataContent();
                var part = new ByteArrayContent(pdfBytes);
                part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
                form.Add(part, "file", "programme.pdf");
                form.Add(new StringContent("Программа испытаний"), "title");
                using var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sessions/{sessionId}/items/{itemId}/materials") { Content = form };
                upload.Headers.Add("Idempotency-Key", "upload-1");
                using var uploadResponse = await kzSecretary.Client.SendAsync(upload);
                var uploadText = await uploadResponse.Content.ReadAsStringAsync();
                Assert.True(uploadResponse.StatusCode == HttpStatusCode.Created, uploadText);
                await AssertLocationReadableAsync(kzSecretary.Client, uploadResponse, $"upload, attempt {attempt + 1}");
                uploaded = JsonDocument.Parse(uploadText).RootElement.Clone();
            }

            Assert.Equal(1, await app.QueryAsync(db => db.Materials.CountAsync(m => m.SessionId == sessionId)));
            var materialId = uploaded.GetProperty("materialId").GetGuid();
            var downloaded = await callers["ru.member"].Client.GetByteArrayAsync(new Uri($"/api/v1/sessions/{sessionId}/materials/{materialId}", UriKind.Relative));
            Assert.Equal(pdfBytes, downloaded);
            var pack = await callers["ru.member"].Client.GetFromJsonAsync<JsonElement>($"/api/v1/sessions/{sessionId}/materials");
            Assert.Single(pack.GetProperty("materials").EnumerateArray());

            // The adopted vote is a decision (short route, KZRU-21): secretaries sign, co-chairs approve, the PDF is issued and verifiable.
            var decisions = await kzSecretary.Client.GetFromJsonAsync<JsonElement>($"/api/v1/sessions/{sessionId}/decisions");
            var firstVersionId = decisions.EnumerateArray().Single().GetProperty("id").GetGuid();
            await AssertProblemAsync(callers["kz.member"], HttpMethod.Post, $"/api/v1/decisions/{firstVersionId}/start-signing", null, HttpStatusCode.Forbidden, "KZRU-22");
            // A correction (a new version) before signing; KZRU-23 for decisions is DocumentLanguageTests'.
            var corrected = await SendAsync(kzSecretary, HttpMethod.Post, $"/api/v1/decisions/{firstVersionId}/corrections", new
            {
                titleKk = "Ұшу сынақтарының бағдарламасы туралы",
                titleRu = "О программе лётных испытаний",
                textKk = "Ұшу сынақтарының бағдарламасын мақұлдау.",
                textRu = "Одобрить программу лётных испытаний.",
                reason = "Добавлен текст на казахском языке (KZRU-23)",
            }, HttpStatusCode.Created);
            var decisionId = corrected.GetProperty("id").GetGuid();
            var started = await SendAsync(kzSecretary, HttpMethod.Post, $"/api/v1/decisions/{decisionId}/start-signing", null, HttpStatusCode.OK);
            var contentHash = started.GetProperty("contentHash").GetString();
            var sign = new { contentHash, confirmation = "Demo-Password-2026" };
            await AssertProblemAsync(callers["kz.cochair"], HttpMethod.Post, $"/api/v1/decisions/{decisionId}/approvals", sign, HttpStatusCode.UnprocessableEntity, "KZRU-21");
            await AssertProblemAsync(callers["kz.member"], HttpMethod.Post, $"/api/v1/decisions/{decisionId}/signatures", sign, HttpStatusCode.UnprocessableEntity, "KZRU-21");
            await AssertProblemAsync(callers["kz.representative"], HttpMethod.Post, $"/api/v1/decisions/{decisionId}/signatures", sign, HttpStatusCode.Forbidden, "KZRU-15");
            var wrongPassword = await SendAsync(kzSecretary, HttpMethod.Post, $"/api/v1/decisions/{decisionId}/signatures", new { contentHash, confirmation = "nope" }, HttpStatusCode.BadRequest);
            Assert.True(wrongPassword.GetProperty("errors").TryGetProperty("confirmation", out _) || wrongPassword.GetProperty("errors").TryGetProperty("Confirmation", out _), wrongPassword.ToString());
            var signed = await SendAsync(kzSecretary, HttpMethod.Post, $"/api/v1/decisions/{decisionId}/signatures", sign, HttpStatusCode.OK, "sign-1");
            Assert.True(signed.GetProperty("recorded").GetBoolean());
            var replayed = await SendAsync(kzSecretary, HttpMethod.Post, $"/api/v1/decisions/{decisionId}/signatures", sign, HttpStatusCode.OK, "sign-1");
            Assert.True(replayed.GetProperty("recorded").GetBoolean()); // the first answer, replayed
            var twice = await SendAsync(kzSecretary, HttpMethod.Post, $"/api/v1/decisions/{decisionId}/signatures", sign, HttpStatusCode.OK);
            Assert.False(twice.GetProperty("recorded").GetBoolean()); // signing twice does nothing
            Assert.DoesNotContain(await app.QueryAsync(db => db.IdempotencyRecords.Select(r => r.RequestFingerprint + " " + System.Text.Encoding.UTF8.GetString(r.Body)).ToListAsync()),
                row => row.Contains("Demo-Password-2026", StringComparison.Ordinal));
            await SendAsync(callers["ru.secretary"], HttpMethod.Post, $"/api/v1/decisions/{decisionId}/signatures", sign, HttpStatusCode.OK);
            await SendAsync(callers["kz.cochair"], HttpMethod.Post, $"/api/v1/decisions/{decisionId}/approvals", sign, HttpStatusCode.OK);
            var issued = await SendAsync(callers["ru.cochair"], HttpMethod.Post, $"/api/v1/decisions/{decisionId}/approvals", sign, HttpStatusCode.OK);
            Assert.Equal("Issued", issued.GetProperty("state").GetString());
            var decision = await callers["ru.member"].Client.GetFromJsonAsync<JsonElement>($"/api/v1/decisions/{decisionId}");
            Assert.Equal(4, decision.GetProperty("signatures").EnumerateArray().Count(x => x.GetProperty("signedAt").ValueKind != JsonValueKind.Null));
            using var pdfResponse = await callers["ru.member"].Client.GetAsync(new Uri($"/api/v1/decisions/{decisionId}/pdf", UriKind.Relative));
            Assert.Equal("application/pdf", pdfResponse.Content.Headers.ContentType?.MediaType);
            var decisionPdf = await pdfResponse.Content.ReadAsByteArrayAsync();
            var pdfText = PdfTools.Text(decisionPdf);
            Assert.Contains("Одобрить программу лётных испытаний", pdfText);
            Assert.Contains("Ұшу сынақтарының бағдарламасын мақұлдау", pdfText);
            Assert.Contains("Программа испытаний ещё не готова", pdfText); // the dissenting opinion, annexed

            var agendaPdf = await callers["ru.member"].Client.GetByteArrayAsync(new Uri($"/api/v1/sessions/{sessionId}/agenda.pdf", UriKind.Relative));
            Assert.Contains("О программе лётных испытаний", PdfTools.Text(agendaPdf));
            var minutesPdf = await callers["ru.member"].Client.GetByteArrayAsync(new Uri($"/api/v1/sessions/{sessionId}/minutes.pdf", UriKind.Relative));
            Assert.Contains("п. 10 Положения", PdfTools.Text(minutesPdf)); // the quorum clause in words, not the rule id

            using var anonymous = app.CreateClient();
            var publicFacts = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/verify/decisions/{decisionId}");
            Assert.Equal("Issued", publicFacts.GetProperty("state").GetString());
            Assert.Equal(JsonValueKind.Null, publicFacts.GetProperty("titleRu").ValueKind);
            using var check = new ByteArrayContent(decisionPdf);
            check.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            using var verdictResponse = await anonymous.PostAsync(new Uri($"/api/v1/verify/document?decisionId={decisionId}", UriKind.Relative), check);
            var verdictText = await verdictResponse.Content.ReadAsStringAsync();
            Assert.True(verdictResponse.IsSuccessStatusCode, verdictText);
            var verdict = JsonDocument.Parse(verdictText).RootElement;
            Assert.True(verdict.GetProperty("authentic").GetBoolean());
            decisionPdf[decisionPdf.Length / 2] ^= 0x01;
            using var tamperedCheck = new ByteArrayContent(decisionPdf);
            tamperedCheck.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            var tamperedVerdict = await (await anonymous.PostAsync(new Uri("/api/v1/verify/document", UriKind.Relative), tamperedCheck)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(tamperedVerdict.GetProperty("authentic").GetBoolean());
            var byHash = await (await anonymous.PostAsJsonAsync(new Uri("/api/v1/verify/hash", UriKind.Relative), new { sha256 = decision.GetProperty("issued").GetProperty("sha256").GetString() })).Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(byHash.GetProperty("authentic").GetBoolean());

            // A revoked token is refused at once.
            await SendAsync(callers["kz.member"], HttpMethod.Delete, $"/api/v1/tokens/{callers["kz.member"].TokenId}", null, HttpStatusCode.NoContent);
            using var refused = await callers["kz.member"].Client.GetAsync(new Uri($"/api/v1/sessions/{sessionId}/live", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        finally
        {
            foreach (var caller in callers.Values)
            {
                caller.Dispose();
            }
        }
    }
}
