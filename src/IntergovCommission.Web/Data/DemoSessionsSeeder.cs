using System.Security.Claims;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Features.Agenda;
using IntergovCommission.Web.Features.Decisions;
using IntergovCommission.Web.Features.Live;
using IntergovCommission.Web.Features.Proposals;
using IntergovCommission.Web.Features.Sessions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Data;

/// <summary>
/// The demo's sessions, so that a person trying the app finds every stage at once: a session in
/// progress today (everyone registered, one decision adopted with a dissenting opinion and half-way
/// through its signing route, a vote open on the second item) and the next session with its agenda
/// in preparation and a member's proposal waiting. Made on a fresh demo database only, through the
/// very use cases the pages call, each as the demo user who would do it (so every rule, the audit
/// trail and the notifications apply as they would in the browser).
/// </summary>
public sealed class DemoSessionsSeeder(IServiceProvider services, TimeProvider clock, ILogger<DemoSessionsSeeder> logger)
{
    public const string TimeZone = "Asia/Almaty";

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var commissionId = await QueryAsync(db => db.Commissions.Where(c => c.Code == DemoDataSeeder.CommissionCode).Select(c => c.Id).SingleOrDefaultAsync(ct));
        if (commissionId == Guid.Empty || await QueryAsync(db => db.Sessions.AnyAsync(s => s.CommissionId == commissionId, ct)))
        {
            return;
        }

