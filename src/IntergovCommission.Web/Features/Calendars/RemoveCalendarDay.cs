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
/// WF-06: an administrator removes a day from an entered calendar year (it becomes an ordinary weekday or weekend day again);
/// deadlines counted on the country's calendar are counted again and the moved ones returned. Audited.
/// </summary>
public static class RemoveCalendarDay
{
    public sealed class Command : ICommand<CalendarChange>
    {
        public string Country { get; set; } = string.Empty;
        public DateOnly Date { get; set; }
        public uint Version { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.Country).Must(c => WorkingDayCalendar.IsCountryCode(c?.Trim().ToUpperInvariant())).WithMessage(_ => text["Calendars.Validation.Country"]);
            RuleFor(c => c.Date).NotEqual(default(DateOnly)).WithMessage(_ => text["Calendars.Validation.Date"]);
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
            await CalendarEdits.YearAsync(db, text, country, request.Date.Year, request.Version, clock, cancellationToken);
            var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.Country == country && d.Date == request.Date, cancellationToken)
                ?? throw new NotFoundException($"{country} {request.Date:yyyy-MM-dd} is not in the calendar.");
            db.CalendarDays.Remove(day);
            return await WorkingDayCalendars.RecountDeadlinesAsync(db, country, cancellationToken);
        }
    }
}
