using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Agenda;
using IntergovCommission.Web.Features.Council;
using IntergovCommission.Web.Features.Decisions;
using IntergovCommission.Web.Features.Documents;
using IntergovCommission.Web.Features.Live;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Council;

/// <summary>
/// A session of the CIS Council (seed 002) through the real pipeline on PostgreSQL, on the same use cases as
/// the KZRU commission: every difference comes from the council's profile, and each CIS rule's refusal cites it.
/// </summary>
public sealed class CouncilSessionTests
{
    private const string Password = "Demo-Password-2026";
    private static readonly Dictionary<string, string?> WithCouncil = new() { ["Demo:Council"] = "true" };

    private sealed record Council(Guid CommissionId, Dictionary<string, Guid> Sides, List<(Guid MembershipId, string Side, CommissionRole Role)> Roster);

    private static async Task<Council> CouncilAsync(TestApp app)
    {
        var commissionId = await app.QueryAsync(db => db.Commissions.Where(c => c.Code == "CIS-IP").Select(c => c.Id).SingleAsync());
        var sides = await app.QueryAsync(db => db.Sides.Where(s => s.CommissionId == commissionId).ToDictionaryAsync(s => s.Code, s => s.Id));
        var roster = await app.QueryAsync(db => (from m in db.Memberships
                                                 join s in db.Sides on m.SideId equals s.Id into ss
                                                 from s in ss.DefaultIfEmpty()
                                                 where m.CommissionId == commissionId
                                                 select new { m.Id, Code = s == null ? "" : s.Code, m.Role }).ToListAsync());
        return new Council(commissionId, sides, roster.Select(r => (r.Id, r.Code, r.Role)).ToList());
    }

