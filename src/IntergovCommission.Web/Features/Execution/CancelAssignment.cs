using IntergovCommission.Domain.Regulation;
using FluentValidation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Execution;

/// <summary>An assignment cancelled by a decision of the commission: the secretary of its side records it with the reason (the decision).</summary>
public static class CancelAssignment
{
    public sealed class Command : ICommand<MediatR.Unit>, ICommissionScoped
    {
        public Guid AssignmentId { get; set; }
        public string? Reason { get; set; }
        public uint? Version { get; set; }
        public Guid CommissionId { get; internal set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.Reason).NotEmpty().WithMessage(_ => text["Execution.Validation.CancelReason"])
                .MaximumLength(2000).WithMessage(_ => text["Validation.MaxLength", 2000]);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        /// <summary>KZRU-07: the secretary of the responsible side records the cancellation.</summary>
        public static bool May(Actor actor, AssignmentParties a) =>
            actor.May(a.CommissionId, Capability.ControlExecution, a.SideId);

        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            var parties = await ExecutionAccess.PartiesAsync(db, request.AssignmentId, cancellationToken);
            request.CommissionId = parties.CommissionId;
            if (!May(actor, parties))
            {
                var rule = await CommissionRules.RuleForAsync(db, parties.CommissionId, Capability.ControlExecution, cancellationToken);
                throw ForbiddenException.ByRule(rule, "Execution.Refused.Cancel", "{0} (Regulation {1}): the secretary of the assignment's side records its cancellation.");
            }
        }
    }

    public sealed class Handler(CommissionDbContext db, TimeProvider clock) : IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var assignment = await ExecutionAccess.ForChangeAsync(db, request.AssignmentId, request.Version, cancellationToken);
            assignment.Cancel(request.Reason!, clock.GetUtcNow());
            return MediatR.Unit.Value;
        }
    }
}
