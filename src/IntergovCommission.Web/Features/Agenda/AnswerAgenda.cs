using IntergovCommission.Domain.Regulation;
using FluentValidation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using IntergovCommission.Web.Features.Notifications;
using MediatR;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Agenda;

/// <summary>
/// KZRU-11 (Regulation cl. 9): a co-chair approves the agenda version they saw, or returns it with
/// comments. When every co-chair has approved the same version, the agenda is published.
/// </summary>
public static class AnswerAgenda
{
    public sealed class Command : SessionCommand
    {
        /// <summary>The agenda version the co-chair looked at.</summary>
        public int AgendaVersion { get; set; }
        public ApprovalOutcome Outcome { get; set; }
        public string? Comment { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Outcome).IsInEnum();
            RuleFor(x => x.AgendaVersion).GreaterThan(0).WithMessage(_ => text["Validation.ValueInvalid", string.Empty]);
            RuleFor(x => x.Comment).NotEmpty().When(x => x.Outcome == ApprovalOutcome.Returned).WithMessage(_ => text["Agenda.Validation.ReturnComment"])
                .MaximumLength(4000).WithMessage(_ => text["Validation.MaxLength", 4000]);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : CoChairOfSession<Command>(db);

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock, Notifier notifier) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var profile = await CommissionAccess.ProfileOfAsync(db, request.CommissionId, cancellationToken);
            var coChairs = await SessionAccess.CoChairsAsync(db, request.CommissionId, clock, cancellationToken);
            var me = coChairs.FirstOrDefault(c => c.PersonId == actor.PersonId)
                ?? throw CommissionRules.Refusal(profile, Capability.ApproveAgenda);

            // The version check is the agenda version the co-chair saw (KZRU-11), not the row version:
            // a secretary's change in between is refused with the rule, not as a bare conflict.
            var session = await SessionAccess.LoadForChangeAsync(db, request.SessionId, null, cancellationToken);
            var answer = request.Outcome == ApprovalOutcome.Approved
                ? session.Approve(Guid.CreateVersion7(), me, request.AgendaVersion, coChairs, profile.Agenda.ApprovalByAllCoChairs, clock.GetUtcNow())
                : session.Return(Guid.CreateVersion7(), me, request.AgendaVersion, coChairs, request.Comment ?? string.Empty, clock.GetUtcNow());
            db.AgendaApprovals.Add(answer);
            if (answer.Outcome == ApprovalOutcome.Returned)
            {
                await notifier.AgendaReturnedAsync(session, answer.Comment ?? string.Empty, cancellationToken);
            }
            else if (session.State == SessionState.AgendaApproved)
            {
                await notifier.AgendaApprovedAsync(db, session, cancellationToken);
            }

            return true;
        }
    }
}

/// <summary>KZRU-12: a co-chair accepts an unscheduled (late) item; it stands only when every co-chair has; each acceptance is recorded.</summary>
public static class AcceptUnscheduledItem
{
    public sealed class Command : SessionCommand
    {
        public Guid ItemId { get; set; }
    }

    public sealed class Authorizer(CommissionDbContext db) : CoChairOfSession<Command>(db);

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var coChairs = await SessionAccess.CoChairsAsync(db, request.CommissionId, clock, cancellationToken);
            var me = coChairs.FirstOrDefault(c => c.PersonId == actor.PersonId)
                ?? throw CommissionRules.Refusal(await CommissionAccess.ProfileOfAsync(db, request.CommissionId, cancellationToken), Capability.AcceptUnscheduledItem);
            var session = await SessionAccess.LoadForChangeAsync(db, request.SessionId, null, cancellationToken);
            db.Set<UnscheduledAcceptance>().Add(session.AcceptUnscheduled(Guid.CreateVersion7(), request.ItemId, me, coChairs, clock.GetUtcNow()));
            return true;
        }
    }
}
