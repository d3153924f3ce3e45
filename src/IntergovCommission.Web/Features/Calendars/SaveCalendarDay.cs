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
/// WF-06: an administrator records or corrects one day of an entered calendar year: a holiday (a moving religious holiday
/// corrected), a day off moved by decree with the date it was moved from, a weekend day made working, a shortened day.
/// The deadlines counted in working days on that country's calendar are counted again in the same transaction; the ones that
/// moved are returned (and the audit trail holds every change).
/// </summary>
public static class SaveCalendarDay
{
    public sealed class Command : ICommand<CalendarChange>
    {
        public string Country { get; set; } = string.Empty;
        public DateOnly Date { get; set; }
        public CalendarDayKind Kind { get; set; }
        /// <summary>For a moved day off (or a working weekend day): the date the day off was moved from.</summary>
        public DateOnly? MovedFrom { get; set; }
        public string? Note { get; set; }
        /// <summary>The year's version as read (a concurrent edit of the same year: one wins).</summary>
        public uint Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.Country).Must(c => WorkingDayCalendar.IsCountryCode(c?.Trim().ToUpperInvariant())).WithMessage(_ => text["Calendars.Validation.Country"]);
            RuleFor(c => c.Date).NotEqual(default(DateOnly)).WithMessage(_ => text["Calendars.Validation.Date"]);
            RuleFor(c => c.Kind).IsInEnum().WithMessage(_ => text["Calendars.Validation.Kind"]);
            RuleFor(c => c.Note).MaximumLength(300).WithMessage(_ => text["Validation.MaxLength", 300]);
            RuleFor(c => c.Date).Must(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                .When(c => c.Kind == CalendarDayKind.WorkingWeekend && c.Date != default).WithMessage(_ => text["Calendars.Validation.WorkingWeekend"]);
            RuleFor(c => c.Date).Must(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                .When(c => c.Kind == CalendarDayKind.Shortened && c.Date != default).WithMessage(_ => text["Calendars.Validation.ShortenedWeekday"]);
            RuleFor(c => c.MovedFrom).NotNull().When(c => c.Kind == CalendarDayKind.DayOff).WithMessage(_ => text["Calendars.Validation.MovedFrom"]);
            RuleFor(c => c.MovedFrom).Must((c, from) => from != c.Date).When(c => c.MovedFrom is not null).WithMessage(_ => text["Calendars.Validation.MovedFromSame"]);
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

    public sealed class Handler(CommissionDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock) : IRequestHandler<Command, CalendarChange>
    {
        public async Task<CalendarChange> Handle(Command request, CancellationToken cancellationToken)
        {
            var country = WorkingDayCalendar.NormaliseCountry(request.Country);
            var year = await CalendarEdits.YearAsync(db, text, country, request.Date.Year, request.Version, clock, cancellationToken);
            var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
            var day = new CalendarDay(request.Date, request.Kind, request.MovedFrom, note);
            var existing = await db.CalendarDays.SingleOrDefaultAsync(d => d.Country == country && d.Date == request.Date, cancellationToken);
            if (existing is null)
            {
                db.CalendarDays.Add(new CalendarDayRecord(year.Country, day));
            }
            else
            {
                existing.Change(day);
            }

            return await WorkingDayCalendars.RecountDeadlinesAsync(db, country, cancellationToken);
        }
    }
}

/// <summary>What the day edits share: the entered year, checked against the version the editor read.</summary>
internal static class CalendarEdits
{
    public static async Task<CalendarYearRecord> YearAsync(CommissionDbContext db, IStringLocalizer<SharedResource> text, string country, int yearNumber, uint version, TimeProvider clock, CancellationToken ct)
    {
        var year = await db.CalendarYears.SingleOrDefaultAsync(y => y.Country == country && y.Year == yearNumber, ct)
            ?? throw new InputValidationException("Date", text["Calendars.Validation.YearNotEntered", country, yearNumber]);
        db.Entry(year).Property(y => y.Version).OriginalValue = version;
        year.Touch(clock.GetUtcNow());
        return year;
    }
}
