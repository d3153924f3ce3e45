using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Council;

/// <summary>
/// CIS-11 (Regulation s. 5.14): the secretariat marks the states whose interests an agenda item directly
/// affects; the item is then not put to the vote while any of them is absent.
/// </summary>
public static class MarkAffectedStates
{
    public sealed class Command : ICommand<bool>
    {
        public Guid SessionId { get; set; }
        public Guid AgendaItemId { get; set; }
        public List<Guid> SideIds { get; set; } = [];
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            var commissionId = await SessionAccess.CommissionOfAsync(db, request.SessionId, cancellationToken);
            Require.May(actor, commissionId, Capability.MarkAffectedStates);
        }
    }

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var session = await db.Sessions.AsNoTracking().Where(s => s.Id == request.SessionId).Select(s => new { s.CommissionId, s.State }).SingleAsync(cancellationToken);
            var profile = await Commissions.CommissionRules.ProfileAsync(db, session.CommissionId, cancellationToken);
            var rule = profile.Voting.AffectedStateRule ?? profile.Voting.Rule;
            if (session.State is Domain.Sessions.SessionState.Closed or Domain.Sessions.SessionState.Cancelled)
            {
                throw Live.LiveContext.SessionOver(profile);
            }

            var sides = await db.Sides.AsNoTracking().Where(s => s.CommissionId == session.CommissionId).Select(s => s.Id).ToListAsync(cancellationToken);
            if (request.SideIds.Any(id => !sides.Contains(id)))
            {
                throw new InputValidationException(nameof(Command.SideIds), "Council.Validation.UnknownState");
            }

            await Agenda.ItemHistories.LockItemAsync(db, request.AgendaItemId, cancellationToken);
            var item = await db.AgendaItems.SingleOrDefaultAsync(i => i.Id == request.AgendaItemId && i.SessionId == request.SessionId, cancellationToken)
                ?? throw new NotFoundException("Agenda item", request.AgendaItemId);
            if (await db.Ballots.AnyAsync(b => b.AgendaItemId == request.AgendaItemId, cancellationToken))
            {
                throw new RuleViolationException(rule.Id, "Rule.Council.AffectedAfterVote",
                    "{0} (Regulation {1}): the states an item affects are marked before it is put to the vote.", rule.Id, rule.Clause);
            }

            item.MarkAffected(request.SideIds);
            return true;
        }
    }
}
