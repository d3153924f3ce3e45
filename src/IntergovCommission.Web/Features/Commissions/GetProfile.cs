using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using IntergovCommission.Web.Data;
using Microsoft.EntityFrameworkCore;
using IntergovCommission.Domain.Common;

namespace IntergovCommission.Web.Features.Commissions;

/// <summary>The regulation profile a commission runs under, every setting with its rule id.</summary>
public static class GetProfile
{
    public sealed record Query(Guid CommissionId) : IQuery<Result>, ICommissionScoped;

    public sealed record Result(Guid CommissionId, string CommissionCode, LocalizedText CommissionName, RegulationProfile Profile, DateTimeOffset StoredAt);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.InCommissionOrInvited(actor, request.CommissionId); // the rules the commission runs under are no secret to an invited person
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var row = await db.Commissions.AsNoTracking()
                .Where(c => c.Id == request.CommissionId)
                .Join(db.RegulationProfiles, c => c.ProfileId, p => p.Id, (c, p) => new { c.Id, c.Code, c.Name, Profile = p })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Commission", request.CommissionId);
            return new Result(row.Id, row.Code, row.Name, row.Profile.ToProfile(), row.Profile.CreatedAt);
        }
    }
}
