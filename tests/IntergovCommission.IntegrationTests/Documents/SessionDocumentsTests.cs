using System.Net;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;
using IntergovCommission.IntegrationTests.Account;
using IntergovCommission.IntegrationTests.Materials;
using IntergovCommission.IntegrationTests.Sessions;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Agenda;
using IntergovCommission.Web.Features.Documents;
using IntergovCommission.Web.Features.Live;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IntergovCommission.IntegrationTests.Sessions.SessionSteps;

namespace IntergovCommission.IntegrationTests.Documents;

/// <summary>
/// The approved agenda (KZRU-11) and the minutes (KZRU-10, 14-17, 19, 20) as bilingual PDFs,
/// downloaded from the session page over HTTP and read back with pdftotext.
/// </summary>
public sealed class SessionDocumentsTests
{
    private const string KazakhLetters = "әғқңөұүһі";

    /// <summary>KZRU-19: written in Kazakh; holds every Kazakh-specific letter.</summary>
    private const string KazakhDissent =
        "Әуе-ғарыш кешенінің қауіпсіздігі туралы қорытынды әлі дайын емес; шаһардағы өңірлік сарапшылар үшін мерзім жеткіліксіз, сондықтан мәселені қайта қарауды ұсынамын.";

    private static readonly (string Kk, string Ru)[] Titles =
    [
        ("Ұшу сынақтарының бағдарламасы туралы", "О программе лётных испытаний"),
        ("Телеметрия деректерімен алмасу тәртібі туралы", "О порядке обмена телеметрической информацией"),
        ("Ұшыру кешенін пайдалануға беру туралы", "О вводе в эксплуатацию стартового комплекса"),
        ("Келесі отырыстың күні туралы", "О дате следующего заседания"),
    ];

    private sealed record Held(Guid SessionId, int Number, IReadOnlyList<Guid> Items, int VotersPresent, GetLiveSession.Result Live);

