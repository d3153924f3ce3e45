using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Agenda;
using IntergovCommission.Web.Features.Sessions;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Sessions;

/// <summary>Steps the session tests share, each sent through the real pipeline as a demo user.</summary>
internal static class SessionSteps
{
    public const string Almaty = "Asia/Almaty";

    public static Task<Guid> CommissionIdAsync(TestApp app) => app.QueryAsync(db => db.Commissions.Select(c => c.Id).SingleAsync());

    /// <summary>A session starting <paramref name="days"/> (plus <paramref name="extraMinutes"/>) from now, set on the Astana clock.</summary>
    public static async Task<Guid> CreateSessionAsync(TestApp app, double days, double extraMinutes = 0)
    {
        var commissionId = await CommissionIdAsync(app);
        var start = SessionTime.ToLocal(DateTimeOffset.UtcNow.AddDays(days).AddMinutes(extraMinutes), Almaty);
        var result = await app.SendAsAsync("kz.secretary", new CreateSession.Command
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
        return result.SessionId;
    }

    public static Task<uint> RowVersionAsync(TestApp app, Guid sessionId) =>
        app.QueryAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Version).SingleAsync());

    public static Task<int> AgendaVersionAsync(TestApp app, Guid sessionId) =>
        app.QueryAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.AgendaVersion).SingleAsync());

    public static async Task AddItemAsync(TestApp app, Guid sessionId, string title, string user = "kz.secretary") =>
        await app.SendAsAsync(user, new SaveAgendaItem.Command
        {
            SessionId = sessionId,
            Version = await RowVersionAsync(app, sessionId),
            TitleRu = title,
            // KZRU-23: a Kazakh title too, unless the test is about a bad title.
            TitleKk = string.IsNullOrWhiteSpace(title) || title.Length > 480 ? null : "Мәселе: " + title,
            Rapporteurs = "Касымов Н.",
            DecisionKind = DecisionKind.ProgrammeApprovalOrChange,
            DraftDecisionRu = "Одобрить.",
            DraftDecisionKk = "Мақұлдансын.",
        });

    public static async Task SendForApprovalAsync(TestApp app, Guid sessionId) =>
        await app.SendAsAsync("ru.secretary", new SendAgendaForApproval.Command { SessionId = sessionId, Version = await RowVersionAsync(app, sessionId) });

    public static async Task ApproveAsync(TestApp app, Guid sessionId, string coChair, int? agendaVersion = null) =>
        await app.SendAsAsync(coChair, new AnswerAgenda.Command
        {
            SessionId = sessionId,
            AgendaVersion = agendaVersion ?? await AgendaVersionAsync(app, sessionId),
            Outcome = ApprovalOutcome.Approved,
        });

    public static Task<SessionState> StateAsync(TestApp app, Guid sessionId) =>
        app.QueryAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.State).SingleAsync());
}
