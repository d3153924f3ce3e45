using FluentValidation;
using IntergovCommission.Domain.Approvals;
using IntergovCommission.Domain.Execution;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Calendars;
using IntergovCommission.Web.Features.Execution;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Circulation;

/// <summary>
/// WF-04 (seed 004 cl. 32): the secretariat of the responsible side records that a draft was sent round to bodies for approval, and the day
/// they received it. The term — 2 working days on that side's country calendar, day 1 the first working day after receipt — is computed and
/// stored with the draft; a body that gives no written answer within it is deemed to agree without remarks. Audited.
/// </summary>
public static class StartCirculation
{
    public const int MaxBodies = 50;

    public sealed class Command : ICommand<Result>, ICommissionScoped
    {
        public Guid CommissionId { get; set; }
        /// <summary>The responsible side: its country's calendar counts the term.</summary>
        public Guid SideId { get; set; }
        public string? TitleRu { get; set; }
        public string? TitleKk { get; set; }
        /// <summary>What was sent (name, reference, where it is kept).</summary>
        public string? Document { get; set; }
        /// <summary>The day the bodies received the draft; empty: today on the side's clock. Not in the future.</summary>
        public DateOnly? SentOn { get; set; }
        /// <summary>The bodies (organisations) it was sent to.</summary>
        public List<string> Bodies { get; set; } = [];
    }

    public sealed record Result(Guid CirculationId, int Number, DateOnly SentOn, DateOnly DueOn, string Rule, IReadOnlyList<int> YearsWithoutCalendar);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.TitleRu).NotEmpty().When(c => string.IsNullOrWhiteSpace(c.TitleKk)).WithMessage(_ => text["Circulation.Validation.Title"]);
            RuleFor(c => c.TitleRu).MaximumLength(1000).WithMessage(_ => text["Validation.MaxLength", 1000]);
            RuleFor(c => c.TitleKk).MaximumLength(1000).WithMessage(_ => text["Validation.MaxLength", 1000]);
            RuleFor(c => c.Document).MaximumLength(2000).WithMessage(_ => text["Validation.MaxLength", 2000]);
            RuleFor(c => c.Bodies).Must(b => b is not null && b.Any(x => !string.IsNullOrWhiteSpace(x))).WithMessage(_ => text["Circulation.Validation.Bodies"]);
            RuleFor(c => c.Bodies).Must(b => b is null || b.Count(x => !string.IsNullOrWhiteSpace(x)) <= MaxBodies).WithMessage(_ => text["Circulation.Validation.TooManyBodies", MaxBodies]);
            RuleFor(c => c.Bodies).Must(b => b is null || b.All(x => x is null || x.Trim().Length <= 500)).WithMessage(_ => text["Validation.MaxLength", 500]);
            RuleFor(c => c.Bodies).Must(b => b is null || b.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count()
                    == b.Count(x => !string.IsNullOrWhiteSpace(x)))
                .WithMessage(_ => text["Circulation.Validation.DuplicateBody"]);
        }
    }

    public sealed class Authorizer : IAuthorizer<Command>
    {
        public Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            CirculationAccess.RequireCirculate(actor, request.CommissionId, request.SideId);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, IStringLocalizer<SharedResource> text, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            if (!await db.Sides.AnyAsync(s => s.Id == request.SideId && s.CommissionId == request.CommissionId, cancellationToken))
            {
                throw new InputValidationException(nameof(Command.SideId), text["Circulation.Validation.Side"]);
            }

            var (country, today) = await ExecutionAccess.SideClockAsync(db, request.SideId, clock, cancellationToken);
            var sentOn = request.SentOn ?? today;
            if (sentOn > today)
            {
                throw new InputValidationException(nameof(Command.SentOn), text["Circulation.Validation.SentInFuture"]);
            }

            if (!await WorkingDayCalendars.KnowsAsync(db, country, cancellationToken))
            {
                throw new InputValidationException(nameof(Command.SideId), text["Execution.Validation.NoCalendar"]);
            }

            var calendar = await WorkingDayCalendars.LoadAsync(db, country, cancellationToken);
            var term = DeemedAgreement.Term(calendar, sentOn);
            var number = (await db.Circulations.Where(c => c.CommissionId == request.CommissionId).MaxAsync(c => (int?)c.Number, cancellationToken) ?? 0) + 1;
            var circulation = new Domain.Execution.Circulation(Guid.CreateVersion7(), request.CommissionId, request.SideId, number,
                (request.TitleRu ?? request.TitleKk)!.Trim(), string.IsNullOrWhiteSpace(request.TitleKk) ? null : request.TitleKk.Trim(),
                string.IsNullOrWhiteSpace(request.Document) ? null : request.Document.Trim(), term, actor.PersonId!.Value, clock.GetUtcNow());
            foreach (var body in request.Bodies.Where(b => !string.IsNullOrWhiteSpace(b)).Select(b => b.Trim()))
            {
                circulation.AddBody(Guid.CreateVersion7(), body);
            }

            db.Circulations.Add(circulation);
            return new Result(circulation.Id, number, sentOn, term.Due, term.RuleText, term.YearsWithoutCalendar);
        }
    }
}
