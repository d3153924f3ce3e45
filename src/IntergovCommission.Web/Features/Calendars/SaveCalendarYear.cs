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
/// WF-06: an administrator enters a country's calendar for a year (any country by its ISO code), or corrects its source
/// (decree number and date) and whether it is provisional. Entering a year that deadlines were counted through on weekends
/// only counts them again; the deadlines that moved are returned. Audited.
/// </summary>
public static class SaveCalendarYear
{
    public sealed class Command : ICommand<CalendarChange>
    {
        public string Country { get; set; } = string.Empty;
        public int Year { get; set; }
        public string? Source { get; set; }
        public bool Provisional { get; set; }
        /// <summary>The version read with the year; null to enter a new year.</summary>
        public uint? Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.Country).Must(c => WorkingDayCalendar.IsCountryCode(c?.Trim().ToUpperInvariant())).WithMessage(_ => text["Calendars.Validation.Country"]);
            RuleFor(c => c.Year).InclusiveBetween(1900, 2100).WithMessage(_ => text["Validation.Range", 1900, 2100]);
            RuleFor(c => c.Source).NotEmpty().WithMessage(_ => text["Calendars.Validation.Source"])
                .MaximumLength(1000).WithMessage(_ => text["Validation.MaxLength", 1000]);
        }
    }

    public sealed class Authorizer : IAuthorizer<Command>
    {
        public Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            CalendarAuthority.RequireEditor(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, TimeProvider clock) : IRequestHandler<Command, CalendarChange>
    {
        public async Task<CalendarChange> Handle(Command request, CancellationToken cancellationToken)
        {
            var country = WorkingDayCalendar.NormaliseCountry(request.Country);
            var year = await db.CalendarYears.SingleOrDefaultAsync(y => y.Country == country && y.Year == request.Year, cancellationToken);
            if (year is null)
            {
                if (request.Version is not null)
                {
                    throw new ConflictException("This calendar year was removed or never entered; reload the page.");
                }

                db.CalendarYears.Add(new CalendarYearRecord(country, request.Year, request.Source!.Trim(), request.Provisional, clock.GetUtcNow()));
            }
            else
            {
                if (request.Version is not uint version)
                {
                    throw new ConflictException("This calendar year is already entered; open it to edit.");
                }

                db.Entry(year).Property(y => y.Version).OriginalValue = version;
                year.Describe(request.Source!.Trim(), request.Provisional, clock.GetUtcNow());
            }

            return await WorkingDayCalendars.RecountDeadlinesAsync(db, country, cancellationToken);
        }
    }
}

/// <summary>What a calendar edit did to the deadlines counted on it.</summary>
public sealed record CalendarChange(IReadOnlyList<MovedDeadline> MovedDeadlines)
{
    /// <summary>WF-04: answer terms of circulated drafts the edit moved.</summary>
    public IReadOnlyList<MovedCirculationTerm> MovedCirculationTerms { get; init; } = [];
}
