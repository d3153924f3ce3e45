using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;

namespace IntergovCommission.Web.Features.Circulation;

/// <summary>WF-04: one circulated draft with each body's outcome today, and whether the caller records answers.</summary>
public static class GetCirculation
{
    public sealed record Query(Guid CirculationId) : IQuery<Result>;

    public sealed record Result(CirculationRow Circulation, bool CanAnswer);

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken) =>
            Require.InCommission(actor, (await CirculationAccess.OfAsync(db, request.CirculationId, cancellationToken)).CommissionId);
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var parties = await CirculationAccess.OfAsync(db, request.CirculationId, cancellationToken);
            var list = await GetCirculations.LoadAsync(db, await actors.GetActorAsync(cancellationToken), clock,
                new GetCirculations.Query(parties.CommissionId, request.CirculationId), cancellationToken);
            return new Result(list.Circulations.Single(), list.Sides.Single(s => s.Id == parties.SideId).CanCirculate);
        }
    }
}
