using FluentValidation;
using IntergovCommission.Domain.Calendars;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Calendars;

/// <summary>
/// WF-06: a country's working-day calendar for a year as entered: its source, the exceptions to the week (holidays, moved days
/// off with the date moved from, working weekend days, shortened days) and the number of working days; a year not entered
/// says so (deadlines in it are counted on weekends only and flagged). Calendars are public facts: any signed-in caller reads them.
/// </summary>
public static class GetCalendarYear
{
    public sealed record Query(string Country, int Year) : IQuery<Result>;

    public sealed record Day(DateOnly Date, CalendarDayKind Kind, DateOnly? MovedFrom, string? Note);

    /// <param name="Entered">False: no calendar entered for the year (weekends only, flagged).</param>
    /// <param name="Version">The year's concurrency version (send it back with an edit).</param>
    public sealed record Result(string Country, int Year, bool Entered, string? Source, bool Provisional, uint Version, int WorkingDays,
        IReadOnlyList<Day> Days, IReadOnlyList<string> Countries, IReadOnlyList<int> EnteredYears, bool CanEdit);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(q => q.Country).Must(c => WorkingDayCalendar.IsCountryCode(c?.Trim().ToUpperInvariant())).WithMessage(_ => text["Calendars.Validation.Country"]);
            RuleFor(q => q.Year).InclusiveBetween(1900, 2100).WithMessage(_ => text["Validation.Range", 1900, 2100]);
        }
    }

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var country = request.Country.Trim().ToUpperInvariant();
            var countries = await WorkingDayCalendars.CountriesAsync(db, cancellationToken);
            if (!countries.Contains(country))
            {
                throw new NotFoundException($"No working-day calendar is entered for country {country}.");
            }

            var year = await db.CalendarYears.AsNoTracking().SingleOrDefaultAsync(y => y.Country == country && y.Year == request.Year, cancellationToken);
            var days = await db.CalendarDays.AsNoTracking().Where(d => d.Country == country && d.Year == request.Year).OrderBy(d => d.Date)
                .Select(d => new Day(d.Date, d.Kind, d.MovedFrom, d.Note)).ToListAsync(cancellationToken);
            var years = await db.CalendarYears.AsNoTracking().Where(y => y.Country == country).OrderBy(y => y.Year).Select(y => y.Year).ToListAsync(cancellationToken);
            var calendar = await WorkingDayCalendars.LoadAsync(db, country, cancellationToken);
            var working = calendar.WorkingDaysBetween(new DateOnly(request.Year, 1, 1).AddDays(-1), new DateOnly(request.Year, 12, 31)).Days;
            var actor = await actors.GetActorAsync(cancellationToken);
            return new Result(country, request.Year, year is not null, year?.Source, year?.Provisional ?? false, year?.Version ?? 0, working, days, countries, years,
                CalendarAuthority.MayEdit(actor));
        }
    }
}

/// <summary>Who keeps the calendars: the only role test of the calendar use cases.</summary>
public static class CalendarAuthority
{
    /// <summary>Calendars are system data, not a commission's business: an administrator edits them.</summary>
    public static bool MayEdit(Actor actor) => actor.IsAdministrator; // calendars are the installation's data, not a commission's

    public static void RequireEditor(Actor actor)
    {
        Require.SignedIn(actor);
        if (!MayEdit(actor))
        {
            throw new ForbiddenException("WF-06: an administrator keeps the working-day calendars.", "WF-06");
        }
    }
}
