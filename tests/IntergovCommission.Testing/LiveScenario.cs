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
        var commissionId = await app.QueryAsync(db => db.Commissions.Select(c => c.Id).SingleAsync());
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
            TitleKk = itemTitleKk,
            Rapporteurs = "Касымов Н.",
            DecisionKind = kind,
            DraftDecisionRu = draftRu,
            DraftDecisionKk = draftKk,
        });
        await app.SendAsAsync("ru.secretary", new SendAgendaForApproval.Command { SessionId = sessionId, Version = await VersionAsync(app, sessionId) });
        foreach (var coChair in new[] { "kz.cochair", "ru.cochair" })
        {
            var agendaVersion = await app.QueryAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.AgendaVersion).SingleAsync());
            await app.SendAsAsync(coChair, new AnswerAgenda.Command { SessionId = sessionId, AgendaVersion = agendaVersion, Outcome = ApprovalOutcome.Approved });
        }

        await app.SendAsAsync("kz.secretary", new ChangeSessionState.Command { SessionId = sessionId, Version = await VersionAsync(app, sessionId), Step = SessionStep.Start });
        var itemId = await app.QueryAsync(db => db.AgendaItems.Where(i => i.SessionId == sessionId).Select(i => i.Id).SingleAsync());
        return (sessionId, itemId);
    }

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

            await app.SendAsAsync("kz.secretary", new RegisterAttendance.Command { SessionId = sessionId, MembershipId = r.MembershipId, Mode = mode });
        }
    }

    private static Task<uint> VersionAsync(TestApp app, Guid sessionId) =>
        app.QueryAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Version).SingleAsync());
}

public sealed record RosterEntry(Guid MembershipId, string? UserName, CommissionRole Role);
