using IntergovCommission.Domain.Regulation;
using FluentValidation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Live;
using IntergovCommission.Web.Features.Notifications;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Agenda;

/// <summary>
/// KZRU-20: the secretariat (a secretary) or a co-chair records the expert group's proposal and puts
/// the question on a later session's draft agenda, linked to the referral ("returned from expert
/// group, session N item M"), with the group's proposal (or its draft decision) as the draft decision.
/// Only a later session of the same commission whose agenda is still in preparation receives it (KZRU-11).
/// </summary>
public static class ReturnFromExpertGroup
{
    public sealed class Command : ICommand<Guid>, ICommissionScoped
    {
        public Guid ReferralId { get; set; }
        public Guid? TargetSessionId { get; set; }
        public string? ProposalRu { get; set; }
        public string? ProposalKk { get; set; }
        public string? DraftDecisionRu { get; set; }
        public string? DraftDecisionKk { get; set; }
        public Guid CommissionId { get; internal set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.TargetSessionId).NotEmpty().WithMessage(_ => text["Referral.Validation.TargetSession"]);
            RuleFor(x => x.ProposalRu).NotEmpty().When(x => string.IsNullOrWhiteSpace(x.ProposalKk)).WithMessage(_ => text["Referral.Validation.Proposal"])
                .MaximumLength(20000).WithMessage(_ => text["Validation.MaxLength", 20000]);
            RuleFor(x => x.ProposalKk).MaximumLength(20000).WithMessage(_ => text["Validation.MaxLength", 20000]);
            RuleFor(x => x.DraftDecisionRu).MaximumLength(20000).WithMessage(_ => text["Validation.MaxLength", 20000]);
            RuleFor(x => x.DraftDecisionKk).MaximumLength(20000).WithMessage(_ => text["Validation.MaxLength", 20000]);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            request.CommissionId = await GetReferral.CommissionOfAsync(db, request.ReferralId, cancellationToken);
            Require.SignedIn(actor);
            if (!SessionAccess.IsSecretary(actor, request.CommissionId) && !SessionAccess.IsCoChair(actor, request.CommissionId))
            {
                var rule = await CommissionRules.RuleForAsync(db, request.CommissionId, Capability.ReferToExpertGroup, cancellationToken);
                throw ForbiddenException.ByRule(rule, "Carry.Refused.RecordProposal", "{0} (Regulation {1}): the secretaries or the co-chairs record the expert group's proposal.");
            }
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, Notifier notifier, TimeProvider clock) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            // The referral's row lock: two people recording the proposal at once → the second sees it recorded.
            await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM expert_group_referrals WHERE id = {request.ReferralId} FOR UPDATE").ToListAsync(cancellationToken);
            var referral = await db.ExpertGroupReferrals.SingleAsync(r => r.Id == request.ReferralId, cancellationToken);
            var from = await db.Sessions.AsNoTracking().Include(s => s.Items).SingleAsync(s => s.Id == referral.SessionId, cancellationToken);
            var source = from.Items.Single(i => i.Id == referral.AgendaItemId);
            var target = await SessionAccess.LoadForChangeAsync(db, request.TargetSessionId!.Value, null, cancellationToken);
            var item = referral.ReturnTo(from, source, target, Guid.CreateVersion7(),
                LocalizedText.Of(request.ProposalKk, request.ProposalRu), LocalizedText.Of(request.DraftDecisionKk, request.DraftDecisionRu),
                actor.PersonId ?? Guid.Empty, clock.GetUtcNow());
            db.AgendaItems.Add(item);
            foreach (var capability in new[] { Capability.ApproveAgenda, Capability.PrepareSessions })
            {
                await notifier.ToHoldersAsync(target.CommissionId, capability, null, "expert-proposal-returned",
                    "Notifications.Event.ExpertProposalReturned", $"/Sessions/Details/{target.Id}", cancellationToken,
                    source.Title.For("ru"), Number(from.Number), Number(source.Position), Number(target.Number));
            }
            return item.Id;
        }
    }

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
