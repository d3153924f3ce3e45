using FluentValidation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Notifications;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Decisions;

/// <summary>
/// KZRU-18 with KZRU-22: a correction of the wording is a new version. The old version and every
/// signature on it are kept (superseded); the new one starts the route again.
/// </summary>
public static class CorrectDecision
{
    public sealed class Command : ICommand<Guid>
    {
        public Guid DecisionId { get; set; }
        public string? TitleKk { get; set; }
        public string? TitleRu { get; set; }
        public string? TextKk { get; set; }
        public string? TextRu { get; set; }
        /// <summary>Why the text is corrected (recorded in the audit trail).</summary>
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.TitleKk).NotEmpty().WithMessage(_ => text["Decisions.Validation.TitleKk"]).MaximumLength(1000);
            RuleFor(x => x.TitleRu).NotEmpty().WithMessage(_ => text["Decisions.Validation.TitleRu"]).MaximumLength(1000);
            RuleFor(x => x.TextKk).NotEmpty().WithMessage(_ => text["Decisions.Validation.TextKk"]).MaximumLength(20000);
            RuleFor(x => x.TextRu).NotEmpty().WithMessage(_ => text["Decisions.Validation.TextRu"]).MaximumLength(20000);
            RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => text["Decisions.Validation.Reason"]).MaximumLength(2000);
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

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command request, CancellationToken cancellationToken)
        {
            var decision = await DecisionAccess.LoadForUpdateAsync(db, request.DecisionId, cancellationToken);
            var next = decision.Correct(Guid.CreateVersion7(), new DecisionWording(request.TitleKk!.Trim(), request.TitleRu!.Trim(), request.TextKk!.Trim(), request.TextRu!.Trim()));
            // The superseded row first, then the new one: the "one current version" index holds at every statement.
            await db.SaveChangesAsync(cancellationToken);
            db.Decisions.Add(next);
            // Assignments entered while the decision was drafted stay with it: they move to the corrected version.
            foreach (var assignment in await db.Assignments.Where(a => a.DecisionId == decision.Id).ToListAsync(cancellationToken))
            {
                assignment.FollowCorrection(next.Id);
            }

            return next.Id;
        }
    }
}
