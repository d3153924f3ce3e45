using IntergovCommission.Domain.Regulation;
using FluentValidation;
using IntergovCommission.Domain.Calendars;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Execution;

/// <summary>
/// A new deadline is asked for, with a reason (WF-02), as a date or N working days; it takes effect only when the co-chair of the
/// assignment's side approves it (KZRU-04). One request waits at a time.
/// </summary>
public static class RequestExtension
{
    public sealed class Command : ICommand<Result>, ICommissionScoped
    {
        public Guid AssignmentId { get; set; }
        public DateOnly? DueOn { get; set; }
        public int? WorkingDays { get; set; }
        public DateOnly? CountFrom { get; set; }
        public string? Reason { get; set; }
        public Guid CommissionId { get; internal set; }
    }

    public sealed record Result(Guid ExtensionId, DateOnly ProposedDueOn, string Rule);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.Reason).NotEmpty().WithMessage(_ => text["Execution.Validation.ExtensionReason"])
                .MaximumLength(2000).WithMessage(_ => text["Validation.MaxLength", 2000]);
            RuleFor(c => c.DueOn).NotNull().When(c => c.WorkingDays is null).WithMessage(_ => text["Execution.Validation.Deadline"]);
            RuleFor(c => c.WorkingDays).Null().When(c => c.DueOn is not null).WithMessage(_ => text["Execution.Validation.DeadlineOne"]);
            RuleFor(c => c.WorkingDays).InclusiveBetween(1, WorkingDayCalendar.MaxWorkingDays).When(c => c.WorkingDays is not null)
                .WithMessage(_ => text["Calendars.Validation.Days", WorkingDayCalendar.MaxWorkingDays]);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        /// <summary>The responsible person or the secretary of the responsible side asks for more time.</summary>
        public static bool May(Actor actor, AssignmentParties a) =>
            (a.ResponsiblePersonId is Guid p && p == actor.PersonId && actor.IsIn(a.CommissionId))
            || actor.May(a.CommissionId, Capability.ControlExecution, a.SideId);

        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            var parties = await ExecutionAccess.PartiesAsync(db, request.AssignmentId, cancellationToken);
            request.CommissionId = parties.CommissionId;
            if (!May(actor, parties))
            {
                var rule = await CommissionRules.RuleForAsync(db, parties.CommissionId, Capability.ControlExecution, cancellationToken);
                throw ForbiddenException.ByRule(rule, "Execution.Refused.RequestExtension", "{0} (Regulation {1}): the responsible person or the secretary of the assignment's side asks for an extension.");
            }
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, IStringLocalizer<SharedResource> text, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var assignment = await ExecutionAccess.ForChangeAsync(db, request.AssignmentId, null, cancellationToken);
            var (country, today) = await ExecutionAccess.SideClockAsync(db, assignment.SideId, clock, cancellationToken);
            var proposed = await ExecutionAccess.DeadlineAsync(db, country, today, request.DueOn, request.WorkingDays, request.CountFrom, k => text[k].Value, cancellationToken);
            var pending = await db.DeadlineExtensions.AnyAsync(e => e.AssignmentId == assignment.Id && e.Approved == null, cancellationToken);
            var extension = assignment.RequestExtension(Guid.CreateVersion7(), proposed, request.Reason!, actor.PersonId!.Value, clock.GetUtcNow(), pending);
            db.DeadlineExtensions.Add(extension);
            return new Result(extension.Id, proposed.Due, proposed.RuleText);
        }
    }
}
