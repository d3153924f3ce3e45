using IntergovCommission.Domain.Common;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Commissions;

/// <summary>The stored regulation profiles a new commission may run under (administrators only).</summary>
public static class ListProfiles
{
    public sealed record Query : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid Id, string Code, int Version, LocalizedText Name, string Source);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.Administrator(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query request, CancellationToken cancellationToken)
        {
            var records = await db.RegulationProfiles.AsNoTracking().OrderBy(p => p.Code).ThenByDescending(p => p.ProfileVersion).ToListAsync(cancellationToken);
            return records.Select(r =>
            {
                var profile = r.ToProfile();
                return new Item(r.Id, r.Code, r.ProfileVersion, profile.Name, profile.Source);
            }).ToList();
        }
    }
}
