using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Execution;

/// <summary>
/// KZRU-04: the co-chair of the assignment's side approves (or refuses) a requested extension; approved, the new deadline is in
/// force and the original stays on record. The other side's co-chair is refused.
/// </summary>
public static class ApproveExtension
{
    public sealed record Command(Guid AssignmentId, Guid ExtensionId, bool Approve = true) : ICommand<MediatR.Unit>, ICommissionScoped
    {
        public Guid CommissionId { get; internal set; }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        /// <summary>KZRU-04: the co-chair of the responsible side only.</summary>
        public static bool May(Actor actor, AssignmentParties a) =>
            actor.May(a.CommissionId, Capability.ApproveExtension, a.SideId);

        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            var parties = await ExecutionAccess.PartiesAsync(db, request.AssignmentId, cancellationToken);
            request.CommissionId = parties.CommissionId;
            if (!May(actor, parties))
            {
                var rule = await CommissionRules.RuleForAsync(db, parties.CommissionId, Capability.ApproveExtension, cancellationToken);
                throw ForbiddenException.ByRule(rule, "Execution.Refused.ApproveExtension", "{0} (Regulation {1}): only the co-chair of the assignment's side approves a change of its deadline.");
            }
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var assignment = await ExecutionAccess.ForChangeAsync(db, request.AssignmentId, null, cancellationToken);
            var extension = await db.DeadlineExtensions.SingleOrDefaultAsync(e => e.Id == request.ExtensionId && e.AssignmentId == assignment.Id, cancellationToken)
                ?? throw new NotFoundException("Extension", request.ExtensionId);
            if (request.Approve)
            {
                assignment.ApproveExtension(extension, actor.PersonId!.Value, clock.GetUtcNow());
            }
            else
            {
                assignment.RefuseExtension(extension, actor.PersonId!.Value, clock.GetUtcNow());
            }

            return MediatR.Unit.Value;
        }
    }
}