    /// <summary>
    /// A session taken through the real use cases: four items approved by both co-chairs, an invited
    /// person; attendance with one member on video, one represented, one absent; item 1 adopted with a
    /// Kazakh dissent, item 2 rejected, item 3 referred to an expert group, item 4 not put to vote; closed.
    /// </summary>
    private static async Task<Held> HeldSessionAsync(TestApp app)
    {
        var sessionId = await CreateSessionAsync(app, 12);
        foreach (var (kk, ru) in Titles)
        {
            await app.SendAsAsync("kz.secretary", new SaveAgendaItem.Command
            {
                SessionId = sessionId, Version = await RowVersionAsync(app, sessionId),
                // The first item's speaker is also given in Kazakh; the others print the one text in both columns.
                TitleKk = kk, TitleRu = ru, Rapporteurs = "Касымов Н.", RapporteursKk = kk == Titles[0].Kk ? "Қасымов Н." : null, DecisionKind = DecisionKind.Other,
                DraftDecisionKk = "Мақұлдансын.", DraftDecisionRu = "Одобрить.",
            });
        }

        var items = await app.QueryAsync(db => db.AgendaItems.Where(i => i.SessionId == sessionId).OrderBy(i => i.Position).Select(i => i.Id).ToListAsync());
        await app.SendAsAsync("kz.secretary", new SaveInvitee.Command
        {
            SessionId = sessionId, Version = await RowVersionAsync(app, sessionId),
            FullName = "Ерболат Құдайбергенов", Organisation = "АО «Байтерек»", OrganisationKk = "«Бәйтерек» АҚ",
            Topics = "Готовность стартового комплекса", TopicsKk = "Ұшыру кешенінің дайындығы", ItemIds = [items[2]],
        });
        await SendForApprovalAsync(app, sessionId);
        await ApproveAsync(app, sessionId, "kz.cochair");
        await ApproveAsync(app, sessionId, "ru.cochair");
        await app.SendAsAsync("kz.secretary", new ChangeSessionState.Command { SessionId = sessionId, Version = await RowVersionAsync(app, sessionId), Step = SessionStep.Start, Reason = "Перенос: заседание проводится ранее назначенной даты" });

        await LiveScenario.RegisterEveryoneAsync(app, sessionId);
        var roster = await LiveScenario.RosterAsync(app);
        var byName = await MembershipsByRussianNameAsync(app);
        var kzMember = roster.Single(r => r.UserName == "kz.member").MembershipId;
        await app.SendAsAsync(await LiveScenario.SecretaryOfSideAsync(app, kzMember), new RegisterAttendance.Command { SessionId = sessionId, MembershipId = kzMember, Mode = AttendanceMode.Video });
        await app.SendAsAsync(await LiveScenario.SecretaryOfSideAsync(app, byName["Самал Ержанова"]), new RegisterAttendance.Command { SessionId = sessionId, MembershipId = byName["Самал Ержанова"], Mode = AttendanceMode.Represented, RepresentativeName = "Мәди Жұмабеков" });
        await app.SendAsAsync(await LiveScenario.SecretaryOfSideAsync(app, byName["Юлия Орлова"]), new RegisterAttendance.Command { SessionId = sessionId, MembershipId = byName["Юлия Орлова"], Mode = AttendanceMode.Absent });

        var voters = roster.Where(r => r.Role != CommissionRole.Representative && r.MembershipId != byName["Самал Ержанова"] && r.MembershipId != byName["Юлия Орлова"]).ToList();
        var adopted = await VoteAsync(app, sessionId, items[0], voters, r => r.UserName switch
        {
            "kz.member" => VoteChoice.Against,
            "ru.member" => VoteChoice.Abstain,
            _ => VoteChoice.For,
        });
        await VoteAsync(app, sessionId, items[1], voters, r => r.UserName == "kz.cochair" ? VoteChoice.For : VoteChoice.Against);
        await app.SendAsAsync("kz.member", new SubmitDissent.Command { BallotId = adopted, Language = "kk", Text = KazakhDissent });
        await app.SendAsAsync("kz.cochair", new ReferToExpertGroup.Command
        {
            SessionId = sessionId, AgendaItemId = items[2], Task = "Подготовить согласованный проект решения.",
            Deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), MemberIds = [kzMember, roster.Single(r => r.UserName == "ru.member").MembershipId],
        });
        var live = await app.SendAsAsync("kz.member", new GetLiveSession.Query(sessionId));
        await app.SendAsAsync("kz.secretary", new ChangeSessionState.Command { SessionId = sessionId, Version = await RowVersionAsync(app, sessionId), Step = SessionStep.Close });
        var number = await app.QueryAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Number).SingleAsync());
        return new Held(sessionId, number, items, voters.Count, live);
    }

    private static async Task<Guid> VoteAsync(TestApp app, Guid sessionId, Guid itemId, IReadOnlyList<RosterEntry> voters, Func<RosterEntry, VoteChoice> choice)
    {
        var ballotId = await app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
        foreach (var voter in voters)
        {
            var command = voter.UserName is null
                ? new CastVote.Command { BallotId = ballotId, Choice = choice(voter), ForMembershipId = voter.MembershipId }
                : new CastVote.Command { BallotId = ballotId, Choice = choice(voter) };
            await app.SendAsAsync(voter.UserName ?? await LiveScenario.SecretaryOfSideAsync(app, voter.MembershipId), command);
        }

        await app.SendAsAsync("kz.cochair", new CloseBallot.Command(ballotId, ConfirmMissingVotes: true));
        return ballotId;
    }

    private static async Task<Dictionary<string, Guid>> MembershipsByRussianNameAsync(TestApp app)
    {
        var rows = await app.QueryAsync(db => db.Memberships.Where(m => m.EndedOn == null)
            .Join(db.People, m => m.PersonId, p => p.Id, (m, p) => new { m.Id, p.FullName }).ToListAsync());
        return rows.Where(r => r.FullName.Ru is not null).ToDictionary(r => r.FullName.Ru!, r => r.Id);
    }

    private static async Task<(HttpResponseMessage Response, byte[] Body)> DownloadAsync(TestApp app, string user, string url)
    {
        var client = HttpTests.NewClient(app);
        Assert.True(await HttpTests.SignInAsync(client, user, DemoDataSeeder.DemoPassword));
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private static void AssertPdfAttachment(HttpResponseMessage response, string fileName)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task Minutes_pdf_holds_attendance_quorum_KZRU_16_each_outcome_tally_decision_number_and_the_dissent_in_full()
    {
        await using var app = await TestApp.CreateAsync();
        var held = await HeldSessionAsync(app);

        var (response, pdf) = await DownloadAsync(app, "kz.member", $"/Sessions/Details/{held.SessionId}?handler=MinutesPdf");
        AssertPdfAttachment(response, $"minutes-session-{held.Number}.pdf");
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var text = PdfTools.Text(pdf);

        // Both languages' headings.
        var kk = Column(pdf, russian: false);
        var ru = Column(pdf, russian: true);
        Assert.Contains($"Мемлекетаралық комиссия отырысының № {held.Number} ХАТТАМАСЫ", kk, StringComparison.Ordinal);
        // Each column prints the place in its own language (the Kazakh form given with the session).
        Assert.Contains("Астана қ., Аэроғарыш комитеті", kk, StringComparison.Ordinal);
        Assert.DoesNotContain("Astana, Aerospace Committee", kk, StringComparison.Ordinal);
        Assert.Contains("Astana, Aerospace Committee", ru, StringComparison.Ordinal);
        Assert.Contains($"ПРОТОКОЛ № {held.Number} заседания Межгосударственной комиссии", ru, StringComparison.Ordinal);
        Assert.Contains("ҚАТЫСҚАНДАР:", text, StringComparison.Ordinal);
        Assert.Contains("ПРИСУТСТВОВАЛИ:", text, StringComparison.Ordinal);
        Assert.Contains("1. ТЫҢДАЛДЫ:", text, StringComparison.Ordinal);
        Assert.Contains("1. СЛУШАЛИ:", text, StringComparison.Ordinal);
        Assert.Contains("ШЕШІЛДІ:", text, StringComparison.Ordinal);
        Assert.Contains("РЕШИЛИ:", text, StringComparison.Ordinal);
        // Attendance (KZRU-14/15): names in their Kazakh and Russian forms, sides in both languages, the modes.
        foreach (var name in new[] { "Нұрлан Қасымов", "Нурлан Касымов", "Дина Серікқызы", "Ольга Миронова", "Ерлан Жақсылықов", "Юлия Орлова", "Самал Ержанова" })
        {
            Assert.Contains(name, text, StringComparison.Ordinal);
        }

        Assert.Contains("Қазақстан Республикасы", text, StringComparison.Ordinal);
        Assert.Contains("Российская Федерация", text, StringComparison.Ordinal);
        Assert.Contains("В режиме видеоконференции", text, StringComparison.Ordinal);
        Assert.Contains("Отсутствовал(а)", text, StringComparison.Ordinal);
        Assert.Contains("Представитель: Мәди Жұмабеков", text, StringComparison.Ordinal);
        // An invitee is not on the register of members; the minutes list them among the invited persons.
        Assert.Contains("ШАҚЫРЫЛҒАН ТҰЛҒАЛАР:", text, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "Ерболат Құдайбергенов"));
        Assert.Contains("«Бәйтерек» АҚ", text, StringComparison.Ordinal);
        Assert.Contains("АО «Байтерек»", text, StringComparison.Ordinal);
        // KZRU-16: the quorum line the live screen showed, in the Regulation's words (cl. 10), no internal code.
        var q = held.Live.Quorum;
        Assert.True(q.IsMet);
        Assert.Equal(held.VotersPresent, q.Present);
        var members = IntergovCommission.Documents.Plural.Ru(q.Total, "члена", "членов", "членов");
        Assert.Contains($"Заседание правомочно: присутствуют {q.Present} из {q.Total} {members} с правом голоса (необходимо не менее {q.Required}, п. 10 Положения).", ru, StringComparison.Ordinal);
        Assert.Contains($"Отырыс заңды: дауыс беру құқығы бар {q.Total} мүшенің {q.Present} мүшесі қатысты (кемінде {q.Required} қажет, Ереженің 10-тармағы).", kk, StringComparison.Ordinal);
        Assert.DoesNotContain("KZRU", text, StringComparison.Ordinal);
        // KZRU-10: both co-chairs present, so both preside; each column names them in its language.
        Assert.Contains("Нұрлан Қасымов, Дмитрий Баранов", kk, StringComparison.Ordinal);
        Assert.Contains("Нурлан Касымов, Дмитрий Баранов", ru, StringComparison.Ordinal);
        Assert.Contains("Председательствующий _____________ Н. Касымов", ru, StringComparison.Ordinal);
        Assert.Contains("Төрағалық етуші _____________ Н. Қасымов", kk, StringComparison.Ordinal);
        // Each item with its outcome (KZRU-17, KZRU-20), the final round's tally, the decision number.
        Assert.Contains("1. СЛУШАЛИ: О программе лётных испытаний", ru, StringComparison.Ordinal);
        Assert.Contains("1. ТЫҢДАЛДЫ: Ұшу сынақтарының бағдарламасы туралы", kk, StringComparison.Ordinal);
        Assert.Contains($"Голосовали: «за» — {held.VotersPresent - 2}, «против» — 1, «воздержались» — 1.", ru, StringComparison.Ordinal);
        Assert.Contains($"Дауыс беру нәтижелері: «жақтап» — {held.VotersPresent - 2}, «қарсы» — 1, «қалыс қалды» — 1.", kk, StringComparison.Ordinal);
        Assert.Contains($"Принять решение № {DecisionNumbering.For(held.Number, 1)} (прилагается).", ru, StringComparison.Ordinal);
        Assert.Contains($"№ {DecisionNumbering.For(held.Number, 1)} шешім қабылдансын (қоса беріледі).", kk, StringComparison.Ordinal);
        Assert.Contains($"Голосовали: «за» — 1, «против» — {held.VotersPresent - 1}, «воздержались» — 0.", ru, StringComparison.Ordinal);
        Assert.Contains("Решение не принято.", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"решение № {DecisionNumbering.For(held.Number, 2)}", text, StringComparison.Ordinal);
        Assert.Contains("Передать вопрос экспертной группе для подготовки согласованного решения (п. 10 Положения).", ru, StringComparison.Ordinal);
        Assert.Contains("Вопрос на голосование не ставился.", text, StringComparison.Ordinal);
        // KZRU-19: the dissent in full, in Kazakh, letters intact.
        Assert.Contains("Ерекше пікір · Особое мнение: Ерлан Жақсылықов · Ерлан Жаксылыков", text, StringComparison.Ordinal);
        Assert.Contains(KazakhDissent, text, StringComparison.Ordinal);
        foreach (var letter in KazakhLetters)
        {
            Assert.Contains(letter.ToString(), text, StringComparison.Ordinal);
        }

        // The footer carries the content hash, the same on every download of the same data.
        var file = await app.SendAsAsync("ru.secretary", new GetMinutesPdf.Query(held.SessionId));
        Assert.Matches("^[0-9a-f]{64}$", file.ContentHash);
        Assert.Contains($"SHA-256 {file.ContentHash[..16]}", text, StringComparison.Ordinal);
        Assert.Equal(file.ContentHash, (await app.SendAsAsync("admin", new GetMinutesPdf.Query(held.SessionId))).ContentHash);
    }

    [Fact]
    public async Task Agenda_pdf_is_the_approved_agenda_with_invited_persons_and_both_co_chairs_approvals_KZRU_11()
    {
        await using var app = await TestApp.CreateAsync();
        var held = await HeldSessionAsync(app);

        var (response, pdf) = await DownloadAsync(app, "ru.member", $"/Sessions/Details/{held.SessionId}?handler=AgendaPdf");
        AssertPdfAttachment(response, $"agenda-session-{held.Number}.pdf");
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var text = PdfTools.Text(pdf);

        Assert.Contains("КҮН ТӘРТІБІ", text, StringComparison.Ordinal);
        Assert.Contains("ПОВЕСТКА ДНЯ", text, StringComparison.Ordinal);
        Assert.Contains("УТВЕРЖДЕНА сопредседателями Межгосударственной комиссии", Column(pdf, russian: true), StringComparison.Ordinal);
        Assert.Contains("Мемлекетаралық комиссияның тең төрағалары БЕКІТКЕН", Column(pdf, russian: false), StringComparison.Ordinal);
        Assert.DoesNotContain("ПРОЕКТ", text, StringComparison.Ordinal);
        Assert.Contains("ШАҚЫРЫЛҒАН ТҰЛҒАЛАР", text, StringComparison.Ordinal);
        for (var i = 0; i < Titles.Length; i++)
        {
            Assert.Contains($"{i + 1}. {Titles[i].Kk}", text, StringComparison.Ordinal);
            Assert.Contains($"{i + 1}. {Titles[i].Ru}", text, StringComparison.Ordinal);
        }

        Assert.Contains("Докладчик: Касымов Н.", text, StringComparison.Ordinal);
        // Each column prints the speaker in its own language where the Kazakh form was given, the one text otherwise.
        Assert.Contains("Баяндамашы: Қасымов Н.", text, StringComparison.Ordinal);
        Assert.Contains("Баяндамашы: Касымов Н.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Докладчик: Қасымов Н.", text, StringComparison.Ordinal);
        Assert.Contains("Ерболат Құдайбергенов", text, StringComparison.Ordinal);
        // The organisation and topics in Kazakh above the Russian ones.
        Assert.Contains("«Бәйтерек» АҚ", text, StringComparison.Ordinal);
        Assert.Contains("АО «Байтерек»", text, StringComparison.Ordinal);
        Assert.Contains("Ұшыру кешенінің дайындығы", text, StringComparison.Ordinal);
        Assert.Contains("Готовность стартового комплекса", text, StringComparison.Ordinal);
        Assert.Contains("УТВЕРЖДЕНИЕ СОПРЕДСЕДАТЕЛЯМИ", text, StringComparison.Ordinal);
        Assert.Contains("Нұрлан Қасымов", text, StringComparison.Ordinal);
        Assert.Contains("Нурлан Касымов", text, StringComparison.Ordinal);
        Assert.Contains("Дмитрий Баранов", text, StringComparison.Ordinal);
        Assert.Contains("Республика Казахстан", text, StringComparison.Ordinal);
        Assert.Contains("Ресей Федерациясы", text, StringComparison.Ordinal);
        // Each approval on its own side's clock, with the zone.
        Assert.Contains("(UTC+05:00)", text, StringComparison.Ordinal);
        Assert.Contains("(UTC+03:00)", text, StringComparison.Ordinal);
        var file = await app.SendAsAsync("kz.member", new GetAgendaPdf.Query(held.SessionId));
        Assert.Contains($"SHA-256 {file.ContentHash[..16]}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agenda_pdf_is_refused_with_KZRU_11_until_both_co_chairs_approve_and_minutes_until_the_session_starts()
    {
        await using var app = await TestApp.CreateAsync();
        var sessionId = await CreateSessionAsync(app, 12);
        await AddItemAsync(app, sessionId, "О программе лётных испытаний");
        await SendForApprovalAsync(app, sessionId);
        await ApproveAsync(app, sessionId, "kz.cochair");

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.secretary", new GetAgendaPdf.Query(sessionId)));
        Assert.Equal("KZRU-11", refused.RuleId);
        var noMinutes = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.secretary", new GetMinutesPdf.Query(sessionId)));
        Assert.Equal("KZRU-09", noMinutes.RuleId);

        // On the page: the session page comes back with the refusal in Russian, naming KZRU-11; no PDF.
        var (response, body) = await DownloadAsync(app, "kz.secretary", $"/Sessions/Details/{sessionId}?handler=AgendaPdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = WebUtility.HtmlDecode(System.Text.Encoding.UTF8.GetString(body));
        var number = await app.QueryAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Number).SingleAsync());
        Assert.Contains(WebSession.Text("Documents.Rule.AgendaNotApproved", "ru", number), html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"agenda-pdf-link\"", html, StringComparison.Ordinal);

        await ApproveAsync(app, sessionId, "ru.cochair");
        var file = await app.SendAsAsync("kz.member", new GetAgendaPdf.Query(sessionId));
        Assert.Equal($"agenda-session-{number}.pdf", file.FileName);
        var page = await DownloadAsync(app, "kz.member", $"/Sessions/Details/{sessionId}");
        var pageHtml = System.Text.Encoding.UTF8.GetString(page.Body);
        Assert.Contains($"href=\"/Sessions/Details/{sessionId}?handler=AgendaPdf\"", pageHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"minutes-pdf-link\"", pageHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_of_another_commission_gets_403_and_an_invited_person_is_refused_KZRU_14()
    {
        await using var app = await TestApp.CreateAsync();
        var held = await HeldSessionAsync(app);
        var otherCommission = await app.SendAsAsync("admin", CommissionCreationTests.ValidCommission("OTHER", await AdministrationTests.ProfileIdAsync(app)));
        await CreateMemberUserAsync(app, otherCommission, "other.member");

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("other.member", new GetMinutesPdf.Query(held.SessionId)));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("other.member", new GetAgendaPdf.Query(held.SessionId)));
        var client = HttpTests.NewClient(app);
        Assert.True(await HttpTests.SignInAsync(client, "other.member", OtherPassword));
        foreach (var handler in new[] { "MinutesPdf", "AgendaPdf" })
        {
            using var response = await client.GetAsync(new Uri($"/Sessions/Details/{held.SessionId}?handler={handler}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        }

        var commissionId = await app.QueryAsync(db => db.Sessions.Where(s => s.Id == held.SessionId).Select(s => s.CommissionId).SingleAsync());
        await MaterialTests.CreateInviteeUserAsync(app, commissionId, "guest.expert");
        var invitee = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("guest.expert", new GetMinutesPdf.Query(held.SessionId)));
        Assert.Equal("KZRU-14", invitee.RuleId);
        Assert.Equal("KZRU-14", (await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("guest.expert", new GetAgendaPdf.Query(held.SessionId)))).RuleId);
        Assert.False((await app.SendAsAsync("guest.expert", new GetSession.Query(held.SessionId))).Viewer.ReadsDocuments);

        // The representative reads the session, so downloads too (KZRU-15 takes away the vote, not the papers).
        var representative = await app.SendAsAsync("kz.representative", new GetMinutesPdf.Query(held.SessionId));
        Assert.Equal($"minutes-session-{held.Number}.pdf", representative.FileName);
    }

    private const string OtherPassword = "Other-Password-2026";

    private static async Task CreateMemberUserAsync(TestApp app, Guid commissionId, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissionDbContext>();
        var sideId = await db.Sides.Where(s => s.CommissionId == commissionId).Select(s => s.Id).FirstAsync();
        var person = new Person(Guid.CreateVersion7(), LocalizedText.Of("Әлия Сейітқали", "Алия Сеиткали"), null, null, DateTimeOffset.UtcNow);
        db.People.Add(person);
        db.Memberships.Add(new Membership(Guid.CreateVersion7(), commissionId, sideId, person.Id, CommissionRole.Member,
            new MembershipDetails(LocalizedText.Of(null, "Эксперт"), LocalizedText.Of(null, "Министерство"), LocalizedText.Of(null, "Правительство"), "№ 1", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10)), DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), null)));
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var result = await users.CreateAsync(new AppUser { Id = Guid.CreateVersion7(), UserName = userName, PersonId = person.Id, DisplayName = "Алия Сеиткали", CreatedAt = DateTimeOffset.UtcNow }, OtherPassword);
        Assert.True(result.Succeeded);
    }

    /// <summary>The Kazakh (left) or Russian (right) column of every page, whitespace collapsed: a parallel row reads whole.</summary>
    private static string Column(byte[] pdf, bool russian)
    {
        var result = PdfTools.Run("pdftotext", pdf, "-enc", "UTF-8", "-r", "72", "-x", russian ? "318" : "0", "-y", "0", "-W", russian ? "277" : "318", "-H", "842", "{pdf}", "-");
        Assert.Equal(0, result.ExitCode);
        return string.Join(' ', result.Output.Split((char[])[' ', '\n', '\r', '\t', '\f'], StringSplitOptions.RemoveEmptyEntries));
    }
}
