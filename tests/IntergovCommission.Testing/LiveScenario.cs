using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Features.Agenda;
using IntergovCommission.Web.Features.Live;
using IntergovCommission.Web.Features.Sessions;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Testing;

/// <summary>
/// Brings a demo commission to a live session through the real use cases, as the secretaries and
/// co-chairs would: create, one agenda item, approval by both co-chairs, start, attendance.
/// Shared by the browser tests and the benchmark.
/// </summary>
public static class LiveScenario
{
    public const string Almaty = "Asia/Almaty";

    /// <summary>A session in progress with one approved item; returns its id and the item id.</summary>
    public static async Task<(Guid SessionId, Guid ItemId)> StartedSessionAsync(TestApp app, string itemTitle = "О программе лётных испытаний",
        DecisionKind kind = DecisionKind.ProgrammeApprovalOrChange, string draftRu = "Одобрить.", string? draftKk = null, string? itemTitleKk = null)
    {
        var commissionId = await app.QueryAsync(db => db.Commissions.Where(c => c.Code == "KZRU").Select(c => c.Id).SingleAsync());
        var start = SessionTime.ToLocal(DateTimeOffset.UtcNow.AddDays(12), Almaty);
        var created = await app.SendAsAsync("kz.secretary", new CreateSession.Command
        {
            CommissionId = commissionId,
            Kind = SessionKind.Regular,
            Format = SessionFormat.Mixed,
            Place = "Astana, Aerospace Committee",
            PlaceKk = "Астана қ., Аэроғарыш комитеті",
            ConferenceLink = "https://vc.example.kz/imc",
            StartLocal = new DateTime(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, DateTimeKind.Unspecified),
            TimeZoneId = Almaty,
        });
        var sessionId = created.SessionId;
        await app.SendAsAsync("kz.secretary", new SaveAgendaItem.Command
        {
            SessionId = sessionId,
            Version = await VersionAsync(app, sessionId),
            TitleRu = itemTitle,
            // KZRU-23: the agenda goes for approval only with every text in Kazakh too.
            TitleKk = itemTitleKk ?? "Мәселе: " + itemTitle,
            Rapporteurs = "Касымов Н.",
            DecisionKind = kind,
            DraftDecisionRu = draftRu,
            DraftDecisionKk = draftKk ?? (string.IsNullOrWhiteSpace(draftRu) ? null : "Мақұлдансын."),
        });
        await app.SendAsAsync("ru.secretary", new SendAgendaForApproval.Command { SessionId = sessionId, Version = await VersionAsync(app, sessionId) });
        foreach (var coChair in new[] { "kz.cochair", "ru.cochair" })
        {
            var agendaVersion = await app.QueryAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.AgendaVersion).SingleAsync());
            await app.SendAsAsync(coChair, new AnswerAgenda.Command { SessionId = sessionId, AgendaVersion = agendaVersion, Outcome = ApprovalOutcome.Approved });
        }

        await app.SendAsAsync("kz.secretary", new ChangeSessionState.Command { SessionId = sessionId, Version = await VersionAsync(app, sessionId), Step = SessionStep.Start, Reason = "Перенос: заседание проводится ранее назначенной даты" });
        // The item added above is the last one: an item deferred from an earlier session may be on the agenda before it.
        var itemId = await app.QueryAsync(db => db.AgendaItems.Where(i => i.SessionId == sessionId).OrderByDescending(i => i.Position).Select(i => i.Id).FirstAsync());
        return (sessionId, itemId);
    }

    /// <summary>
    /// The secretary of the voter's own side records the vote of a member who votes by show of hands or by
    /// name (KZRU-17: a secretary records only for their own side's members, never over a personal vote).
    /// </summary>
    public static async Task<VoteChoice> RecordVoteAsync(TestApp app, Guid ballotId, Guid membershipId, VoteChoice choice) =>
        await app.SendAsAsync(await SecretaryOfSideAsync(app, membershipId), new CastVote.Command { BallotId = ballotId, Choice = choice, ForMembershipId = membershipId });

    /// <summary>The demo sign-in of the secretary of this membership's side.</summary>
    public static async Task<string> SecretaryOfSideAsync(TestApp app, Guid membershipId) =>
        await app.QueryAsync(db => (from m in db.Memberships
                                    join sd in db.Sides on m.SideId equals sd.Id
                                    where m.Id == membershipId
                                    select sd.Code).SingleAsync()) == "KZ" ? "kz.secretary" : "ru.secretary";

    /// <summary>Current memberships with the sign-in of their person, if any.</summary>
    public static Task<List<RosterEntry>> RosterAsync(TestApp app) =>
        app.QueryAsync(db => (from m in db.Memberships
                              join u in db.Users on m.PersonId equals u.PersonId into users
                              from u in users.DefaultIfEmpty()
                              where m.EndedOn == null
                              orderby m.Role, m.Id
                              select new RosterEntry(m.Id, u == null ? null : u.UserName, m.Role)).ToListAsync());

    /// <summary>The KZ secretary marks every voter present in <paramref name="mode"/>; the representatives too when asked.</summary>
    public static async Task RegisterEveryoneAsync(TestApp app, Guid sessionId, AttendanceMode mode = AttendanceMode.InPerson, bool representatives = false)
    {
        foreach (var r in await RosterAsync(app))
        {
            if (r.Role == CommissionRole.Representative && !representatives)
            {
                continue;
            }

            await app.SendAsAsync(await LiveScenario.SecretaryOfSideAsync(app, r.MembershipId), new RegisterAttendance.Command { SessionId = sessionId, MembershipId = r.MembershipId, Mode = mode });
        }
    }

    private static Task<uint> VersionAsync(TestApp app, Guid sessionId) =>
        app.QueryAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Version).SingleAsync());
}

public sealed record RosterEntry(Guid MembershipId, string? UserName, CommissionRole Role);
