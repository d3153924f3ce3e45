using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;
using IntergovCommission.IntegrationTests.Account;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Admin;
using IntergovCommission.Web.Features.Agenda;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Decisions;
using IntergovCommission.Web.Features.Execution;
using IntergovCommission.Web.Features.Live;
using IntergovCommission.Web.Features.Materials;
using IntergovCommission.Web.Features.Memberships;
using IntergovCommission.Web.Features.Proposals;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Features.Tokens;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Matrix;

/// <summary>Every kind of caller the authorization matrix asks about.</summary>
internal enum Caller
{
    Anonymous,
    Admin,
    KzCoChair,
    KzDeputy,
    KzSecretary,
    KzMember,
    KzRepresentative,
    RuCoChair,
    RuDeputy,
    RuSecretary,
    RuMember,
    /// <summary>An invited person (an Invitee membership of the commission) invited to item 3 of the live session only.</summary>
    Invitee,
    /// <summary>The KZ secretary of a second commission B.</summary>
    OtherSecretary,
}

/// <summary>
/// One app (real Kestrel on loopback, its own database) in a chosen environment, with everything the matrix
/// needs made once through the use cases: a session in progress (item 1 decided, item 2 with an open ballot,
/// item 3 for the invitee, item 4 referred to an expert group), a session in preparation with a proposal, a
/// material, a decision in signing, a second commission with its own secretary; and for each caller a
/// personal access token and a signed-in cookie session.
/// </summary>
internal sealed partial class MatrixWorld : IAsyncDisposable
{
    public const string Almaty = "Asia/Almaty";
    public const string InviteeUser = "matrix.invitee";
    public const string OtherSecretaryUser = "matrix.b.secretary";
    public const string SpareUser = "matrix.spare";

    private readonly Dictionary<Caller, HttpClient> _api = [];
    private readonly Dictionary<Caller, (HttpClient Client, CookieContainer Cookies, string Antiforgery)> _web = [];

    private MatrixWorld(TestApp app, Uri baseUri, string environment)
    {
        App = app;
        BaseUri = baseUri;
        Environment = environment;
    }

    public TestApp App { get; }

    public Uri BaseUri { get; }

    public string Environment { get; }

    /// <summary>Placeholder → value, substituted into the URLs and bodies of the table ({session}, {ballotOpen}, …).</summary>
    public Dictionary<string, string> Ids { get; } = new(StringComparer.Ordinal);

