using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Live;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Council;

/// <summary>
/// CIS-08 (Regulation s. 5.8): a member declares that their state has no interest in a question. It does
/// not block the decision; the state then does not vote on it and (by the profile) leaves the majority base.
/// Declared before the item's vote opens; once per state and item.
/// </summary>
public static class DeclareNoInterest
{
    public sealed record Command(Guid SessionId, Guid AgendaItemId) : ICommand<bool>;

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            var commissionId = await LiveContext.CommissionOfSessionAsync(db, request.SessionId, cancellationToken);
            Require.May(actor, commissionId, Capability.DeclareNoInterest);
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, ILiveBroadcast live, TimeProvider clock) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var context = await LiveContext.LoadAsync(db, request.SessionId, clock, cancellationToken);
            context.RequireInProgress();
            var rule = context.Profile.Voting.NoInterestRule ?? context.Profile.Voting.Rule;
            var me = context.RowOf(actor.PersonId);
            if (me?.Entry.SideId is not Guid sideId || !context.Profile.Permits(new ActingSeat(me.Entry.MembershipId, sideId, [me.Entry.Role]), Capability.DeclareNoInterest, sideId))
            {
                throw CommissionsRefusal(context.Profile);
            }

            if (!await db.AgendaItems.AnyAsync(i => i.Id == request.AgendaItemId && i.SessionId == request.SessionId, cancellationToken))
            {
                throw new NotFoundException("Agenda item", request.AgendaItemId);
            }

            await Agenda.ItemHistories.LockItemAsync(db, request.AgendaItemId, cancellationToken);
            if (await db.Ballots.AnyAsync(b => b.AgendaItemId == request.AgendaItemId, cancellationToken))
            {
                throw new RuleViolationException(rule.Id, "Rule.Council.NoInterestAfterVote",
                    "{0} (Regulation {1}): a lack of interest is declared before the question is put to the vote.", rule.Id, rule.Clause);
            }

            if (await db.NoInterestDeclarations.AnyAsync(d => d.AgendaItemId == request.AgendaItemId && d.SideId == sideId, cancellationToken))
            {
                return false;
            }

            db.NoInterestDeclarations.Add(new NoInterestDeclaration(Guid.CreateVersion7(), request.SessionId, request.AgendaItemId, sideId, actor.PersonId ?? Guid.Empty, clock.GetUtcNow()));
            live.SessionChanged(request.SessionId, "no-interest");
            return true;
        }

        private static ForbiddenException CommissionsRefusal(RegulationProfile profile) =>
            Commissions.CommissionRules.Refusal(profile, Capability.DeclareNoInterest);
    }
}
