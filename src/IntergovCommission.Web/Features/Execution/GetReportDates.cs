using IntergovCommission.Domain.Calendars;
using IntergovCommission.Domain.Execution;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Calendars;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Execution;

/// <summary>
/// WF-05, WF-07: the fixed report dates ahead — the half-year reports by 15 June and 15 December, the annual report and the treaty reports by
/// 10 January — with the period each covers and the working days left on each side's calendar (today on that side's clock). Tracked on the
/// control page and reminded like deadlines (<see cref="ReportDateReminders"/>).
/// </summary>
public static class GetReportDates
{
    public sealed record Query(Guid CommissionId) : IQuery<IReadOnlyList<Row>>;

    /// <param name="WorkingDaysLeft">Per side code: working days from today to the date (0 on the day).</param>
    public sealed record Row(DateOnly On, FixedReportKind Kind, DateOnly From, DateOnly To, IReadOnlyDictionary<string, int> WorkingDaysLeft);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.InCommission(actor, request.CommissionId);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, TimeProvider clock) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken)
        {
            var sides = await db.Sides.AsNoTracking().Where(s => s.CommissionId == request.CommissionId).OrderBy(s => s.Code)
                .Select(s => new { s.Code, s.TimeZoneId }).ToListAsync(cancellationToken);
            if (sides.Count == 0)
            {
                throw new NotFoundException("Commission", request.CommissionId);
            }

            var hasTreaties = await db.Treaties.AnyAsync(t => t.CommissionId == request.CommissionId, cancellationToken);
            var clocks = new List<(string Code, DateOnly Today, WorkingDayCalendar Calendar)>();
            foreach (var s in sides)
            {
                clocks.Add((s.Code, ExecutionAccess.TodayIn(s.TimeZoneId, clock), await CalendarOfAsync(db, s.Code, cancellationToken)));
            }

            var earliest = clocks.Min(c => c.Today);
            return [.. FixedReportDates.Upcoming(earliest, 6).Where(d => hasTreaties || d.Kind != FixedReportKind.Treaties).Select(d => new Row(d.On, d.Kind, d.From, d.To,
                clocks.ToDictionary(c => c.Code, c => c.Today >= d.On ? 0 : c.Calendar.WorkingDaysBetween(c.Today, d.On).Days, StringComparer.Ordinal)))];
        }
    }

    /// <summary>The side's country calendar, or weekends only when none is entered.</summary>
    public static async Task<WorkingDayCalendar> CalendarOfAsync(CommissionDbContext db, string code, CancellationToken ct) =>
        WorkingDayCalendar.IsCountryCode(code) && await WorkingDayCalendars.KnowsAsync(db, code, ct)
            ? await WorkingDayCalendars.LoadAsync(db, code, ct)
            : new WorkingDayCalendar("XX", []);
}
