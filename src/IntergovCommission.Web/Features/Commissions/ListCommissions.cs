using IntergovCommission.Domain.Common;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Commissions;

/// <summary>The commissions the actor sits on (all of them for an administrator).</summary>
public static class ListCommissions
{
    public sealed record Query : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid Id, string Code, LocalizedText Name, string ProfileCode, int ProfileVersion, int ActiveMembers, string? MyRole);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var mine = actor.Memberships.Select(m => m.CommissionId).ToList();
            var rows = await db.Commissions.AsNoTracking()
                .Where(c => actor.IsAdministrator || mine.Contains(c.Id))
                .OrderBy(c => c.Code)
                .Join(db.RegulationProfiles, c => c.ProfileId, p => p.Id, (c, p) => new
                {
                    c.Id,
                    CommissionCode = c.Code,
                    c.Name,
                    ProfileCode = p.Code,
                    p.ProfileVersion,
                    Active = db.Memberships.Count(m => m.CommissionId == c.Id && m.EndedOn == null),
                })
                .ToListAsync(cancellationToken);
            return rows.Select(r => new Item(r.Id, r.CommissionCode, r.Name, r.ProfileCode, r.ProfileVersion, r.Active,
                actor.Memberships.FirstOrDefault(m => m.CommissionId == r.Id)?.Role.ToString())).ToList();
        }
    }
}
