using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Council;

/// <summary>CIS-03: the chair's terms so far, who chairs today, the co-chairs, and the system's proposal for the next term.</summary>
public static class GetChairmanships
{
    public sealed record Query(Guid CommissionId) : IQuery<Result>;

    public sealed record StateRow(Guid Id, LocalizedText Name);

    public sealed record TermRow(Guid SideId, LocalizedText State, DateOnly StartsOn, DateOnly EndsOn, string Basis);

    public sealed record Result(Guid CommissionId, bool Rotates, IReadOnlyList<TermRow> Terms, Guid? ChairSideId, IReadOnlyList<Guid> CoChairSideIds,
        TermRow? Proposal, IReadOnlyList<StateRow> States, int MaxTermMonths, bool CanRecord);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.InCommission(actor, request.CommissionId);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var profile = await CommissionRules.ProfileAsync(db, request.CommissionId, cancellationToken);
            var sides = await db.Sides.AsNoTracking().Where(s => s.CommissionId == request.CommissionId).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
            var order = await CommissionRules.RotationOrderAsync(db, request.CommissionId, cancellationToken);
            var rows = await db.Chairmanships.AsNoTracking().Where(c => c.CommissionId == request.CommissionId).OrderBy(c => c.StartsOn).ToListAsync(cancellationToken);
            var terms = rows.Select(c => new ChairTerm(c.SideId, c.StartsOn, c.EndsOn)).ToList();
            var rotates = profile.Presiding.Mode == PresidingMode.RotatingChair;
            var office = rotates ? ChairRotation.OfficeOn(terms, order, clock.Today()) : null;
            var proposal = rotates && order.Count > 0 ? ChairRotation.ProposeNext(terms, order, profile.Presiding, clock.Today()) : null;
            return new Result(request.CommissionId, rotates,
                rows.Select(c => new TermRow(c.SideId, sides[c.SideId], c.StartsOn, c.EndsOn, c.Basis)).ToList(),
                office?.ChairSideId, office?.CoChairSideIds ?? [],
                proposal is null ? null : new TermRow(proposal.SideId, sides[proposal.SideId], proposal.StartsOn, proposal.EndsOn, string.Empty),
                order.Select(id => new StateRow(id, sides[id])).ToList(), profile.Presiding.MaxTermMonths,
                rotates && (actor.IsAdministrator || actor.May(request.CommissionId, Capability.KeepRoster)));
        }
    }
}
