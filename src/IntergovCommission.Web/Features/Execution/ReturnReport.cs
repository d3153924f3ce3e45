using IntergovCommission.Domain.Regulation;
using FluentValidation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Execution;

/// <summary>WF-02: the controller returns a report for rework, always with a reason; the work is owed again (and overdue past the deadline).</summary>
public static class ReturnReport
{
    public sealed class Command : ICommand<MediatR.Unit>, ICommissionScoped
    {
        public Guid AssignmentId { get; set; }
        public Guid ReportId { get; set; }
        public string? Reason { get; set; }
        public uint? Version { get; set; }
        public Guid CommissionId { get; internal set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.Reason).NotEmpty().WithMessage(_ => text["Execution.Validation.ReturnReason"])
                .MaximumLength(2000).WithMessage(_ => text["Validation.MaxLength", 2000]);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            var parties = await ExecutionAccess.PartiesAsync(db, request.AssignmentId, cancellationToken);
            request.CommissionId = parties.CommissionId;
            if (!AcceptReport.Authorizer.May(actor, parties)) // the same rule as accepting
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
            assignment.Return(report, request.Reason!, actor.PersonId!.Value, clock.GetUtcNow());
            return MediatR.Unit.Value;
        }
    }
}