        // Today's session, a little ahead of now on the Almaty clock, started early by the secretary.
        var local = SessionTime.ToLocal(clock.GetUtcNow().AddHours(1), TimeZone);
        var today = await CreateSessionAsync(commissionId, new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified).AddHours(1), ct);
        await AddItemAsync(today, DecisionKind.Other,
            "О ходе подготовки к первому пуску ракеты-носителя «Союз-5» с космодрома «Байконур»",
            "«Байқоңыр» ғарыш айлағынан «Союз-5» зымыран-тасығышының алғашқы ұшырылымына дайындық барысы туралы",
            "1. Принять к сведению информацию о ходе подготовки к первому пуску.\n2. Сторонам обеспечить завершение комплексных испытаний стартового комплекса до 15 декабря 2026 года.",
            "1. Алғашқы ұшырылымға дайындық барысы туралы ақпарат назарға алынсын.\n2. Тараптар ұшыру кешенінің кешенді сынақтарын 2026 жылғы 15 желтоқсанға дейін аяқтауды қамтамасыз етсін.", ct);
        await AddItemAsync(today, DecisionKind.ProgrammeApprovalOrChange,
            "Об утверждении программы летных испытаний космического ракетного комплекса «Байтерек»",
            "«Бәйтерек» ғарыш зымыран кешенінің ұшу сынақтары бағдарламасын бекіту туралы",
            "Утвердить программу летных испытаний космического ракетного комплекса «Байтерек» (прилагается).",
            "«Бәйтерек» ғарыш зымыран кешенінің ұшу сынақтары бағдарламасы бекітілсін (қоса беріледі).", ct);
        await AsAsync("ru.secretary", new SendAgendaForApproval.Command { SessionId = today, Version = await VersionAsync(today, ct) }, ct);
        foreach (var coChair in new[] { "kz.cochair", "ru.cochair" })
        {
            var agendaVersion = await QueryAsync(db => db.Sessions.Where(s => s.Id == today).Select(s => s.AgendaVersion).SingleAsync(ct));
            await AsAsync(coChair, new AnswerAgenda.Command { SessionId = today, AgendaVersion = agendaVersion, Outcome = ApprovalOutcome.Approved }, ct);
        }

        await AsAsync("kz.secretary", new ChangeSessionState.Command { SessionId = today, Version = await VersionAsync(today, ct), Step = SessionStep.Start, Reason = "Демонстрационные данные: заседание открыто ранее назначенного времени" }, ct);

        // The register: the KZ side in the room, the RU side by video; representatives not here.
        var roster = await QueryAsync(db => (from m in db.Memberships
                                             join s in db.Sides on m.SideId equals s.Id
                                             join u in db.Users on m.PersonId equals u.PersonId into accounts
                                             from u in accounts.DefaultIfEmpty()
                                             where m.CommissionId == commissionId && m.EndedOn == null
                                             orderby m.Role, m.Id
                                             select new { m.Id, m.Role, Side = s.Code, UserName = u == null ? null : u.UserName }).ToListAsync(ct));
        foreach (var person in roster.Where(r => r.Role is not CommissionRole.Representative and not CommissionRole.Invitee))
        {
            // KZRU-07: each side's secretary registers their own side's people.
            await AsAsync(person.Side == "KZ" ? "kz.secretary" : "ru.secretary", new RegisterAttendance.Command
            {
                SessionId = today,
                MembershipId = person.Id,
                Mode = person.Side == "KZ" ? AttendanceMode.InPerson : AttendanceMode.Video,
            }, ct);
        }

        var items = await QueryAsync(db => db.AgendaItems.Where(i => i.SessionId == today).OrderBy(i => i.Position).Select(i => i.Id).ToListAsync(ct));
        var voters = roster.Where(r => r.Role is CommissionRole.Member or CommissionRole.CoChair or CommissionRole.DeputyCoChair).ToList();

        // Item 1: adopted, the RU member against with a dissenting opinion; the secretaries' route
        // (KZRU-21) started, the KZ secretary has signed, the RU secretary is awaited.
        var first = await AsAsync("kz.cochair", new OpenBallot.Command(today, items[0]), ct);
        foreach (var voter in voters)
        {
            var choice = voter.UserName == "ru.member" ? VoteChoice.Against : VoteChoice.For;
            if (voter.UserName is "kz.member" or "ru.member" or "kz.deputy")
            {
                await AsAsync(voter.UserName, new CastVote.Command { BallotId = first, Choice = choice }, ct);
            }
            else
            {
                // KZRU-17: each side's secretary records the votes of its own side's members.
                await AsAsync(voter.Side == "KZ" ? "kz.secretary" : "ru.secretary", new CastVote.Command { BallotId = first, Choice = choice, ForMembershipId = voter.Id }, ct);
            }
        }

        await AsAsync("kz.cochair", new CloseBallot.Command(first, ConfirmMissingVotes: true), ct);
        await AsAsync("ru.member", new SubmitDissent.Command
        {
            BallotId = first,
            Language = "ru",
            Text = "Считаю срок 15 декабря 2026 года недостаточным: до завершения комплексных испытаний необходимо провести повторные огневые испытания двигательной установки.",
        }, ct);
        var decisionId = await QueryAsync(db => db.Decisions.Where(d => d.BallotId == first).Select(d => d.Id).SingleAsync(ct));
        var hash = await AsAsync("kz.secretary", new StartSigning.Command(decisionId), ct);
        await AsAsync("kz.secretary", new SignDecision.Command { DecisionId = decisionId, Kind = SignatureKind.Sign, ContentHash = hash, Confirmation = DemoDataSeeder.DemoPassword }, ct);

        // Item 2: the vote is open; three members have voted, the rest (kz.member among them) have not.
        var second = await AsAsync("kz.cochair", new OpenBallot.Command(today, items[1]), ct);
        await AsAsync("kz.deputy", new CastVote.Command { BallotId = second, Choice = VoteChoice.For }, ct);
        foreach (var voter in voters.Where(v => v.UserName is null).Take(2))
        {
            await AsAsync(voter.Side == "KZ" ? "kz.secretary" : "ru.secretary", new CastVote.Command { BallotId = second, Choice = VoteChoice.For, ForMembershipId = voter.Id }, ct);
        }

        // The next session, in five weeks: its agenda in preparation, a member's proposal waiting for the KZ secretary.
        var nextLocal = SessionTime.ToLocal(clock.GetUtcNow().AddDays(35), TimeZone);
        var next = await CreateSessionAsync(commissionId, new DateTime(nextLocal.Year, nextLocal.Month, nextLocal.Day, 10, 0, 0, DateTimeKind.Unspecified), ct);
        await AddItemAsync(next, DecisionKind.FlightTestStartOrCompletion,
            "О начале летных испытаний космического ракетного комплекса «Байтерек»",
            "«Бәйтерек» ғарыш зымыран кешенінің ұшу сынақтарын бастау туралы",
            "Начать лётные испытания космического ракетного комплекса «Байтерек» пуском ракеты-носителя «Союз-5» с космодрома «Байконур».",
            "«Бәйтерек» ғарыш зымыран кешенінің ұшу сынақтары «Байқоңыр» ғарыш айлағынан «Союз-5» зымыран-тасығышын ұшырумен басталсын.", ct);
        await AsAsync("kz.member", new SubmitProposal.Command
        {
            SessionId = next,
            TitleRu = "О страховании рисков при проведении летных испытаний",
            TitleKk = "Ұшу сынақтарын жүргізу кезіндегі тәуекелдерді сақтандыру туралы",
            RationaleRu = "Порядок страхования ответственности сторон при пусках не согласован.",
            DraftDecisionRu = "Поручить рабочей группе подготовить согласованный порядок страхования рисков до следующего заседания.",
        }, ct);

        // Execution (issue 13): the co-chairs' own assignments (KZRU-05), one of them overdue (its deadline put in the past, as if
        // time had passed), one with a report waiting for the KZ secretary, one counted in working days on the RU calendar.
        var sides = await QueryAsync(db => db.Sides.Where(s => s.CommissionId == commissionId).ToDictionaryAsync(s => s.Code, s => s.Id, ct));
        var kzMember = await QueryAsync(db => db.Users.Where(u => u.UserName == "kz.member").Select(u => u.PersonId).SingleAsync(ct));
        var overdue = await AsAsync("kz.cochair", new Features.Execution.CreateAssignment.Command
        {
            CommissionId = commissionId, SideId = sides["KZ"], Source = Domain.Execution.AssignmentSource.CoChairAct,
            SourceAct = "Поручение сопредседателя с казахстанской стороны",
            TaskRu = "Представить заключение о готовности стартового комплекса «Байтерек»", TaskKk = "«Бәйтерек» старттық кешенінің дайындығы туралы қорытынды ұсыну",
            Organisation = "АО «Национальная компания «Қазақстан Ғарыш Сапары»", ResponsiblePersonId = kzMember, WorkingDays = 5,
        }, ct);
        var dueBefore = DateOnly.FromDateTime(SessionTime.ToLocal(clock.GetUtcNow(), TimeZone)).AddDays(-3);
        await QueryAsync(db => db.Assignments.Where(a => a.Id == overdue.AssignmentId)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.DueOn, dueBefore).SetProperty(a => a.OriginalDueOn, dueBefore).SetProperty(a => a.DeadlineWorkingDays, (int?)null).SetProperty(a => a.DeadlineCountedFrom, (DateOnly?)null).SetProperty(a => a.DeadlineCountry, (string?)null), ct));
        var reported = await AsAsync("kz.cochair", new Features.Execution.CreateAssignment.Command
        {
            CommissionId = commissionId, SideId = sides["KZ"], Source = Domain.Execution.AssignmentSource.CoChairAct, SourceAct = "Поручение сопредседателя с казахстанской стороны",
            TaskRu = "Представить график подготовки расчётов к пуску", Organisation = "Аэрокосмический комитет", ResponsiblePersonId = kzMember, WorkingDays = 10,
        }, ct);
        await AsAsync("kz.member", new Features.Execution.SubmitReport.Command { AssignmentId = reported.AssignmentId, Text = "График подготовлен и направлен письмом." }, ct);
        await AsAsync("ru.cochair", new Features.Execution.CreateAssignment.Command
        {
            CommissionId = commissionId, SideId = sides["RU"], Source = Domain.Execution.AssignmentSource.CoChairAct, SourceAct = "Поручение сопредседателя с российской стороны",
            TaskRu = "Представить материалы о результатах огневых испытаний двигательной установки", Organisation = "Госкорпорация «Роскосмос»", ResponsibleName = "Главный конструктор", WorkingDays = 15,
        }, ct);

        logger.LogInformation("Demo sessions made: one in progress today (a decision awaiting the RU secretary's signature, a vote open), the next in preparation; three assignments under control, one overdue.");
    }

    /// <summary>
    /// The demo council's session held today (CIS profile, seed 002): six of seven states present, Belarus's
    /// substitute with confirmed credentials beside its head, one decision adopted (one vote per state) and
    /// signed by the chair alone, then the session closed. Its other session stays in preparation.
    /// </summary>
    public async Task SeedCouncilAsync(CancellationToken ct = default)
    {
        var councilId = await QueryAsync(db => db.Commissions.Where(c => c.Code == DemoCouncilSeeder.CommissionCode).Select(c => c.Id).SingleOrDefaultAsync(ct));
        if (councilId == Guid.Empty || await QueryAsync(db => db.Sessions.AnyAsync(s => s.CommissionId == councilId && s.State != SessionState.Draft, ct)))
        {
            return;
        }

        var local = SessionTime.ToLocal(clock.GetUtcNow().AddHours(2), TimeZone);
        var created = await AsAsync("cis.secretariat", new CreateSession.Command
        {
            CommissionId = councilId,
            Kind = SessionKind.Extraordinary,
            Format = SessionFormat.InPerson,
            Place = "Минск, Дом правительства",
            StartLocal = new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified),
            TimeZoneId = TimeZone,
        }, ct);
        var sessionId = created.SessionId;
        await AsAsync("cis.secretariat", new SaveAgendaItem.Command
        {
            SessionId = sessionId, Version = await VersionAsync(sessionId, ct),
            TitleRu = "О согласованных мерах поддержки станкостроения",
            Rapporteurs = "Жаксыбеков Е.",
            DecisionKind = DecisionKind.Other,
            DraftDecisionRu = "1. Одобрить согласованные меры поддержки станкостроения государств — участников Совета.\n2. Секретариату Совета направить решение членам Совета.",
        }, ct);
        await AsAsync("cis.secretariat", new SendAgendaForApproval.Command { SessionId = sessionId, Version = await VersionAsync(sessionId, ct) }, ct);
        var agendaVersion = await QueryAsync(db => db.Sessions.Where(x => x.Id == sessionId).Select(x => x.AgendaVersion).SingleAsync(ct));
        await AsAsync("cis.chair", new AnswerAgenda.Command { SessionId = sessionId, AgendaVersion = agendaVersion, Outcome = ApprovalOutcome.Approved }, ct);
        await AsAsync("cis.secretariat", new ChangeSessionState.Command { SessionId = sessionId, Version = await VersionAsync(sessionId, ct), Step = SessionStep.Start, Reason = "Демонстрационные данные: заседание открыто ранее назначенного времени" }, ct);

        var roster = await QueryAsync(db => (from m in db.Memberships
                                             join sd in db.Sides on m.SideId equals sd.Id
                                             where m.CommissionId == councilId && m.EndedOn == null
                                             select new { m.Id, m.Role, Side = sd.Code }).ToListAsync(ct));
        foreach (var person in roster.Where(r => (r.Role == CommissionRole.Member && r.Side != "UZ") || (r.Role == CommissionRole.Substitute && r.Side == "BY")))
        {
            await AsAsync("cis.secretariat", new RegisterAttendance.Command { SessionId = sessionId, MembershipId = person.Id, Mode = AttendanceMode.InPerson }, ct);
        }

        var substitute = roster.Single(r => r.Role == CommissionRole.Substitute && r.Side == "BY").Id;
        await AsAsync("cis.secretariat", new Features.Council.ConfirmCredentials.Command { SessionId = sessionId, MembershipId = substitute, Document = "Доверенность № 17 Министерства промышленности" }, ct);
        var item = await QueryAsync(db => db.AgendaItems.Where(i => i.SessionId == sessionId).Select(i => i.Id).SingleAsync(ct));
        var ballot = await AsAsync("cis.chair", new OpenBallot.Command(sessionId, item), ct);
        foreach (var user in new[] { "cis.chair", "cis.cochair", "cis.kg.head", "cis.ru.head" })
        {
            await AsAsync(user, new CastVote.Command { BallotId = ballot, Choice = VoteChoice.For }, ct);
        }

        await AsAsync("cis.chair", new CloseBallot.Command(ballot, ConfirmMissingVotes: true), ct);
        var decision = await QueryAsync(db => db.Decisions.Where(d => d.BallotId == ballot).Select(d => d.Id).SingleAsync(ct));
        var hash = await AsAsync("cis.secretariat", new StartSigning.Command(decision), ct);
        await AsAsync("cis.chair", new SignDecision.Command { DecisionId = decision, Kind = SignatureKind.Sign, ContentHash = hash, Confirmation = DemoDataSeeder.DemoPassword }, ct);
        await AsAsync("cis.secretariat", new ChangeSessionState.Command { SessionId = sessionId, Version = await VersionAsync(sessionId, ct), Step = SessionStep.Close }, ct);
        logger.LogInformation("Demo council session made: held today, one decision signed by the chair and issued.");
    }

    private async Task<Guid> CreateSessionAsync(Guid commissionId, DateTime startLocal, CancellationToken ct)
    {
        var created = await AsAsync("kz.secretary", new CreateSession.Command
        {
            CommissionId = commissionId,
            Kind = SessionKind.Regular,
            Format = SessionFormat.Mixed,
            Place = "Астана, Аэрокосмический комитет Министерства искусственного интеллекта и цифрового развития Республики Казахстан",
            PlaceKk = "Астана, Қазақстан Республикасы Жасанды интеллект және цифрлық даму министрлігінің Аэроғарыш комитеті",
            ConferenceLink = "https://vc.example.kz/imc",
            StartLocal = startLocal,
            TimeZoneId = TimeZone,
        }, ct);
        return created.SessionId;
    }

    private async Task AddItemAsync(Guid sessionId, DecisionKind kind, string titleRu, string titleKk, string draftRu, string draftKk, CancellationToken ct) =>
        await AsAsync("kz.secretary", new SaveAgendaItem.Command
        {
            SessionId = sessionId,
            Version = await VersionAsync(sessionId, ct),
            TitleRu = titleRu,
            TitleKk = titleKk,
            Rapporteurs = "Касымов Н. Т.",
            RapporteursKk = "Қасымов Н. Т.",
            DecisionKind = kind,
            DraftDecisionRu = draftRu,
            DraftDecisionKk = draftKk,
        }, ct);

    private Task<uint> VersionAsync(Guid sessionId, CancellationToken ct) =>
        QueryAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Version).SingleAsync(ct));

    private async Task<T> QueryAsync<T>(Func<CommissionDbContext, Task<T>> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CommissionDbContext>());
    }

    /// <summary>
    /// Sends a use case through the whole pipeline (validation, authorization, transaction, audit)
    /// as the demo user: its own scope, with a request context signed in as that user, as a page
    /// would have it. Server code only; nothing from outside reaches it.
    /// </summary>
    private async Task<T> AsAsync<T>(string userName, IRequest<T> request, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var userId = await provider.GetRequiredService<CommissionDbContext>().Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(ct);
        var accessor = provider.GetRequiredService<IHttpContextAccessor>();
        var previous = accessor.HttpContext;
        accessor.HttpContext = new DefaultHttpContext
        {
            RequestServices = provider,
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString()), new Claim(ClaimTypes.Name, userName)], "DemoSeed")),
        };
        try
        {
            return await provider.GetRequiredService<IMediator>().Send(request, ct);
        }
        finally
        {
            accessor.HttpContext = previous;
        }
    }
}
