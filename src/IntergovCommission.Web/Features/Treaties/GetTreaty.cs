using IntergovCommission.Domain.Treaties;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Treaties;

/// <summary>WF-07: one treaty of the register, fields (1)-(8), with its version, for the correction form.</summary>
public static class GetTreaty
{
    public sealed record Query(Guid TreatyId) : IQuery<Result>;

    public sealed record Result(Guid TreatyId, Guid CommissionId, Guid ReportingSideId, TreatyDetails Details, uint Version);

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken) =>
            Require.InCommission(actor, (await TreatyRegister.PartiesAsync(db, request.TreatyId, cancellationToken)).CommissionId);
    }

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var t = await db.Treaties.AsNoTracking().SingleAsync(x => x.Id == request.TreatyId, cancellationToken);
            return new Result(t.Id, t.CommissionId, t.ReportingSideId, t.Details, t.Version);
        }
    }
}
