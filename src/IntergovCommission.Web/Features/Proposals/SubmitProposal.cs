using IntergovCommission.Domain.Regulation;
using FluentValidation;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using IntergovCommission.Web.Features.Notifications;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Proposals;

/// <summary>
/// A member proposes an agenda item (KZRU-06). It goes to the secretary of the member's own side,
/// never the other side's; the server stamps its arrival and flags it late after the deadline (KZRU-12).
/// </summary>
public static class SubmitProposal
{
    public sealed class Command : ICommand<Result>, ICommissionScoped
    {
        public Guid SessionId { get; set; }
        public string? TitleRu { get; set; }
        public string? TitleKk { get; set; }
        public string? RationaleRu { get; set; }
        public string? RationaleKk { get; set; }
        public string? DraftDecisionRu { get; set; }
        public string? DraftDecisionKk { get; set; }
        public Guid CommissionId { get; internal set; }
    }

    public sealed record Result(Guid ProposalId, DateTimeOffset ReceivedAt, DateTimeOffset DeadlineAt, bool IsLate, string SideCode);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.TitleRu).NotEmpty().When(x => string.IsNullOrWhiteSpace(x.TitleKk)).WithMessage(_ => text["Proposals.Validation.TitleRequired"])
                .MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
            RuleFor(x => x.TitleKk).MaximumLength(500).WithMessage(_ => text["Validation.MaxLength", 500]);
            RuleFor(x => x.RationaleRu).MaximumLength(10000).WithMessage(_ => text["Validation.MaxLength", 10000]);
            RuleFor(x => x.RationaleKk).MaximumLength(10000).WithMessage(_ => text["Validation.MaxLength", 10000]);
            RuleFor(x => x.DraftDecisionRu).MaximumLength(20000).WithMessage(_ => text["Validation.MaxLength", 20000]);
            RuleFor(x => x.DraftDecisionKk).MaximumLength(20000).WithMessage(_ => text["Validation.MaxLength", 20000]);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            request.CommissionId = await SessionAccess.CommissionOfAsync(db, request.SessionId, cancellationToken);
            Require.SignedIn(actor);
            if (ProposerSeat(actor, request.CommissionId) is null)
            {
                var rule = await CommissionRules.RuleForAsync(db, request.CommissionId, Capability.Propose, cancellationToken);
                throw ForbiddenException.ByRule(rule, "Proposals.Refused.Submit", "{0} (Regulation {1}): agenda proposals come from members of the commission, through the secretary of their own side.");
            }
        }
    }

    /// <summary>The actor's seat that proposes: a member (co-chairs and deputies included) with a side.</summary>
    public static ActorMembership? ProposerSeat(Actor actor, Guid commissionId) =>
        SessionAccess.ProposingSeat(actor, commissionId);

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock, Notifier notifier) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var seat = ProposerSeat(actor, request.CommissionId)!;
            var profile = await CommissionAccess.ProfileOfAsync(db, request.CommissionId, cancellationToken);
            var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == request.SessionId, cancellationToken);
            var proposal = new AgendaProposal(
                Guid.CreateVersion7(), session, actor.PersonId!.Value, seat.SideId!.Value,
                LocalizedText.Of(request.TitleKk, request.TitleRu),
                LocalizedText.Of(request.RationaleKk, request.RationaleRu),
                LocalizedText.Of(request.DraftDecisionKk, request.DraftDecisionRu),
                clock.GetUtcNow(), profile.Agenda.ProposalDeadlineDays, profile.Agenda.Counting);
            db.AgendaProposals.Add(proposal);
            await notifier.ProposalReceivedAsync(session, proposal, cancellationToken);
            var side = await db.Sides.AsNoTracking().Where(s => s.Id == seat.SideId).Select(s => s.Code).SingleAsync(cancellationToken);
            return new Result(proposal.Id, proposal.ReceivedAt, proposal.DeadlineAt, proposal.IsLate, side);
        }
    }
}
