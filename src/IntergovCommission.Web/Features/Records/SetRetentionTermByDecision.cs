using IntergovCommission.Domain.Regulation;
using FluentValidation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Records;

/// <summary>
/// KZRU-22 ("unless a commission decision sets another term"): a secretary records the term an
/// issued decision of the commission set; it becomes the term in force.
/// </summary>
public static class SetRetentionTermByDecision
{
    public sealed record Command : ICommand<DateOnly>, ICommissionScoped
    {
        public Guid CommissionId { get; init; }

        public Guid DecisionId { get; init; }

        public DateOnly? KeepUntil { get; init; }

        /// <summary>The decision's wording of the term.</summary>
        public string? Act { get; init; }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            if (!actor.May(request.CommissionId, Capability.KeepRecords))
            {
                // KZRU-22 for the commission; the council's rule for its records (the profile's grant).
                var rule = await CommissionRules.RuleForAsync(db, request.CommissionId, Capability.KeepRecords, cancellationToken);
                throw new ForbiddenException("Only a secretary of the commission records the completion of the flight tests.", rule.Id);
            }
        }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.KeepUntil).NotNull().WithMessage(text["Records.Validation.KeepUntilRequired"]);
            RuleFor(c => c.Act).NotEmpty().WithMessage(text["Records.Validation.ActRequired"])
                .MaximumLength(RecordFlightTestsCompletion.MaxActLength).WithMessage(text["Records.Validation.ActTooLong", RecordFlightTestsCompletion.MaxActLength]);
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Command, DateOnly>
    {
        public async Task<DateOnly> Handle(Command request, CancellationToken cancellationToken)
        {
            var decision = await db.Decisions.AsNoTracking().Where(d => d.Id == request.DecisionId && d.CommissionId == request.CommissionId)
                .Select(d => new { d.State }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Decision", request.DecisionId);
            if (decision.State != DecisionState.Issued)
            {
                var profile = await CommissionRules.ProfileAsync(db, request.CommissionId, cancellationToken);
                var rule = profile.Retention?.Rule ?? profile.RuleFor(Capability.KeepRecords);
                throw new RuleViolationException(rule.Id, "Rule.Records.TermDecisionNotIssued", "{0} (Regulation {1}): only an issued decision of the commission sets another term.", rule.Id, rule.Clause);
            }

            var actor = await actors.GetActorAsync(cancellationToken);
            db.RetentionBases.Add(new RetentionBasis(Guid.CreateVersion7(), request.CommissionId, null, request.DecisionId, request.KeepUntil!.Value, request.Act!.Trim(), clock.GetUtcNow(), actor.UserId));
            return request.KeepUntil.Value;
        }
    }
}