    public static string UserOf(Caller caller) => caller switch
    {
        Caller.Admin => "admin",
        Caller.KzCoChair => "kz.cochair",
        Caller.KzDeputy => "kz.deputy",
        Caller.KzSecretary => "kz.secretary",
        Caller.KzMember => "kz.member",
        Caller.KzRepresentative => "kz.representative",
        Caller.RuCoChair => "ru.cochair",
        Caller.RuDeputy => "ru.deputy",
        Caller.RuSecretary => "ru.secretary",
        Caller.RuMember => "ru.member",
        Caller.Invitee => InviteeUser,
        Caller.OtherSecretary => OtherSecretaryUser,
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    public static async Task<MatrixWorld> CreateAsync(string environment, bool withCallers = true)
    {
        var app = await TestApp.CreateAsync(environment: environment, settings: new Dictionary<string, string?>
        {
            ["Api:RateLimit:PermitPerMinute"] = "100000",
            // Hundreds of sign-ins from one loopback address, and hostile sign-in probes with wrong passwords:
            // the throttle (SignInHardeningTests proves it) is set wide open here.
            ["SignIn:PostsPerAddressPerMinute"] = "1000000",
            ["SignIn:FreeFailuresPerAddress"] = "1000000",
            ["SignIn:FreeFailuresPerAccount"] = "1000000",
        });
        var world = new MatrixWorld(app, app.StartKestrel(), environment);
        try
        {
            await world.BuildAsync();
            if (withCallers)
            {
                foreach (var caller in Enum.GetValues<Caller>())
                {
                    await world.ConnectAsync(caller);
                }
            }
            else
            {
                await world.ConnectAsync(Caller.Anonymous);
                await world.ConnectAsync(Caller.KzSecretary);
                await world.ConnectAsync(Caller.Admin);
            }
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }

        return world;
    }

    public string Fill(string template) => Placeholder().Replace(template, m =>
        Ids.TryGetValue(m.Groups[1].Value, out var value) ? value : throw new InvalidOperationException($"No id for {{{m.Groups[1].Value}}} in “{template}”."));

    public HttpClient Api(Caller caller) => _api[caller];

    public (HttpClient Client, CookieContainer Cookies, string Antiforgery) Web(Caller caller) => _web[caller];

    /// <summary>A new cookie session for <paramref name="caller"/> (for handlers that end the session, such as Logout).</summary>
    public async Task<(HttpClient Client, CookieContainer Cookies, string Antiforgery)> FreshWebAsync(Caller caller)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = BaseUri };
        if (caller != Caller.Anonymous)
        {
            var login = await client.GetStringAsync("/Account/Login");
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = UserOf(caller),
                ["Input.Password"] = DemoDataSeeder.DemoPassword,
                ["__RequestVerificationToken"] = TokenOf(login),
            });
            using var signedIn = await client.PostAsync("/Account/Login", form);
            Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"{caller} could not sign in: {(int)signedIn.StatusCode}");
        }

        var page = await client.GetStringAsync(caller == Caller.Anonymous ? "/Account/Login" : "/Account/Manage");
        return (client, cookies, TokenOf(page));
    }

    private async Task ConnectAsync(Caller caller)
    {
        var api = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = BaseUri };
        if (caller != Caller.Anonymous)
        {
            var token = await App.SendAsAsync(UserOf(caller), new CreateAccessToken.Command { Name = "matrix", ExpiresInDays = 30 });
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        }

        _api[caller] = api;
        _web[caller] = await FreshWebAsync(caller);
    }

    /// <summary>A new API token for the caller (after a row that revokes all of a user's tokens).</summary>
    public async Task ReconnectApiAsync(Caller caller)
    {
        if (caller == Caller.Anonymous)
        {
            return;
        }

        var token = await App.SendAsAsync(UserOf(caller), new CreateAccessToken.Command { Name = "matrix", ExpiresInDays = 30 });
        _api[caller].DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
    }

    private static string TokenOf(string html)
    {
        var match = AntiforgeryField().Match(html);
        Assert.True(match.Success, "No antiforgery token on the page.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private async Task BuildAsync()
    {
        var commissionId = await App.QueryAsync(db => db.Commissions.Select(c => c.Id).SingleAsync());
        var sides = await App.QueryAsync(db => db.Sides.Where(s => s.CommissionId == commissionId).ToDictionaryAsync(s => s.Code, s => s.Id));
        Ids["commission"] = commissionId.ToString();
        Ids["kzSide"] = sides["KZ"].ToString();
        Ids["ruSide"] = sides["RU"].ToString();
        Ids["stale"] = "1";
        var future = SessionTime.ToLocal(DateTimeOffset.UtcNow.AddDays(45), Almaty);
        Ids["future"] = new DateTime(future.Year, future.Month, future.Day, 10, 0, 0).ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        Ids["deadline"] = DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Ids["today"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Ids["missing"] = Guid.NewGuid().ToString();

        // The invitee: an Invitee membership of commission A with a sign-in.
        var inviteeMembership = await App.SendAsAsync("admin", NewMembership(commissionId, sides["KZ"], "Приглашённый Матрицы", CommissionRole.Invitee));
        var inviteePerson = await App.QueryAsync(db => db.Memberships.Where(m => m.Id == inviteeMembership).Select(m => m.PersonId).SingleAsync());
        await App.SendAsAsync("admin", new CreateUser.Command { UserName = InviteeUser, DisplayName = InviteeUser, PersonId = inviteePerson, InitialPassword = DemoDataSeeder.DemoPassword });

        // The session in progress: four items, the invitee invited to item 3 only.
        // Today, shortly: a session starts on its day (issue 10), and the use cases then bring it to the state the matrix needs.
        var live = await NewSessionAsync(commissionId, TimeSpan.FromMinutes(10), keepTime: true);
        var titles = new[] { "Об утверждении программы лётных испытаний", "О графике работ", "О докладе приглашённого", "О спорном вопросе", "Об изменении программы" };
        foreach (var title in titles)
        {
            await App.SendAsAsync("kz.secretary", new SaveAgendaItem.Command
            {
                SessionId = live, Version = await VersionAsync(live), TitleRu = title, TitleKk = "Мәселе: " + title, Rapporteurs = "Касымов Н.",
                DecisionKind = DecisionKind.ProgrammeApprovalOrChange, DraftDecisionRu = "Одобрить.", DraftDecisionKk = "Бекіту.",
            });
        }

        var items = await App.QueryAsync(db => db.AgendaItems.Where(i => i.SessionId == live).OrderBy(i => i.Position).Select(i => i.Id).ToListAsync());
        await App.SendAsAsync("kz.secretary", new SaveInvitee.Command
        {
            SessionId = live, Version = await VersionAsync(live), FullName = "Приглашённый Матрицы", Organisation = "НИИ", PersonId = inviteePerson,
            Topics = "Доклад", ItemIds = [items[2]],
        });
        await App.SendAsAsync("ru.secretary", new SendAgendaForApproval.Command { SessionId = live, Version = await VersionAsync(live) });
        foreach (var coChair in new[] { "kz.cochair", "ru.cochair" })
        {
            var agendaVersion = await App.QueryAsync(db => db.Sessions.Where(s => s.Id == live).Select(s => s.AgendaVersion).SingleAsync());
            await App.SendAsAsync(coChair, new AnswerAgenda.Command { SessionId = live, AgendaVersion = agendaVersion, Outcome = ApprovalOutcome.Approved });
        }

        await App.SendAsAsync("kz.secretary", new ChangeSessionState.Command { SessionId = live, Version = await VersionAsync(live), Step = SessionStep.Start, Reason = "Перенос: заседание проводится ранее назначенной даты" }); // near midnight in Almaty "shortly" is tomorrow
        var roster = await LiveScenario.RosterAsync(App);
        foreach (var r in roster.Where(r => r.Role is not CommissionRole.Invitee))
        {
            await App.SendAsAsync(await LiveScenario.SecretaryOfSideAsync(App, r.MembershipId), new RegisterAttendance.Command { SessionId = live, MembershipId = r.MembershipId, Mode = AttendanceMode.InPerson });
        }

        var voters = roster.Where(r => r.Role is not CommissionRole.Representative and not CommissionRole.Invitee).ToList();
        var kzSide = sides["KZ"];
        var sideOf = await App.QueryAsync(db => db.Memberships.Where(m => m.CommissionId == commissionId).ToDictionaryAsync(m => m.Id, m => m.SideId));

        // Item 1: voted and closed, so it has a decision; the decision goes for signature.
        var closed = await App.SendAsAsync("kz.cochair", new OpenBallot.Command(live, items[0]));
        foreach (var voter in voters)
        {
            var secretary = sideOf[voter.MembershipId] == kzSide ? "kz.secretary" : "ru.secretary";
            await App.SendAsAsync(secretary, new CastVote.Command { BallotId = closed, Choice = VoteChoice.For, ForMembershipId = voter.MembershipId });
        }

        await App.SendAsAsync("kz.cochair", new CloseBallot.Command(closed, ConfirmMissingVotes: true));
        var decision = await App.QueryAsync(db => db.Decisions.Where(d => d.BallotId == closed).Select(d => d.Id).SingleAsync());
        await App.SendAsAsync("kz.secretary", new StartSigning.Command(decision));

        // Item 5: voted, closed, signed by both secretaries (short route, KZRU-21) and approved by both co-chairs: issued.
        var issuedBallot = await App.SendAsAsync("kz.cochair", new OpenBallot.Command(live, items[4]));
        foreach (var voter in voters)
        {
            var secretary = sideOf[voter.MembershipId] == kzSide ? "kz.secretary" : "ru.secretary";
            await App.SendAsAsync(secretary, new CastVote.Command { BallotId = issuedBallot, Choice = VoteChoice.For, ForMembershipId = voter.MembershipId });
        }

        await App.SendAsAsync("kz.cochair", new CloseBallot.Command(issuedBallot, ConfirmMissingVotes: true));
        var issued = await App.QueryAsync(db => db.Decisions.Where(d => d.BallotId == issuedBallot).Select(d => d.Id).SingleAsync());
        var issuedHash = await App.SendAsAsync("kz.secretary", new StartSigning.Command(issued));
        foreach (var (user, kind) in new[] { ("kz.secretary", SignatureKind.Sign), ("ru.secretary", SignatureKind.Sign), ("kz.cochair", SignatureKind.Approve), ("ru.cochair", SignatureKind.Approve) })
        {
            await App.SendAsAsync(user, new SignDecision.Command { DecisionId = issued, Kind = kind, ContentHash = issuedHash, Confirmation = DemoDataSeeder.DemoPassword });
        }

        Ids["issuedDecision"] = issued.ToString();

        // A revoked room-screen link (issue #15): revoking it again changes nothing.
        var screenLink = await App.SendAsAsync("kz.secretary", new CreateScreenLink.Command { SessionId = live, Label = "matrix" });
        await App.SendAsAsync("kz.secretary", new RevokeScreenLink.Command(live, screenLink.LinkId));
        Ids["revokedLink"] = screenLink.LinkId.ToString();

        // Execution (issue 13): an assignment of the issued decision on the KZ side, the KZ member responsible; report 1 superseded by
        // report 2 (awaiting, so answering report 1 is refused whatever else the request says); one extension refused, one waiting; a
        // second assignment, cancelled, for the report and cancel probes (a report or a cancellation on it is refused). Every probe on them is refused, so they stay as made.
        var responsiblePerson = await Demo.PersonOfAsync(App, "kz.member");
        var assignment = await App.SendAsAsync("kz.secretary", new CreateAssignment.Command
        {
            CommissionId = commissionId, SideId = kzSide, DecisionId = issued, TaskRu = "Представить график", Organisation = "АО «НК «Қазақстан Ғарыш Сапары»»",
            ResponsiblePersonId = responsiblePerson, WorkingDays = 10,
        });
        var firstReport = await App.SendAsAsync("kz.member", new SubmitReport.Command
        {
            AssignmentId = assignment.AssignmentId, Text = "Первый отчёт",
            Files = [new ReportUpload("otchet.pdf", new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4\n% matrix report\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")))],
        });
        await App.SendAsAsync("kz.member", new SubmitReport.Command { AssignmentId = assignment.AssignmentId, Text = "Второй отчёт" });
        var refusedExtension = await App.SendAsAsync("kz.member", new RequestExtension.Command { AssignmentId = assignment.AssignmentId, WorkingDays = 30, Reason = "Нужно время" });
        await App.SendAsAsync("kz.cochair", new ApproveExtension.Command(assignment.AssignmentId, refusedExtension.ExtensionId, Approve: false));
        await App.SendAsAsync("kz.member", new RequestExtension.Command { AssignmentId = assignment.AssignmentId, WorkingDays = 40, Reason = "Ещё нужно время" });
        var spareAssignment = await App.SendAsAsync("kz.secretary", new CreateAssignment.Command
        {
            CommissionId = commissionId, SideId = kzSide, DecisionId = issued, TaskRu = "Отменённое поручение", Organisation = "ТОО «Запас»", WorkingDays = 10,
            ResponsiblePersonId = responsiblePerson,
        });
        await App.SendAsAsync("kz.secretary", new CancelAssignment.Command { AssignmentId = spareAssignment.AssignmentId, Reason = "Отменено решением № 1" });
        Ids["assignment"] = assignment.AssignmentId.ToString();
        Ids["assignmentReport"] = firstReport.ReportId.ToString();
        Ids["assignmentFile"] = (await App.QueryAsync(db => db.AssignmentReportFiles.Where(f => f.ReportId == firstReport.ReportId).Select(f => f.Id).SingleAsync())).ToString();
        Ids["refusedExtension"] = refusedExtension.ExtensionId.ToString();
        Ids["cancelledAssignment"] = spareAssignment.AssignmentId.ToString();

        // Treaty register (WF-07) and a draft circulated for approval (WF-04): the demo's Baiterek agreement; a circulation whose one body
        // has answered, so the answer probe is refused (a second answer) and nothing changes.
        Ids["treaty"] = (await App.QueryAsync(db => db.Treaties.Where(t => t.CommissionId == commissionId).OrderBy(t => t.ConcludedOn).Select(t => t.Id).FirstAsync())).ToString();
        var circulation = await App.SendAsAsync("kz.secretary", new Web.Features.Circulation.StartCirculation.Command
        {
            CommissionId = commissionId, SideId = kzSide, TitleRu = "Проект поручений", Bodies = ["Министерство финансов"],
        });
        var circulationBody = await App.QueryAsync(db => db.CirculationBodies.Where(b => b.CirculationId == circulation.CirculationId).Select(b => b.Id).SingleAsync());
        await App.SendAsAsync("kz.secretary", new Web.Features.Circulation.RecordCirculationAnswer.Command
        {
            CirculationId = circulation.CirculationId, BodyId = circulationBody, Answer = Domain.Approvals.ApprovalStanding.Agreed,
        });
        Ids["circulation"] = circulation.CirculationId.ToString();
        Ids["circulationBody"] = circulationBody.ToString();

        // Item 4 referred to an expert group (KZRU-20).
        var kzMemberMembership = await Demo.MembershipOfAsync(App, "kz.member");
        var referral = await App.SendAsAsync("kz.cochair", new ReferToExpertGroup.Command
        {
            SessionId = live, AgendaItemId = items[3], Task = "Согласовать позиции", Deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40)), MemberIds = [kzMemberMembership],
        });

        // Item 2: a vote open now; the KZ member voted personally.
        var open = await App.SendAsAsync("kz.cochair", new OpenBallot.Command(live, items[1]));
        await App.SendAsAsync("kz.member", new CastVote.Command { BallotId = open, Choice = VoteChoice.For });

        var material = await App.SendAsAsync("kz.secretary", new UploadMaterial.Command
        {
            SessionId = live, ItemId = items[0], Title = "Справка", FileName = "spravka.pdf", Content = new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4\n% matrix\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")),
        });

        // The session in preparation: one item, one invitation, a proposal by the KZ member.
        var draft = await NewSessionAsync(commissionId, TimeSpan.FromDays(30), keepTime: false);
        await App.SendAsAsync("kz.secretary", new SaveAgendaItem.Command
        {
            SessionId = draft, Version = await VersionAsync(draft), TitleRu = "О плане", Rapporteurs = "Касымов Н.", DecisionKind = DecisionKind.Other, DraftDecisionRu = "Принять к сведению.",
        });
        var draftItem = await App.QueryAsync(db => db.AgendaItems.Where(i => i.SessionId == draft).Select(i => i.Id).SingleAsync());
        await App.SendAsAsync("kz.secretary", new SaveInvitee.Command
        {
            SessionId = draft, Version = await VersionAsync(draft), FullName = "Гость", Organisation = "Организация", Topics = "Тема", ItemIds = [draftItem],
        });
        var draftInvitee = await App.QueryAsync(db => db.InvitedPersons.Where(i => i.SessionId == draft).Select(i => i.Id).SingleAsync());
        var proposal = await App.SendAsAsync("kz.member", new SubmitProposal.Command
        {
            SessionId = draft, TitleRu = "О предложении члена", RationaleRu = "Нужно обсудить.", DraftDecisionRu = "Обсудить.",
        });

        // Commission B with its own KZ secretary.
        var profileId = await App.QueryAsync(db => db.Commissions.Where(c => c.Id == commissionId).Select(c => c.ProfileId).SingleAsync());
        var commissionB = await App.SendAsAsync("admin", Account.CommissionCreationTests.ValidCommission("MATRIXB", profileId));
        var bKzSide = await App.QueryAsync(db => db.Sides.Where(s => s.CommissionId == commissionB && s.Code == "KZ").Select(s => s.Id).SingleAsync());
        var bSecretary = await App.SendAsAsync("admin", NewMembership(commissionB, bKzSide, "Секретарь Комиссии Б", CommissionRole.Secretary));
        var bPerson = await App.QueryAsync(db => db.Memberships.Where(m => m.Id == bSecretary).Select(m => m.PersonId).SingleAsync());
        await App.SendAsAsync("admin", new CreateUser.Command { UserName = OtherSecretaryUser, DisplayName = OtherSecretaryUser, PersonId = bPerson, InitialPassword = DemoDataSeeder.DemoPassword });

        // A spare sign-in the administration handlers may act on, and a spare token of the KZ member to revoke.
        var spareUser = await App.SendAsAsync("admin", new CreateUser.Command { UserName = SpareUser, DisplayName = SpareUser, InitialPassword = DemoDataSeeder.DemoPassword });
        var spareToken = await App.SendAsAsync("kz.member", new CreateAccessToken.Command { Name = "spare", ExpiresInDays = 30 });
        var spareToken2 = await App.SendAsAsync("kz.member", new CreateAccessToken.Command { Name = "spare to rotate", ExpiresInDays = 30 });
        var spareToken3 = await App.SendAsAsync("ru.member", new CreateAccessToken.Command { Name = "spare to revoke", ExpiresInDays = 30 });

        var quietKzMember = roster.First(r => r.UserName is null && r.Role == CommissionRole.Member && sideOf[r.MembershipId] == kzSide).MembershipId;
        var kzMemberPerson = await Demo.PersonOfAsync(App, "kz.member");
        // The administrator's cross-commission link (a real change) takes another person of commission A, so the
        // contact rows on kz.member keep testing "a person of another commission".
        var linkedMembership = roster.Where(r => r.UserName is null && r.Role == CommissionRole.Member && r.MembershipId != quietKzMember).Select(r => r.MembershipId).First();
        var linkedPerson = await App.QueryAsync(db => db.Memberships.Where(m => m.Id == linkedMembership).Select(m => m.PersonId).SingleAsync());
        var kzMemberUser = await App.QueryAsync(db => db.Users.Where(u => u.UserName == "kz.member").Select(u => u.Id).SingleAsync());
        foreach (var (key, value) in new (string, Guid)[]
                 {
                     ("session", live), ("item1", items[0]), ("item2", items[1]), ("item3", items[2]), ("item4", items[3]),
                     ("ballotClosed", closed), ("ballotOpen", open), ("decision", decision), ("referral", referral), ("material", material.MaterialId),
                     ("draftSession", draft), ("draftItem", draftItem), ("draftInvitee", draftInvitee), ("proposal", proposal.ProposalId),
                     ("commissionB", commissionB), ("bKzSide", bKzSide), ("inviteeMembership", inviteeMembership), ("inviteePerson", inviteePerson),
                     ("kzMemberMembership", kzMemberMembership), ("kzMemberPerson", kzMemberPerson), ("kzMemberUser", kzMemberUser), ("linkedPerson", linkedPerson),
                     ("quietKzMember", quietKzMember), ("spareUser", spareUser), ("spareToken", spareToken.TokenId), ("spareToken2", spareToken2.TokenId), ("spareToken3", spareToken3.TokenId),
                 })
        {
            Ids[key] = value.ToString();
        }

        Ids["sessionVersion"] = (await VersionAsync(live)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Ids["draftVersion"] = (await VersionAsync(draft)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Ids["decisionHash"] = await App.QueryAsync(db => db.Decisions.Where(d => d.Id == decision).Select(d => d.ContentHash ?? "").SingleAsync());
    }

    private static AddMembership.Command NewMembership(Guid commissionId, Guid sideId, string name, CommissionRole role) => new()
    {
        CommissionId = commissionId,
        SideId = sideId,
        Role = role,
        FullNameRu = name,
        Email = "matrix@example.org",
        PositionRu = "Эксперт",
        OrganisationRu = "Аэрокосмический комитет",
        AppointingAuthorityRu = "Правительство Республики Казахстан",
        AppointingActNumber = "№ 7",
        AppointingActDate = DateOnly.FromDateTime(DateTime.UtcNow),
        TermStart = DateOnly.FromDateTime(DateTime.UtcNow),
    };

    private async Task<Guid> NewSessionAsync(Guid commissionId, TimeSpan from, bool keepTime)
    {
        var start = SessionTime.ToLocal(DateTimeOffset.UtcNow.Add(from), Almaty);
        var created = await App.SendAsAsync("kz.secretary", new CreateSession.Command
        {
            CommissionId = commissionId, Kind = SessionKind.Regular, Format = SessionFormat.Mixed, Place = "Astana", ConferenceLink = "https://vc.example.kz/imc",
            StartLocal = new DateTime(start.Year, start.Month, start.Day, keepTime ? start.Hour : 10, keepTime ? start.Minute : 0, 0, DateTimeKind.Unspecified), TimeZoneId = Almaty,
        });
        return created.SessionId;
    }

    private Task<uint> VersionAsync(Guid sessionId) => App.QueryAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Version).SingleAsync());

    /// <summary>
    /// SignalR Join(sessionId) over a WebSocket with the caller's cookies, speaking the hub's JSON protocol:
    /// null when the hub accepted, else why not (negotiate status or the invocation's error).
    /// </summary>
    public async Task<string?> JoinHubAsync(Caller caller, Guid sessionId)
    {
        var (client, cookies, _) = _web[caller];
        using var negotiate = await client.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null);
        if (!negotiate.IsSuccessStatusCode)
        {
            return $"negotiate {(int)negotiate.StatusCode}";
        }

        var token = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString();
        using var socket = new ClientWebSocket();
        socket.Options.Cookies = cookies;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ws = new UriBuilder(BaseUri) { Scheme = "ws", Path = "/hubs/live", Query = "id=" + Uri.EscapeDataString(token!) }.Uri;
        await socket.ConnectAsync(ws, timeout.Token);
        await SendFrameAsync(socket, "{\"protocol\":\"json\",\"version\":1}", timeout.Token);
        await SendFrameAsync(socket, $"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"Join\",\"arguments\":[\"{sessionId}\"]}}", timeout.Token);
        var buffer = new byte[64 * 1024];
        var pending = new StringBuilder();
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer, timeout.Token);
            if (read.MessageType == WebSocketMessageType.Close)
            {
                return "connection closed";
            }

            pending.Append(Encoding.UTF8.GetString(buffer, 0, read.Count));
            var text = pending.ToString();
            var end = text.LastIndexOf('\u001e');
            if (end < 0)
            {
                continue;
            }

            pending.Clear().Append(text[(end + 1)..]);
            foreach (var frame in text[..end].Split('\u001e', StringSplitOptions.RemoveEmptyEntries))
            {
                var message = JsonDocument.Parse(frame).RootElement;
                if (message.TryGetProperty("error", out var handshakeOrCallError) && !message.TryGetProperty("type", out _))
                {
                    return "handshake: " + handshakeOrCallError.GetString();
                }

                if (message.TryGetProperty("type", out var type) && type.GetInt32() == 3)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return message.TryGetProperty("error", out var error) ? error.GetString() ?? "error" : null;
                }

                if (type.ValueKind == JsonValueKind.Number && type.GetInt32() == 7)
                {
                    return "closed: " + frame;
                }
            }
        }
    }

    /// <summary>The same Join over SignalR's long-polling transport (WebSockets off, as behind some proxies).</summary>
    public async Task<string?> JoinHubLongPollingAsync(Caller caller, Guid sessionId)
    {
        var (client, _, _) = _web[caller];
        using var negotiate = await client.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null);
        if (!negotiate.IsSuccessStatusCode)
        {
            return $"negotiate {(int)negotiate.StatusCode}";
        }

        var token = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString();
        var url = "/hubs/live?id=" + Uri.EscapeDataString(token!);
        using (await client.GetAsync(url))
        {
            // The first poll answers at once: the connection is open.
        }

        using (await client.PostAsync(url, new StringContent("{\"protocol\":\"json\",\"version\":1}\u001e")))
        using (await client.PostAsync(url, new StringContent($"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"Join\",\"arguments\":[\"{sessionId}\"]}}\u001e")))
        {
        }

        for (var poll = 0; poll < 10; poll++)
        {
            using var response = await client.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.NoContent || !response.IsSuccessStatusCode)
            {
                return $"poll {(int)response.StatusCode}";
            }

            foreach (var frame in (await response.Content.ReadAsStringAsync()).Split('\u001e', StringSplitOptions.RemoveEmptyEntries))
            {
                var message = JsonDocument.Parse(frame).RootElement;
                if (message.TryGetProperty("type", out var type) && type.GetInt32() == 3)
                {
                    using (await client.DeleteAsync(url))
                    {
                    }

                    return message.TryGetProperty("error", out var error) ? error.GetString() ?? "error" : null;
                }

                if (!message.TryGetProperty("type", out _) && message.TryGetProperty("error", out var handshake))
                {
                    return "handshake: " + handshake.GetString();
                }
            }
        }

        return "no completion after 10 polls";
    }

    private static Task SendFrameAsync(ClientWebSocket socket, string json, CancellationToken ct) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json + "\u001e"), WebSocketMessageType.Text, true, ct);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _api.Values)
        {
            client.Dispose();
        }

        foreach (var (client, _, _) in _web.Values)
        {
            client.Dispose();
        }

        await App.DisposeAsync();
    }

    [GeneratedRegex("\\{([A-Za-z0-9]+)\\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