    private static async Task<Guid> StartedCouncilSessionAsync(TestApp app, Council council, params string[] draftsRu)
    {
        var start = SessionTime.ToLocal(DateTimeOffset.UtcNow.AddDays(12), "Asia/Almaty");
        var created = await app.SendAsAsync("cis.secretariat", new CreateSession.Command
        {
            CommissionId = council.CommissionId,
            Kind = SessionKind.Extraordinary,
            Format = SessionFormat.InPerson,
            Place = "Астана",
            StartLocal = new DateTime(start.Year, start.Month, start.Day, 10, 0, 0, DateTimeKind.Unspecified),
            TimeZoneId = "Asia/Almaty",
        });
        foreach (var draft in draftsRu)
        {
            await app.SendAsAsync("cis.secretariat", new SaveAgendaItem.Command
            {
                SessionId = created.SessionId, Version = await VersionAsync(app, created.SessionId),
                TitleRu = "Вопрос: " + draft, Rapporteurs = "Ахметова Д.", DecisionKind = DecisionKind.Other, DraftDecisionRu = draft,
            });
        }

        await app.SendAsAsync("cis.secretariat", new SendAgendaForApproval.Command { SessionId = created.SessionId, Version = await VersionAsync(app, created.SessionId) });
        // CIS-03: the chair approves the agenda; a state's member does not.
        var agendaVersion = await app.QueryAsync(db => db.Sessions.Where(s => s.Id == created.SessionId).Select(s => s.AgendaVersion).SingleAsync());
        var member = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("cis.kg.head", new AnswerAgenda.Command { SessionId = created.SessionId, AgendaVersion = agendaVersion, Outcome = ApprovalOutcome.Approved }));
        Assert.Equal("CIS-03", member.RuleId);
        await app.SendAsAsync("cis.chair", new AnswerAgenda.Command { SessionId = created.SessionId, AgendaVersion = agendaVersion, Outcome = ApprovalOutcome.Approved });
        await app.SendAsAsync("cis.secretariat", new ChangeSessionState.Command { SessionId = created.SessionId, Version = await VersionAsync(app, created.SessionId), Step = SessionStep.Start, Reason = "Внеочередное заседание проводится ранее" });
        return created.SessionId;
    }

    private static Task<uint> VersionAsync(TestApp app, Guid sessionId) =>
        app.QueryAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Version).SingleAsync());

    private static Task<bool> RegisterAsync(TestApp app, Guid sessionId, Guid membershipId, AttendanceMode mode = AttendanceMode.InPerson) =>
        app.SendAsAsync("cis.secretariat", new RegisterAttendance.Command { SessionId = sessionId, MembershipId = membershipId, Mode = mode });

    private static Guid Head(Council c, string side) => c.Roster.Single(r => r.Side == side && r.Role == CommissionRole.Member).MembershipId;

    private static Guid Substitute(Council c, string side) => c.Roster.Single(r => r.Side == side && r.Role == CommissionRole.Substitute).MembershipId;

    [Fact]
    public async Task A_council_session_one_vote_per_state_the_chair_conducts_and_signs_alone_CIS_01_03_05_08_09()
    {
        await using var app = await TestApp.CreateAsync(settings: WithCouncil);
        var council = await CouncilAsync(app);
        var sessionId = await StartedCouncilSessionAsync(app, council, "Утвердить план работы Совета на 2027 год.");
        var itemId = await app.QueryAsync(db => db.AgendaItems.Where(i => i.SessionId == sessionId).Select(i => i.Id).SingleAsync());

        // CIS-05: four of seven states present is no quorum (two thirds = 5); the secretariat keeps the whole register.
        foreach (var side in new[] { "AM", "BY", "KZ", "RU" })
        {
            await RegisterAsync(app, sessionId, Head(council, side));
        }

        await RegisterAsync(app, sessionId, Substitute(council, "BY"));
        await RegisterAsync(app, sessionId, council.Roster.Single(r => r.Role == CommissionRole.AdvisoryMember).MembershipId);
        var live = await app.SendAsAsync("cis.secretariat", new GetLiveSession.Query(sessionId));
        Assert.Equal(4, live.Quorum.Present);
        Assert.Equal(7, live.Quorum.Total);
        Assert.False(live.Quorum.IsMet);
        var noQuorum = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("cis.chair", new OpenBallot.Command(sessionId, itemId)));
        Assert.Equal("CIS-05", noQuorum.RuleId);

        // Tajikistan's substitute stands in for the absent head once the secretariat confirms the credentials (CIS-01).
        await RegisterAsync(app, sessionId, Head(council, "TJ"), AttendanceMode.Absent);
        await RegisterAsync(app, sessionId, Head(council, "UZ"));
        Assert.True((await app.SendAsAsync("cis.secretariat", new GetLiveSession.Query(sessionId))).Quorum.IsMet);

        // CIS-03: a state's member does not open the vote (Russia's head holds no office); Kyrgyzstan's head, the next
        // chair and so a co-chair, replaces only an absent chair; the chair (Kazakhstan's head) opens it.
        var notChair = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("cis.ru.head", new OpenBallot.Command(sessionId, itemId)));
        Assert.Equal("CIS-03", notChair.RuleId);
        var chairPresent = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("cis.kg.head", new OpenBallot.Command(sessionId, itemId)));
        Assert.Equal("CIS-03", chairPresent.RuleId);
        var ballotId = await app.SendAsAsync("cis.chair", new OpenBallot.Command(sessionId, itemId));

        // CIS-01: Belarus has its head and a substitute present; the state has one vote, cast by the head.
        await app.SendAsAsync("cis.cochair", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.For });
        var second = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("cis.by.substitute", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.Against }));
        Assert.Equal("CIS-01", second.RuleId);
        // CIS-02: the advisory member takes part without a vote.
        var advisory = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("cis.advisory", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.For }));
        Assert.Equal("CIS-02", advisory.RuleId); // the rule of the advisory member's participation in the council's profile
        await app.SendAsAsync("cis.chair", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.For });
        await app.SendAsAsync("cis.ru.head", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.For });
        // The secretariat records the vote of the Armenian head, given by show of hands.
        await app.SendAsAsync("cis.secretariat", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.Against, ForMembershipId = Head(council, "AM") });
        await app.SendAsAsync("cis.chair", new CloseBallot.Command(ballotId, ConfirmMissingVotes: true));

        // CIS-08: three of five states present voted for: adopted; the roll call counts states.
        var ballot = await app.QueryAsync(db => db.Ballots.SingleAsync(b => b.Id == ballotId));
        Assert.True(ballot.Adopted);
        Assert.Equal(3, ballot.ForCount);
        Assert.Equal(1, ballot.AgainstCount);
        Assert.Equal(5, ballot.VotersPresentAtClose);

        // CIS-08: Armenia, outvoted, states a dissenting opinion (entered as its head gave it; the head has no sign-in in the demo).
        var armenia = Head(council, "AM");
        await app.QueryAsync(async db =>
        {
            var person = await db.Memberships.Where(m => m.Id == armenia).Select(m => m.PersonId).SingleAsync();
            db.DissentingOpinions.Add(new DissentingOpinion(Guid.CreateVersion7(), ballotId, armenia, person, "ru",
                "Считаю необходимым до утверждения плана получить заключения отраслевых министерств.", null, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });

        // CIS-09: the chair signs alone; no co-chair approves; the decision is issued in Russian only (CIS-13).
        var decisionId = await app.QueryAsync(db => db.Decisions.Where(d => d.BallotId == ballotId).Select(d => d.Id).SingleAsync());
        var hash = await app.SendAsAsync("cis.secretariat", new StartSigning.Command(decisionId));
        var view = await app.SendAsAsync("cis.chair", new GetDecision.Query(decisionId));
        Assert.Equal(SigningRoute.ChairAlone, view.Route);
        Assert.Equal("CIS-09", view.RouteRuleId);
        var signer = Assert.Single(view.Signatures);
        Assert.Equal(SignatureKind.Sign, signer.Kind);
        var notSigner = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("cis.ru.head", new SignDecision.Command { DecisionId = decisionId, Kind = SignatureKind.Sign, ContentHash = hash, Confirmation = Password }));
        Assert.Equal("CIS-09", notSigner.RuleId);
        var signed = await app.SendAsAsync("cis.chair", new SignDecision.Command { DecisionId = decisionId, Kind = SignatureKind.Sign, ContentHash = hash, Confirmation = Password });
        Assert.Equal(DecisionState.Issued, signed.State);
        Assert.Equal(1, await app.QueryAsync(db => db.IssuedDecisionDocuments.CountAsync(i => i.DecisionId == decisionId)));

        // CIS-13: the issued PDF is in Russian only, in the Council's words; CIS-09: one signature, the chair's, under the position;
        // CIS-01: the tally counts states; CIS-08: the dissent is not annexed to the decision.
        var issued = await app.QueryAsync(db => (from i in db.IssuedDecisionDocuments
                                                 join f in db.StoredFiles on i.FileId equals f.Id
                                                 where i.DecisionId == decisionId
                                                 select f.Content).SingleAsync());
        var decisionText = PdfTools.Text(issued);
        Assert.DoesNotContain(decisionText, c => KazakhLetters.Contains(c));
        Assert.Contains("Совет РЕШИЛ:", decisionText, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(decisionText, "Председатель Совета _+ "));
        Assert.Contains("«за» — 3 государства, «против» — 1 государство", decisionText, StringComparison.Ordinal);
        Assert.DoesNotContain("Межгосударственн", decisionText, StringComparison.Ordinal);
        Assert.DoesNotContain("ОСОБЫЕ МНЕНИЯ", decisionText, StringComparison.Ordinal);

        // CIS-08: the minutes enter the dissenting opinion; they too are in Russian only and count states (CIS-05).
        var minutes = await app.SendAsAsync("cis.secretariat", new GetMinutesPdf.Query(sessionId));
        var minutesText = PdfTools.Text(minutes.Content);
        Assert.DoesNotContain(minutesText, c => KazakhLetters.Contains(c));
        Assert.Contains("ПРОТОКОЛ № ", minutesText, StringComparison.Ordinal);
        Assert.Contains("заседания Совета", minutesText, StringComparison.Ordinal);
        Assert.Contains("ОСОБЫЕ МНЕНИЯ:", minutesText, StringComparison.Ordinal);
        Assert.Contains("получить заключения отраслевых министерств", minutesText, StringComparison.Ordinal);
        Assert.Matches(@"Заседание правомочно: представлены [5-7] из 7 государств \(необходимо не менее 5, п\. 5\.3 Положения\)", minutesText);
        Assert.Contains("Государство", minutesText, StringComparison.Ordinal);

        // The approved agenda, likewise.
        var agenda = await app.SendAsAsync("cis.secretariat", new GetAgendaPdf.Query(sessionId));
        var agendaText = PdfTools.Text(agenda.Content);
        Assert.DoesNotContain(agendaText, c => KazakhLetters.Contains(c));
        Assert.Contains("УТВЕРЖДЕНА Председателем Совета", agendaText, StringComparison.Ordinal);

        // CIS-12: sent to every member within two weeks of the session: due, then recorded by the secretariat only.
        var issuedView = await app.SendAsAsync("cis.secretariat", new GetDecision.Query(decisionId));
        Assert.Equal(issuedView.Date.AddDays(14), issuedView.Distribution!.Due);
        Assert.Null(issuedView.Distribution.SentOn);
        Assert.False(issuedView.Distribution.Overdue);
        Assert.True(issuedView.Distribution.CanRecord);
        var byMember = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("cis.ru.head", new RecordDistribution.Command { DecisionId = decisionId, SentOn = DateOnly.FromDateTime(DateTime.UtcNow), How = "Почтой" }));
        Assert.Equal("CIS-12", byMember.RuleId);
        var future = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("cis.secretariat", new RecordDistribution.Command { DecisionId = decisionId, SentOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5), How = "Почтой" }));
        Assert.Equal("CIS-12", future.RuleId);
        Assert.True(await app.SendAsAsync("cis.secretariat", new RecordDistribution.Command { DecisionId = decisionId, SentOn = DateOnly.FromDateTime(DateTime.UtcNow), How = "Всем членам Совета дипломатической почтой" }));
        var sent = await app.SendAsAsync("cis.chair", new GetDecision.Query(decisionId));
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), sent.Distribution!.SentOn);
        Assert.False(sent.Distribution.CanRecord);
    }

    /// <summary>The letters of Kazakh that Russian does not have.</summary>
    private const string KazakhLetters = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";

    [Fact]
    public async Task An_item_affecting_an_absent_state_is_not_put_to_the_vote_and_no_interest_leaves_the_base_CIS_08_CIS_11()
    {
        await using var app = await TestApp.CreateAsync(settings: WithCouncil);
        var council = await CouncilAsync(app);
        var sessionId = await StartedCouncilSessionAsync(app, council, "Одобрить проект в Кыргызстане.", "Одобрить программу.");
        var items = await app.QueryAsync(db => db.AgendaItems.Where(i => i.SessionId == sessionId).OrderBy(i => i.Position).Select(i => i.Id).ToListAsync());
        foreach (var side in new[] { "AM", "BY", "KZ", "RU", "TJ", "UZ" })
        {
            await RegisterAsync(app, sessionId, Head(council, side));
        }

        // CIS-11: the secretariat marks Kyrgyzstan as directly affected; a member may not; unknown states are refused.
        var byMember = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("cis.kg.head", new MarkAffectedStates.Command { SessionId = sessionId, AgendaItemId = items[0], SideIds = [council.Sides["KG"]] }));
        Assert.Equal("CIS-11", byMember.RuleId);
        await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("cis.secretariat", new MarkAffectedStates.Command { SessionId = sessionId, AgendaItemId = items[0], SideIds = [Guid.NewGuid()] }));
        await app.SendAsAsync("cis.secretariat", new MarkAffectedStates.Command { SessionId = sessionId, AgendaItemId = items[0], SideIds = [council.Sides["KG"]] });
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("cis.chair", new OpenBallot.Command(sessionId, items[0])));
        Assert.Equal("CIS-11", refused.RuleId);
        Assert.Contains("Кыргызстан", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.Ballots.CountAsync(b => b.SessionId == sessionId)));
        await RegisterAsync(app, sessionId, Head(council, "KG"));
        var opened = await app.SendAsAsync("cis.chair", new OpenBallot.Command(sessionId, items[0]));
        await app.SendAsAsync("cis.chair", new CloseBallot.Command(opened, ConfirmMissingVotes: true));

        // CIS-08: Kyrgyzstan declares no interest in the second question: it does not vote, and the base is six states.
        var secretariat = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("cis.secretariat", new DeclareNoInterest.Command(sessionId, items[1])));
        Assert.Equal("CIS-08", secretariat.RuleId);
        Assert.True(await app.SendAsAsync("cis.kg.head", new DeclareNoInterest.Command(sessionId, items[1])));
        Assert.False(await app.SendAsAsync("cis.kg.head", new DeclareNoInterest.Command(sessionId, items[1])));
        var ballotId = await app.SendAsAsync("cis.chair", new OpenBallot.Command(sessionId, items[1]));
        var kgVote = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("cis.kg.head", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.For }));
        Assert.Equal("CIS-08", kgVote.RuleId);
        foreach (var user in new[] { "cis.chair", "cis.cochair", "cis.ru.head" })
        {
            await app.SendAsAsync(user, new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.For });
        }

        await app.SendAsAsync("cis.secretariat", new CastVote.Command { BallotId = ballotId, Choice = VoteChoice.For, ForMembershipId = Head(council, "AM") });
        await app.SendAsAsync("cis.chair", new CloseBallot.Command(ballotId, ConfirmMissingVotes: true));
        var ballot = await app.QueryAsync(db => db.Ballots.SingleAsync(b => b.Id == ballotId));
        Assert.Equal(6, ballot.VotersPresentAtClose);
        Assert.True(ballot.Adopted); // 4 of 6 (Kyrgyzstan out of the base): more than half
        var late = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("cis.cochair", new DeclareNoInterest.Command(sessionId, items[1])));
        Assert.Equal("CIS-08", late.RuleId);
    }

    [Fact]
    public async Task The_chair_rotates_and_presiding_passes_to_a_co_chair_when_the_chair_is_absent_CIS_03()
    {
        await using var app = await TestApp.CreateAsync(settings: WithCouncil);
        var council = await CouncilAsync(app);
        var chairs = await app.SendAsAsync("cis.secretariat", new GetChairmanships.Query(council.CommissionId));
        Assert.Equal(council.Sides["KZ"], chairs.ChairSideId);
        Assert.Equal([council.Sides["BY"], council.Sides["KG"]], chairs.CoChairSideIds);
        Assert.Equal(council.Sides["KG"], chairs.Proposal!.SideId);

        // Otherwise than the rotation only with the council's decision as the basis.
        var otherwise = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("cis.secretariat", new RecordChairmanship.Command
        {
            CommissionId = council.CommissionId, SideId = council.Sides["RU"], StartsOn = chairs.Proposal.StartsOn, EndsOn = chairs.Proposal.EndsOn,
        }));
        Assert.Equal("CIS-03", otherwise.RuleId);
        var member = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("cis.kg.head", new RecordChairmanship.Command
        {
            CommissionId = council.CommissionId, SideId = council.Sides["KG"], StartsOn = chairs.Proposal.StartsOn, EndsOn = chairs.Proposal.EndsOn,
        }));
        Assert.NotNull(member.RuleId);
        await app.SendAsAsync("cis.secretariat", new RecordChairmanship.Command
        {
            CommissionId = council.CommissionId, SideId = council.Sides["KG"], StartsOn = chairs.Proposal.StartsOn, EndsOn = chairs.Proposal.EndsOn,
        });

        // The chair (Kazakhstan) is absent: a co-chair present presides; the chair's own state member voting is unaffected.
        var sessionId = await StartedCouncilSessionAsync(app, council, "Принять к сведению.");
        var itemId = await app.QueryAsync(db => db.AgendaItems.Where(i => i.SessionId == sessionId).Select(i => i.Id).SingleAsync());
        foreach (var side in new[] { "AM", "KG", "RU", "TJ", "UZ" })
        {
            await RegisterAsync(app, sessionId, Head(council, side));
        }

        // The previous chair (Belarus) is absent too: the next chair (Kyrgyzstan) presides.
        var live = await app.SendAsAsync("cis.kg.head", new GetLiveSession.Query(sessionId));
        Assert.True(live.Me.IsPresiding);
        var ballotId = await app.SendAsAsync("cis.kg.head", new OpenBallot.Command(sessionId, itemId));
        var russia = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("cis.ru.head", new CloseBallot.Command(ballotId, ConfirmMissingVotes: true)));
        Assert.Equal("CIS-03", russia.RuleId);
        await app.SendAsAsync("cis.kg.head", new CloseBallot.Command(ballotId, ConfirmMissingVotes: true));
    }

    [Fact]
    public async Task Materials_of_a_regular_council_session_after_the_30_days_are_flagged_late_CIS_10()
    {
        await using var app = await TestApp.CreateAsync(settings: WithCouncil);
        var council = await CouncilAsync(app);
        // The demo's regular session is 40 days ahead: a material now is on time.
        var onTime = await app.QueryAsync(db => db.Sessions.Where(s => s.CommissionId == council.CommissionId).Select(s => new { s.Id, Item = s.Items.OrderBy(i => i.Position).First().Id }).SingleAsync());
        var secretariatPerson = await app.QueryAsync(db => db.Users.Where(u => u.UserName == "cis.secretariat").Select(u => u.PersonId!.Value).SingleAsync());
        await app.SendAsAsync("cis.secretariat", new Web.Features.Materials.UploadMaterial.Command
        {
            SessionId = onTime.Id, ItemId = onTime.Item, Title = "Проект плана", FileName = "plan.pdf", SubmittedByPersonId = secretariatPerson,
            Content = new MemoryStream(Materials.MaterialTests.Pdf("plan")),
        });
        var pack = await app.SendAsAsync("cis.secretariat", new Web.Features.Materials.GetSessionPack.Query(onTime.Id));
        Assert.NotNull(pack.MaterialsDue);
        Assert.Equal("CIS-10", pack.MaterialsRule!.Id);
        Assert.False(Assert.Single(pack.Materials).IsLate);

        // A regular session 20 days ahead: its materials are already late.
        var start = SessionTime.ToLocal(DateTimeOffset.UtcNow.AddDays(20), "Asia/Almaty");
        var created = await app.SendAsAsync("cis.secretariat", new CreateSession.Command
        {
            CommissionId = council.CommissionId, Kind = SessionKind.Regular, Format = SessionFormat.InPerson, Place = "Минск",
            StartLocal = new DateTime(start.Year, start.Month, start.Day, 10, 0, 0, DateTimeKind.Unspecified), TimeZoneId = "Asia/Almaty",
        });
        await app.SendAsAsync("cis.secretariat", new SaveAgendaItem.Command
        {
            SessionId = created.SessionId, Version = await VersionAsync(app, created.SessionId), TitleRu = "О программе", Rapporteurs = "Д. А.", DecisionKind = DecisionKind.Other, DraftDecisionRu = "Одобрить.",
        });
        var item = await app.QueryAsync(db => db.AgendaItems.Where(i => i.SessionId == created.SessionId).Select(i => i.Id).SingleAsync());
        await app.SendAsAsync("cis.secretariat", new Web.Features.Materials.UploadMaterial.Command
        {
            SessionId = created.SessionId, ItemId = item, Title = "Программа", FileName = "programme.pdf", SubmittedByPersonId = secretariatPerson,
            Content = new MemoryStream(Materials.MaterialTests.Pdf("programme")),
        });
        var late = await app.SendAsAsync("cis.secretariat", new Web.Features.Materials.GetSessionPack.Query(created.SessionId));
        Assert.True(Assert.Single(late.Materials).IsLate);

        // The KZRU profile sets no lead time for materials: nothing is flagged.
        var (kzruSession, _) = await LiveScenario.StartedSessionAsync(app);
        Assert.Null((await app.SendAsAsync("kz.secretary", new Web.Features.Materials.GetSessionPack.Query(kzruSession))).MaterialsDue);
    }

    [Fact]
    public async Task An_extraordinary_session_is_supported_once_a_majority_of_states_answers_yes_CIS_04()
    {
        await using var app = await TestApp.CreateAsync(settings: WithCouncil);
        var council = await CouncilAsync(app);
        var secretariat = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("cis.secretariat", new ProposeExtraordinarySession.Command { CommissionId = council.CommissionId, Subject = "О ситуации на рынке" }));
        Assert.Equal("CIS-04", secretariat.RuleId);
        await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("cis.kg.head", new ProposeExtraordinarySession.Command { CommissionId = council.CommissionId, Subject = " " }));
        var proposalId = await app.SendAsAsync("cis.kg.head", new ProposeExtraordinarySession.Command { CommissionId = council.CommissionId, Subject = "О ситуации на рынке станкостроения" });

        // Seven states: four are a majority. Kyrgyzstan (proposer) + Kazakhstan + Belarus: three, not yet.
        Assert.False(await app.SendAsAsync("cis.chair", new AnswerExtraordinaryProposal.Command(proposalId, SupportAnswer.Supports)));
        Assert.False(await app.SendAsAsync("cis.cochair", new AnswerExtraordinaryProposal.Command(proposalId, SupportAnswer.Supports)));
        // The substitute answers for Belarus too: the state's answer changes, it is not counted twice.
        Assert.False(await app.SendAsAsync("cis.by.substitute", new AnswerExtraordinaryProposal.Command(proposalId, SupportAnswer.Supports)));
        Assert.False(await app.SendAsAsync("cis.ru.head", new AnswerExtraordinaryProposal.Command(proposalId, SupportAnswer.Opposes)));
        var list = await app.SendAsAsync("cis.advisory", new ListExtraordinaryProposals.Query(council.CommissionId));
        var row = Assert.Single(list.Proposals);
        Assert.Equal(3, row.Supporting);
        Assert.Equal(7, row.States);
        Assert.Equal(4, row.Needed);
        Assert.Null(row.SupportedAt);
        Assert.False(list.CanPropose); // an advisory member answers for no state

        // Russia changes its answer: the fourth state; the proposal is supported and the secretariat is told.
        Assert.True(await app.SendAsAsync("cis.ru.head", new AnswerExtraordinaryProposal.Command(proposalId, SupportAnswer.Supports)));
        var closed = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("cis.chair", new AnswerExtraordinaryProposal.Command(proposalId, SupportAnswer.Opposes)));
        Assert.Equal("CIS-04", closed.RuleId);
        Assert.Equal(1, await app.QueryAsync(db => db.Notifications.CountAsync(n => n.Kind == "extraordinary-supported")));
    }
}
