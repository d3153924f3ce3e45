using IntergovCommission.Domain.Calendars;
using IntergovCommission.Domain.Execution;
using IntergovCommission.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Calendars;

/// <summary>A deadline a calendar change moved: which assignment, from which date to which.</summary>
public sealed record MovedDeadline(Guid AssignmentId, Guid CommissionId, int Number, DateOnly From, DateOnly To);

/// <summary>WF-04: the answer term of a circulated draft that a calendar edit moved.</summary>
public sealed record MovedCirculationTerm(Guid CirculationId, Guid CommissionId, int Number, DateOnly From, DateOnly To);

/// <summary>WF-06: the stored calendars read into the domain's arithmetic, and the deadlines counted on them.</summary>
public static class WorkingDayCalendars
{
    /// <summary>The countries that have at least one calendar year entered.</summary>
    public static async Task<IReadOnlyList<string>> CountriesAsync(CommissionDbContext db, CancellationToken ct) =>
        await db.CalendarYears.AsNoTracking().Select(y => y.Country).Distinct().OrderBy(c => c).ToListAsync(ct);

    /// <summary>Whether any calendar of the country is entered (an unknown country is refused, not guessed).</summary>
    public static Task<bool> KnowsAsync(CommissionDbContext db, string country, CancellationToken ct) =>
        db.CalendarYears.AnyAsync(y => y.Country == country, ct);

    /// <summary>
    /// Every entered year of the country's calendar, as stored and as changed by the edit in progress (the tracked, not yet
    /// saved years and days): the edit is saved once, by the pipeline, so the audit trail records it.
    /// </summary>
    public static async Task<WorkingDayCalendar> LoadAsync(CommissionDbContext db, string country, CancellationToken ct)
    {
        var code = WorkingDayCalendar.NormaliseCountry(country);
        var years = (await db.CalendarYears.AsNoTracking().Where(y => y.Country == code).ToListAsync(ct)).ToDictionary(y => y.Year);
        var days = (await db.CalendarDays.AsNoTracking().Where(d => d.Country == code).ToListAsync(ct)).ToDictionary(d => d.Date, d => d.ToDomain());
        db.ChangeTracker.DetectChanges();
        foreach (var entry in db.ChangeTracker.Entries<CalendarYearRecord>().Where(e => e.Entity.Country == code))
        {
            if (entry.State == EntityState.Deleted)
            {
                years.Remove(entry.Entity.Year);
            }
            else
            {
                years[entry.Entity.Year] = entry.Entity;
            }
        }

        foreach (var entry in db.ChangeTracker.Entries<CalendarDayRecord>().Where(e => e.Entity.Country == code))
        {
            if (entry.State == EntityState.Deleted)
            {
                days.Remove(entry.Entity.Date);
            }
            else
            {
                days[entry.Entity.Date] = entry.Entity.ToDomain();
            }
        }

        return new WorkingDayCalendar(code, years.Values.Select(y => CalendarYear.Create(code, y.Year, y.Source, y.Provisional,
            days.Values.Where(d => d.Date.Year == y.Year))));
    }

    /// <summary>
    /// After a change to the country's calendar: every unfinished assignment whose deadline is counted in working days on it is
    /// counted again (in the same transaction as the change, so the audit trail holds both). Returns the deadlines that moved.
    /// </summary>
    public static async Task<CalendarChange> RecountDeadlinesAsync(CommissionDbContext db, string country, CancellationToken ct)
    {
        var calendar = await LoadAsync(db, country, ct);
        var dependent = await db.Assignments
            .Where(a => a.DeadlineCountry == calendar.Country && a.DeadlineWorkingDays != null
                && (a.State == AssignmentState.Open || a.State == AssignmentState.ReportSubmitted || a.State == AssignmentState.Returned))
            .ToListAsync(ct);
        var moved = new List<MovedDeadline>();
        foreach (var assignment in dependent)
        {
            if (assignment.Recount(calendar) is DateOnly from)
            {
                moved.Add(new MovedDeadline(assignment.Id, assignment.CommissionId, assignment.Number, from, assignment.DueOn));
            }
        }

        // WF-04: the term of a circulated draft on which some body has not answered is counted again on the same calendar.
        var circulations = await (from c in db.Circulations
                                  join s in db.Sides on c.SideId equals s.Id
                                  where s.Code == calendar.Country && db.CirculationBodies.Any(b => b.CirculationId == c.Id && b.Answer == null)
                                  select c).ToListAsync(ct);
        var movedTerms = new List<MovedCirculationTerm>();
        foreach (var circulation in circulations)
        {
            if (circulation.Recount(calendar) is DateOnly from)
            {
                movedTerms.Add(new MovedCirculationTerm(circulation.Id, circulation.CommissionId, circulation.Number, from, circulation.DueOn));
            }
        }

        return new CalendarChange(moved) { MovedCirculationTerms = movedTerms };
    }
}
