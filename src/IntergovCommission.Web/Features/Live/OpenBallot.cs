using IntergovCommission.Domain.Regulation;
using FluentValidation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Notifications;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Live;

/// <summary>
/// KZRU-10/16/17: the presiding co-chair (or the deputy standing in) opens the open personal vote
/// on an item's draft decision, with quorum; the text is frozen with its hash; a re-vote is a new round.
/// </summary>
public static class OpenBallot
{
    /// <param name="ClosesInMinutes">An announced closing time, minutes from the opening (1–240): shown on the room screen
    /// and the live page as a countdown. Informational: the vote does not close by itself; the presiding person closes it.</param>
    public sealed record Command(Guid SessionId, Guid AgendaItemId, int? ClosesInMinutes = null) : ICommand<Guid>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text) =>
            RuleFor(x => x.ClosesInMinutes).InclusiveBetween(1, 240).When(x => x.ClosesInMinutes is not null)
                .WithMessage(_ => text["Room.Validation.ClosesInMinutes"]);
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            var commissionId = await LiveContext.CommissionOfSessionAsync(db, request.SessionId, cancellationToken);
            Require.May(actor, commissionId, Capability.ConductVote);
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, ILiveBroadcast live, TimeProvider clock, Notifier notifier) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var context = await LiveContext.LoadAsync(db, request.SessionId, clock, cancellationToken);
            context.RequireInProgress();
            var me = context.RowOf(actor.PersonId) ?? throw new ForbiddenException("You are not on this session's register.", context.Profile.Presiding.Rule.Id);
            SessionRules.RequireCanOpenVote(context.Profile, context.Entries, me.Entry.MembershipId, context.Office);

            var item = await db.Set<AgendaItem>().AsNoTracking()
                .Where(i => i.Id == request.AgendaItemId && i.SessionId == request.SessionId)
                .Select(i => new { i.Id, i.DraftDecision, i.Position })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Agenda item", request.AgendaItemId);
            if (string.IsNullOrWhiteSpace(item.DraftDecision.Ru) && string.IsNullOrWhiteSpace(item.DraftDecision.Kk))
            {
                var voting = context.Profile.Voting.Rule;
                throw new RuleViolationException(voting.Id, "Rule.Live.NoDraft", "{0} (Regulation {1}): the item has no draft decision to vote on.", voting.Id, voting.Clause);
            }

            await Agenda.ItemHistories.LockItemAsync(db, request.AgendaItemId, cancellationToken);
            await Decisions.DecisionRecords.RequireNotIssuedAsync(db, request.AgendaItemId, cancellationToken);
            var standing = (await Agenda.ItemHistories.StandingsAsync(db, request.SessionId, cancellationToken))[request.AgendaItemId];
            if (standing.Referred)
            {
                var referral = context.Profile.RuleFor(Capability.ReferToExpertGroup);
                throw new RuleViolationException(referral.Id, "Rule.Live.Referred", "{0} (Regulation {1}): the item is referred to an expert group; it comes back to the vote with the group's proposal at a later session.", referral.Id, referral.Clause);
            }

            if (standing.Deferred)
            {
                var agenda = context.Profile.Agenda.ApprovalRule;
                throw new RuleViolationException(agenda.Id, "Rule.Live.Deferred", "{0} (Regulation {1}): the item is deferred to the next session; it is voted on there.", agenda.Id, agenda.Clause);
            }

            // CIS-11: an item directly affecting a state is not put to the vote while that state is absent.
            var affected = await db.AgendaItems.AsNoTracking().Where(i => i.Id == request.AgendaItemId).Select(i => i.AffectedSideIds).SingleAsync(cancellationToken);
            var absent = SessionRules.AbsentAffectedStates(context.Profile, context.Entries, affected);
            if (absent.Count > 0 && context.Profile.Voting.AffectedStateRule is { } affectedRule)
            {
                var names = await db.Sides.AsNoTracking().Where(s => absent.Contains(s.Id)).Select(s => s.Name).ToListAsync(cancellationToken);
                throw new RuleViolationException(affectedRule.Id, "Rule.Live.AffectedStateAbsent",
                    "{0} (Regulation {1}): the item directly affects {2}, whose representative is absent; it is not put to the vote.",
                    affectedRule.Id, affectedRule.Clause, string.Join(", ", names.Select(n => n.Ru ?? n.En)));
            }

            if (await db.Ballots.AnyAsync(b => b.SessionId == request.SessionId && b.State == BallotState.Open, cancellationToken))
            {
                var voting = context.Profile.Voting.Rule;
                throw new RuleViolationException(voting.Id, "Rule.Live.AnotherOpen", "{0} (Regulation {1}): another vote is open; close it first.", voting.Id, voting.Clause);
            }

            var round = 1 + (await db.Ballots.Where(b => b.AgendaItemId == request.AgendaItemId).MaxAsync(b => (int?)b.Round, cancellationToken) ?? 0);
            var ballot = new Ballot(Guid.CreateVersion7(), request.SessionId, request.AgendaItemId, round, round,
                item.DraftDecision.Kk ?? string.Empty, item.DraftDecision.Ru ?? string.Empty, me.Entry.MembershipId, clock.GetUtcNow());
            if (request.ClosesInMinutes is int minutes)
            {
                ballot.AnnounceClosing(ballot.OpenedAt.AddMinutes(minutes));
            }

            db.Ballots.Add(ballot);
            notifier.VoteOpened(context.CommissionId, request.SessionId, context.SessionNumber, item.Position, context.Profile, context.Entries);
            live.SessionChanged(request.SessionId, "ballot-opened");
            return ballot.Id;
        }
    }
}
