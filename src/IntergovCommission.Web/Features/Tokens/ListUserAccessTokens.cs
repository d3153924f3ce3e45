using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Tokens;

/// <summary>An administrator lists another user's access tokens (names, prefixes, dates; never a secret).</summary>
public static class ListUserAccessTokens
{
    public sealed record Query(Guid UserId) : IQuery<IReadOnlyList<ListAccessTokens.Item>>;

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.Administrator(actor);
            if (!await db.Users.AnyAsync(u => u.Id == request.UserId, cancellationToken))
            {
                throw new NotFoundException("User", request.UserId);
            }
        }
    }

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<Query, IReadOnlyList<ListAccessTokens.Item>>
    {
        public async Task<IReadOnlyList<ListAccessTokens.Item>> Handle(Query request, CancellationToken cancellationToken) =>
            await db.ApiTokens.AsNoTracking()
                .Where(t => t.UserId == request.UserId)
                .OrderByDescending(t => t.CreatedAt)
                .Select(t => new ListAccessTokens.Item(t.Id, t.Name, t.DisplayPrefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt))
                .ToListAsync(cancellationToken);
    }
}
