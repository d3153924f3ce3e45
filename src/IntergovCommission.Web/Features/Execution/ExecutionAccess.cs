using IntergovCommission.Domain.Execution;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Calendars;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Execution;

/// <summary>What an assignment's authorizer needs to judge a caller: no role test here (those live in each use case's Authorizer).</summary>
public sealed record AssignmentParties(Guid Id, Guid CommissionId, Guid SideId, Guid? ResponsiblePersonId, Guid ControllerPersonId);

/// <summary>Loading what the execution use cases share (KZRU-07, WF-06).</summary>
public static class ExecutionAccess
{
    public static async Task<AssignmentParties> PartiesAsync(CommissionDbContext db, Guid assignmentId, CancellationToken ct) =>
        await db.Assignments.AsNoTracking().Where(a => a.Id == assignmentId)
            .Select(a => new AssignmentParties(a.Id, a.CommissionId, a.SideId, a.ResponsiblePersonId, a.ControllerPersonId))
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Assignment", assignmentId);

    /// <summary>The assignment to change, checked against the version the caller read (when given).</summary>
    public static async Task<Assignment> ForChangeAsync(CommissionDbContext db, Guid assignmentId, uint? version, CancellationToken ct)
    {
        var assignment = await db.Assignments.SingleOrDefaultAsync(a => a.Id == assignmentId, ct) ?? throw new NotFoundException("Assignment", assignmentId);
        if (version is uint seen)
        {
            db.Entry(assignment).Property(a => a.Version).OriginalValue = seen;
        }

        return assignment;
    }

    /// <summary>The side's country code (its calendar) and today's date on its clock.</summary>
    public static async Task<(string Country, DateOnly Today)> SideClockAsync(CommissionDbContext db, Guid sideId, TimeProvider clock, CancellationToken ct)
    {
        var side = await db.Sides.AsNoTracking().Where(s => s.Id == sideId).Select(s => new { s.Code, s.TimeZoneId }).SingleAsync(ct);
        return (side.Code, TodayIn(side.TimeZoneId, clock));
    }

    public static DateOnly TodayIn(string timeZoneId, TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).DateTime);

    /// <summary>
    /// WF-06: the deadline from what the caller gave: a date (not before today on the side's clock), or N working days after a
    /// start date (default today) on the side's country calendar. A side whose country has no calendar at all is refused.
    /// </summary>
    public static async Task<Deadline> DeadlineAsync(CommissionDbContext db, string country, DateOnly today, DateOnly? dueOn, int? workingDays, DateOnly? countFrom,
        Func<string, string> text, CancellationToken ct)
    {
        if (workingDays is int n)
        {
            if (!await WorkingDayCalendars.KnowsAsync(db, country, ct))
            {
                throw new InputValidationException("WorkingDays", text("Execution.Validation.NoCalendar"));
            }

            var calendar = await WorkingDayCalendars.LoadAsync(db, country, ct);
            var deadline = Deadline.InWorkingDays(calendar, countFrom ?? today, n);
            if (deadline.Due < today)
            {
                throw new InputValidationException("CountFrom", text("Execution.Validation.DeadlinePast"));
            }

            return deadline;
        }

        var due = dueOn!.Value;
        if (due < today)
        {
            throw new InputValidationException("DueOn", text("Execution.Validation.DeadlinePast"));
        }

        return Deadline.OnDate(due);
    }
}
