using System.Globalization;
using IntergovCommission.Documents;
using IntergovCommission.Domain.Execution;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Treaties;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Execution;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Treaties;

/// <summary>What the treaty use cases share (WF-07): loading a treaty's commission, the year's figures, the report as a document.</summary>
public static class TreatyRegister
{
    public sealed record TreatyParties(Guid Id, Guid CommissionId, Guid ReportingSideId);

    public static async Task<TreatyParties> PartiesAsync(CommissionDbContext db, Guid treatyId, CancellationToken ct) =>
        await db.Treaties.AsNoTracking().Where(t => t.Id == treatyId).Select(t => new TreatyParties(t.Id, t.CommissionId, t.ReportingSideId)).SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException("Treaty", treatyId);

    /// <summary>WF-07 field (9), the figures: the commission's record of the calendar year (sessions, decisions by kind, assignments by side).</summary>
    public static async Task<TreatyYearFigures> FiguresAsync(CommissionDbContext db, Guid commissionId, int year, TimeProvider clock, CancellationToken ct)
    {
        var sessions = (await db.Sessions.AsNoTracking().Where(s => s.CommissionId == commissionId)
                .Select(s => new { s.StartsAt, s.TimeZoneId, s.Kind, s.State }).ToListAsync(ct))
            .Select(s => new SessionFact(LocalDate(s.StartsAt, s.TimeZoneId), s.Kind, s.State)).ToList();
        var decisions = (await (from d in db.Decisions.AsNoTracking()
                                join s in db.Sessions on d.SessionId equals s.Id
                                where d.CommissionId == commissionId && d.State != Domain.Decisions.DecisionState.Superseded
                                select new { s.StartsAt, s.TimeZoneId, d.Kind }).ToListAsync(ct))
            .Select(d => new DecisionFact(LocalDate(d.StartsAt, d.TimeZoneId), d.Kind)).ToList();
        var assignments = (await (from a in db.Assignments.AsNoTracking()
                                  join s in db.Sides on a.SideId equals s.Id
                                  where a.CommissionId == commissionId
                                  select new
                                  {
                                      s.Code, s.TimeZoneId, a.CreatedAt, a.DueOn, a.State,
                                      AcceptedOn = db.AssignmentReports.Where(r => r.AssignmentId == a.Id && r.Outcome == ReportOutcome.Accepted).Max(r => (DateOnly?)r.SubmittedOn),
                                      PendingOn = db.AssignmentReports.Where(r => r.AssignmentId == a.Id && r.Outcome == ReportOutcome.Pending).Max(r => (DateOnly?)r.SubmittedOn),
                                  }).ToListAsync(ct))
            .Select(a => new AssignmentFact(a.Code, LocalDate(a.CreatedAt, a.TimeZoneId), a.DueOn, a.State, a.AcceptedOn, a.PendingOn, ExecutionAccess.TodayIn(a.TimeZoneId, clock)))
            .ToList();
        return TreatyYearFigures.Compute(year, sessions, decisions, assignments);
    }

