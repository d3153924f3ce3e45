using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Execution;

/// <summary>
/// KZRU-07: the controller (a secretary of the responsible side) accepts the report awaiting an answer: the assignment is executed
/// and taken off control. Two controllers answering the same report at once: one wins, the other is told (the assignment's version).
/// </summary>
public static class AcceptReport
{
    public sealed record Command(Guid AssignmentId, Guid ReportId, uint? Version = null) : ICommand<MediatR.Unit>, ICommissionScoped
    {
        public Guid CommissionId { get; internal set; }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        /// <summary>KZRU-07: the assignment's controller, or a secretary of the responsible side, answers its reports.</summary>
        public static bool May(Actor actor, AssignmentParties a) =>
            (a.ControllerPersonId == actor.PersonId && actor.IsIn(a.CommissionId))
            || actor.May(a.CommissionId, Capability.ControlExecution, a.SideId);

        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            var parties = await ExecutionAccess.PartiesAsync(db, request.AssignmentId, cancellationToken);
            request.CommissionId = parties.CommissionId;
            if (!May(actor, parties))
            {
                var rule = await CommissionRules.RuleForAsync(db, parties.CommissionId, Capability.ControlExecution, cancellationToken);
                throw ForbiddenException.ByRule(rule, "Execution.Refused.AnswerReport", "{0} (Regulation {1}): the controller of the assignment, a secretary of its side, answers its reports.");
            }
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var assignment = await ExecutionAccess.ForChangeAsync(db, request.AssignmentId, request.Version, cancellationToken);
            var report = await db.AssignmentReports.SingleOrDefaultAsync(r => r.Id == request.ReportId && r.AssignmentId == assignment.Id, cancellationToken)
                ?? throw new NotFoundException("Report", request.ReportId);
            assignment.Accept(report, actor.PersonId!.Value, clock.GetUtcNow());
            return MediatR.Unit.Value;
        }
    }
}
