using FluentValidation;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Decisions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Council;

/// <summary>
/// CIS-12 (Regulation s. 5.16): the secretariat records that an issued decision was sent to every member
/// (when and how). The decision page shows the due date and whether it is overdue.
/// </summary>
public static class RecordDistribution
{
    public sealed class Command : ICommand<bool>
    {
        public Guid DecisionId { get; set; }
        public DateOnly? SentOn { get; set; }
        public string? How { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.SentOn).NotNull().WithMessage(_ => text["Council.Validation.SentOn"]);
            RuleFor(x => x.How).NotEmpty().WithMessage(_ => text["Council.Validation.How"])
                .MaximumLength(1000).WithMessage(_ => text["Validation.MaxLength", 1000]);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            var commissionId = await DecisionAccess.CommissionOfAsync(db, request.DecisionId, cancellationToken);
            Require.May(actor, commissionId, Capability.IssueDecision);
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var decision = await DecisionAccess.LoadForUpdateAsync(db, request.DecisionId, cancellationToken);
            var profile = await CommissionRules.ProfileAsync(db, decision.CommissionId, cancellationToken);
            var rule = profile.Distribution;
            if (rule is null)
            {
                var composition = profile.Composition.Rule;
                throw new RuleViolationException(composition.Id, "Rule.Distribution.None", "{0} (Regulation {1}): this body's regulation sets no distribution of adopted documents to track.", composition.Id, composition.Clause);
            }

            var issuedAt = await db.IssuedDecisionDocuments.AsNoTracking().Where(i => i.DecisionId == decision.Id).Select(i => (DateTimeOffset?)i.IssuedAt).SingleOrDefaultAsync(cancellationToken);
            if (issuedAt is null || decision.State != DecisionState.Issued)
            {
                throw new RuleViolationException(rule.Rule.Id, "Rule.Distribution.NotIssued", "{0} (Regulation {1}): only an issued decision is sent to the members.", rule.Rule.Id, rule.Rule.Clause);
            }

            DecisionDistribution.CheckSentOn(rule, request.SentOn!.Value, DateOnly.FromDateTime(issuedAt.Value.UtcDateTime), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(14)));
            if (await db.DecisionDistributions.AnyAsync(d => d.DecisionId == decision.Id, cancellationToken))
            {
                return false;
            }

            db.DecisionDistributions.Add(new DecisionDistribution(Guid.CreateVersion7(), decision.Id, request.SentOn.Value, request.How!, actor.PersonId ?? Guid.Empty, clock.GetUtcNow()));
            return true;
        }
    }
}