    private static DateOnly LocalDate(DateTimeOffset at, string timeZoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).DateTime);

    /// <summary>Field (9)'s figures in words, Kazakh and Russian (the document's wording; decision kinds as the Regulation names them).</summary>
    public static BilingualText StatisticsText(TreatyYearFigures f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var ci = CultureInfo.InvariantCulture;
        var kindsKk = f.DecisionsByKind.Count == 0 ? string.Empty : " (" + string.Join("; ", f.DecisionsByKind.Select(k => string.Create(ci, $"{KindName(k.Kind).Kk} — {k.Count}"))) + ")";
        var kindsRu = f.DecisionsByKind.Count == 0 ? string.Empty : " (" + string.Join("; ", f.DecisionsByKind.Select(k => string.Create(ci, $"{KindName(k.Kind).Ru} — {k.Count}"))) + ")";
        var sidesKk = f.Sides.Count == 0 ? "тапсырмалар берілмеген" : "Тапсырмалар: " + string.Join("; ", f.Sides.Select(s => string.Create(ci,
            $"{s.Side} — берілгені {s.Given}, мерзімі келгені {s.Due}, мерзімінде орындалғаны {s.DoneOnTime}, кешігіп орындалғаны {s.DoneLate}, мерзімі өткені {s.Overdue}")));
        var sidesRu = f.Sides.Count == 0 ? "поручения не давались" : "Поручения: " + string.Join("; ", f.Sides.Select(s => string.Create(ci,
            $"{s.Side} — дано {s.Given}, срок наступил {s.Due}, исполнено в срок {s.DoneOnTime}, с опозданием {s.DoneLate}, просрочено {s.Overdue}")));
        return new BilingualText(
            string.Create(ci, $"{f.Year} жыл ішінде: өткізілген отырыстар — {f.SessionsHeld} (кезекті — {f.RegularSessions}, кезектен тыс — {f.ExtraordinarySessions}); қабылданған шешімдер — {f.Decisions}{kindsKk}. {sidesKk}."),
            string.Create(ci, $"За {f.Year} год: проведено заседаний — {f.SessionsHeld} (очередных — {f.RegularSessions}, внеочередных — {f.ExtraordinarySessions}); принято решений — {f.Decisions}{kindsRu}. {sidesRu}."));
    }

    public static BilingualText KindName(DecisionKind kind) => kind switch
    {
        DecisionKind.FlightTestStartOrCompletion => new("Ұшу сынақтарын бастау немесе аяқтау", "Начало или завершение летных испытаний"),
        DecisionKind.IrreversibleOperations => new("Қайтымсыз операцияларды бастау", "Начало необратимых операций"),
        DecisionKind.ComplexOperation => new("Кешенді пайдалану (нысаналы міндеттер)", "Эксплуатация комплекса (целевые задачи)"),
        DecisionKind.ProgrammeApprovalOrChange => new("Ұшу сынақтары бағдарламасын бекіту немесе өзгерту", "Утверждение или изменение программы летных испытаний"),
        DecisionKind.FlightTestSuspension => new("Ұшу сынақтарын тоқтата тұру", "Приостановка летных испытаний"),
        DecisionKind.WorkingGroup => new("Жұмыс тобы", "Рабочая группа"),
        DecisionKind.AccidentCommission => new("Авариялық комиссия", "Аварийная комиссия"),
        _ => new("Басқа мәселелер", "Прочие вопросы"),
    };

    /// <summary>The report of a treaty for a year as the PDF and DOCX print it.</summary>
    public static async Task<TreatyReportDocument> DocumentAsync(CommissionDbContext db, Guid treatyId, int year, TimeProvider clock, CancellationToken ct)
    {
        var t = await db.Treaties.AsNoTracking().SingleOrDefaultAsync(x => x.Id == treatyId, ct) ?? throw new NotFoundException("Treaty", treatyId);
        var commission = await db.Commissions.AsNoTracking().Where(c => c.Id == t.CommissionId).Select(c => new { c.Code, c.Name }).SingleAsync(ct);
        var report = await db.TreatyReports.AsNoTracking().SingleOrDefaultAsync(r => r.TreatyId == treatyId && r.Year == year, ct);
        var figures = await FiguresAsync(db, t.CommissionId, year, clock, ct);
        var zone = await db.Sides.AsNoTracking().Where(s => s.Id == t.ReportingSideId).Select(s => s.TimeZoneId).SingleAsync(ct);
        return new TreatyReportDocument(
            new BilingualText(commission.Name.Kk ?? commission.Name.Ru ?? commission.Code, commission.Name.Ru ?? commission.Code),
            year, TreatyReportRules.DeadlineFor(year), ExecutionAccess.TodayIn(zone, clock),
            new BilingualText(t.NameKk ?? t.NameRu, t.NameRu), t.ConcludedOn, t.SigningActs, t.InForceOn, t.InForceActs, t.Validity, t.ResponsibleBodies, t.Subject,
            StatisticsText(figures), report?.Measures, report?.Problems, (int?)report?.Proposal, report?.ProposalText);
    }

    public static string FileName(string extension, int year, Guid treatyId) =>
        string.Create(CultureInfo.InvariantCulture, $"treaty-report-{year}-{treatyId.ToString("N")[..8]}.{extension}");

    /// <summary>A report year the system drafts: from the treaty's conclusion to next year.</summary>
    public const int FirstYear = 1991;
}
