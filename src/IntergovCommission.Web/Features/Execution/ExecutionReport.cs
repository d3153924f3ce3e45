using System.Globalization;
using FluentValidation;
using IntergovCommission.Documents;
using IntergovCommission.Domain.Execution;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Execution;

/// <summary>A period of the consolidated report (WF-05): the commission and the first and last day.</summary>
public interface IExecutionReportQuery
{
    Guid CommissionId { get; }
    DateOnly From { get; }
    DateOnly To { get; }
}

/// <summary>
/// WF-05: what the consolidated execution report of a period holds, for the PDF, the CSV and the page: every assignment of the
/// commission created by the end of the period that was due in it or is still unfinished, with its state, deadlines, extensions
/// and reports, as of today (overdue derived on the side's clock); per organisation the execution discipline — of the assignments due
/// in the period, the share accepted on a report that came in by the deadline in force.
/// </summary>
public static class ExecutionReport
{
    /// <summary>The fixed dates consolidated reports are sent by (WF-05): 15 June and 15 December (half-year), 10 January (year).</summary>
    public static IReadOnlyList<(int Month, int Day)> FixedDates { get; } = [(6, 15), (12, 15), (1, 10)];

    public class PeriodValidator<T> : AbstractValidator<T>
        where T : IExecutionReportQuery
    {
        public PeriodValidator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(q => q.From).NotEqual(default(DateOnly)).WithMessage(_ => text["Execution.Validation.Period"]);
            RuleFor(q => q.To).NotEqual(default(DateOnly)).WithMessage(_ => text["Execution.Validation.Period"]);
            RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From != default && q.To != default).WithMessage(_ => text["Execution.Validation.PeriodOrder"]);
            RuleFor(q => q.To).Must((q, to) => to.DayNumber - q.From.DayNumber <= 3660).When(q => q.From != default && q.To != default)
                .WithMessage(_ => text["Execution.Validation.PeriodLength"]);
        }
    }

    public static async Task<ExecutionReportDocument> BuildAsync(CommissionDbContext db, Guid commissionId, DateOnly from, DateOnly to, TimeProvider clock, CancellationToken ct)
    {
        var commission = await db.Commissions.AsNoTracking().Where(c => c.Id == commissionId).Select(c => new { c.Code, c.Name }).SingleAsync(ct);
        var (first, last) = (from, to);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var rows = await (from a in db.Assignments.AsNoTracking()
                          join s in db.Sides on a.SideId equals s.Id
                          join p in db.People on a.ResponsiblePersonId equals p.Id into ps
                          from p in ps.DefaultIfEmpty()
                          where a.CommissionId == commissionId && a.CreatedAt < end
                              && ((a.DueOn >= first && a.DueOn <= last) || a.State == AssignmentState.Open || a.State == AssignmentState.ReportSubmitted || a.State == AssignmentState.Returned)
                          orderby a.Organisation, a.Number
                          select new
                          {
                              a, s.Code, s.TimeZoneId, Person = p == null ? null : p.FullName.Ru,
                              Extensions = db.DeadlineExtensions.Count(e => e.AssignmentId == a.Id && e.Approved == true),
                              Reports = db.AssignmentReports.Count(r => r.AssignmentId == a.Id),
                              LastReportOn = db.AssignmentReports.Where(r => r.AssignmentId == a.Id).Max(r => (DateOnly?)r.SubmittedOn),
                              PendingOn = db.AssignmentReports.Where(r => r.AssignmentId == a.Id && r.Outcome == ReportOutcome.Pending).Max(r => (DateOnly?)r.SubmittedOn),
                              AcceptedOn = db.AssignmentReports.Where(r => r.AssignmentId == a.Id && r.Outcome == ReportOutcome.Accepted).Max(r => (DateOnly?)r.SubmittedOn),
                          }).ToListAsync(ct);
        var facts = rows.Select(x =>
        {
            var today = ExecutionAccess.TodayIn(x.TimeZoneId, clock);
            var overdue = x.a.IsOverdue(today, x.PendingOn);
            return (x, overdue, OnTime: ExecutionRules.IsDoneOnTime(x.a.State, x.a.DueOn, x.AcceptedOn));
        }).ToList();
        var report = facts.Select(f => new ExecutionReportRow(
            $"{commission.Code}-{f.x.a.Number}", f.x.a.Organisation, f.x.Code, new BilingualText(f.x.a.TaskKk ?? f.x.a.TaskRu ?? string.Empty, f.x.a.TaskRu ?? f.x.a.TaskKk ?? string.Empty),
            f.x.Person ?? f.x.a.ResponsibleName ?? "—", f.x.a.DueOn, f.x.a.OriginalDueOn, f.x.Extensions, f.x.Reports, f.x.LastReportOn, StateText(f.x.a.State), f.overdue)).ToList();
        var discipline = facts.GroupBy(f => f.x.a.Organisation, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var due = g.Where(f => f.x.a.DueOn >= from && f.x.a.DueOn <= to && f.x.a.State != AssignmentState.Cancelled).ToList();
            return new ExecutionDisciplineRow(g.Key, due.Count, due.Count(f => f.OnTime), due.Count(f => f.x.a.State == AssignmentState.Accepted && !f.OnTime),
                g.Count(f => ExecutionRules.IsUnfinished(f.x.a.State)), g.Count(f => f.overdue), g.Count(f => f.x.a.State == AssignmentState.Cancelled));
        }).ToList();
        var asOf = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new ExecutionReportDocument(new BilingualText(commission.Name.Kk ?? commission.Name.Ru ?? commission.Code, commission.Name.Ru ?? commission.Code), from, to, asOf, report, discipline);
    }

    public static BilingualText StateText(AssignmentState state) => state switch
    {
        AssignmentState.Open => new("орындалуда", "на исполнении"),
        AssignmentState.ReportSubmitted => new("есеп ұсынылды", "отчёт представлен"),
        AssignmentState.Returned => new("пысықтауға қайтарылды", "возвращено на доработку"),
        AssignmentState.Accepted => new("орындалды", "исполнено"),
        _ => new("жойылды", "отменено"),
    };

    public static string FileName(string extension, DateOnly from, DateOnly to) =>
        string.Create(CultureInfo.InvariantCulture, $"execution-report-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.{extension}");
}
