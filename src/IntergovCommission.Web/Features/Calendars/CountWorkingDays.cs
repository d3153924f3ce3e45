using FluentValidation;
using IntergovCommission.Domain.Calendars;
using IntergovCommission.Domain.Execution;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Calendars;

/// <summary>
/// WF-06: N working days after a date on country X's calendar (day 1 is the first working day after the date). A count that
/// passes through a year with no calendar entered is made on weekends only and says which years.
/// </summary>
public static class CountWorkingDays
{
    public sealed record Query(string Country, DateOnly From, int Days) : IQuery<Result>;

    /// <param name="Rule">The rule in English, as stored beside a deadline ("5 working days from 11.12.2026, KZ calendar").</param>
    public sealed record Result(string Country, DateOnly From, int Days, DateOnly Date, string Rule, IReadOnlyList<int> YearsWithoutCalendar);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(IStringLocalizer<SharedResource> text, CommissionDbContext db)
        {
            RuleFor(q => q.Country).Cascade(CascadeMode.Stop)
                .Must(c => WorkingDayCalendar.IsCountryCode(c?.Trim().ToUpperInvariant())).WithMessage(_ => text["Calendars.Validation.Country"])
                .MustAsync((c, ct) => WorkingDayCalendars.KnowsAsync(db, c.Trim().ToUpperInvariant(), ct)).WithMessage(q => text["Calendars.Validation.UnknownCountry", q.Country]);
            RuleFor(q => q.Days).InclusiveBetween(1, WorkingDayCalendar.MaxWorkingDays).WithMessage(_ => text["Calendars.Validation.Days", WorkingDayCalendar.MaxWorkingDays]);
            RuleFor(q => q.From).NotEqual(default(DateOnly)).WithMessage(_ => text["Calendars.Validation.From"]);
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

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var calendar = await WorkingDayCalendars.LoadAsync(db, request.Country, cancellationToken);
            var deadline = Deadline.InWorkingDays(calendar, request.From, request.Days);
            return new Result(calendar.Country, request.From, request.Days, deadline.Due, deadline.RuleText, deadline.YearsWithoutCalendar);
        }
    }
}
