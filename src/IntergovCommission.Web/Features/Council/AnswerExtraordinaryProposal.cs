using FluentValidation;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Council;

/// <summary>CIS-04: a state's answer to a proposal of an extraordinary session (support or not); the majority is counted in states.</summary>
public static class AnswerExtraordinaryProposal
{
    public sealed record Command(Guid ProposalId, SupportAnswer Answer) : ICommand<bool>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text) =>
            RuleFor(x => x.Answer).IsInEnum().WithMessage(_ => text["Council.Validation.Answer"]);
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            var commissionId = await db.ExtraordinaryProposals.AsNoTracking().Where(p => p.Id == request.ProposalId).Select(p => (Guid?)p.CommissionId).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Extraordinary proposal", request.ProposalId);
            Require.May(actor, commissionId, Capability.ProposeExtraordinarySession);
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, Notifications.Notifier notifier, TimeProvider clock) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            // Answers of one proposal are serialised: two states answering at once both count, and the majority is reached once.
            await db.Database.ExecuteSqlAsync($"SELECT id FROM extraordinary_proposals WHERE id = {request.ProposalId} FOR UPDATE", cancellationToken);
            var proposal = await db.ExtraordinaryProposals.Include(p => p.Answers).SingleAsync(p => p.Id == request.ProposalId, cancellationToken);
            var profile = await CommissionRules.ProfileAsync(db, proposal.CommissionId, cancellationToken);
            var rule = profile.Frequency ?? throw new RuleViolationException(profile.Composition.Rule.Id, "Rule.Extraordinary.None",
                "{0} (Regulation {1}): this body's regulation has no extraordinary sessions on a state's proposal.", profile.Composition.Rule.Id, profile.Composition.Rule.Clause);
            var seat = actor.Memberships.First(m => m.CommissionId == proposal.CommissionId && m.SideId != null && profile.Permits(m.Seat, Capability.ProposeExtraordinarySession));
            var today = clock.Today();
            var head = profile.Voting.StateHead();
            var states = await db.Memberships.AsNoTracking().ActiveOn(today)
                .Where(m => m.CommissionId == proposal.CommissionId && m.Role == head && m.SideId != null)
                .Select(m => m.SideId).Distinct().CountAsync(cancellationToken);
            var wasSupported = proposal.SupportedAt is not null;
            proposal.Answer(rule, seat.SideId!.Value, actor.PersonId ?? Guid.Empty, request.Answer, states, clock.GetUtcNow());
            if (!wasSupported && proposal.SupportedAt is not null)
            {
                await notifier.ToHoldersAsync(proposal.CommissionId, Capability.PrepareSessions, null, "extraordinary-supported",
                    "Council.Event.ExtraordinarySupported", $"/Commissions/Extraordinary/{proposal.CommissionId}", cancellationToken, proposal.Subject);
            }

            return proposal.SupportedAt is not null;
        }
    }
}
