using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Proposals;

/// <summary>
/// One agenda proposal, as the lists show it (KZRU-06, KZRU-13): to its proposer, and to the
/// secretary of the proposer's side who decides it. The other side's secretary and the other
/// members never see it, as in <see cref="ListInbox"/>.
/// </summary>
public static class GetProposal
{
    public sealed record Query(Guid ProposalId) : IQuery<ProposalRow>;

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            var proposal = await db.AgendaProposals.AsNoTracking()
                .Where(p => p.Id == request.ProposalId)
                .Select(p => new { p.CommissionId, p.SideId, p.ProposerPersonId })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Proposal", request.ProposalId);
            if (actor.PersonId == proposal.ProposerPersonId || actor.May(proposal.CommissionId, Capability.ReceiveProposals, proposal.SideId))
            {
                return;
            }

            var rule = await CommissionRules.RuleForAsync(db, proposal.CommissionId, Capability.ReceiveProposals, cancellationToken);
            throw ForbiddenException.ByRule(rule, "Proposals.Refused.See", "{0} (Regulation {1}): a proposal is seen by its proposer and by the secretary of the proposer's side only.");
        }
    }

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<Query, ProposalRow>
    {
        public async Task<ProposalRow> Handle(Query request, CancellationToken cancellationToken) =>
            (await ProposalRows.ListAsync(db, db.AgendaProposals.AsNoTracking().Where(p => p.Id == request.ProposalId), cancellationToken)).SingleOrDefault()
                ?? throw new NotFoundException("Proposal", request.ProposalId);
    }
}
