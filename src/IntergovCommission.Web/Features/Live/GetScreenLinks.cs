using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Live;

/// <summary>The session's room-screen links, for the secretaries who create and revoke them (never their secrets).</summary>
public static class GetScreenLinks
{
    public sealed record Query(Guid SessionId) : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(Guid Id, string Label, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            var commissionId = await LiveContext.CommissionOfSessionAsync(db, request.SessionId, cancellationToken);
            Require.May(actor, commissionId, Capability.KeepRegister);
        }
    }

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken) =>
            await db.ScreenLinks.AsNoTracking().Where(l => l.SessionId == request.SessionId)
                .OrderByDescending(l => l.CreatedAt)
                .Select(l => new Row(l.Id, l.Label, l.CreatedAt, l.RevokedAt))
                .ToListAsync(cancellationToken);
    }
}
