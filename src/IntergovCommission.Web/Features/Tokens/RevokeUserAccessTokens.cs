using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Tokens;

/// <summary>
/// Every usable access token of a user revoked at once (audited token by token): by an
/// administrator for anyone, or by the user for themself (a leaked secret, a retired integration).
/// </summary>
public static class RevokeUserAccessTokens
{
    public sealed record Command(Guid UserId) : ICommand<int>;

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            if (actor.UserId == request.UserId)
            {
                Require.SignedIn(actor);
                return;
            }

            Require.Administrator(actor);
            if (!await db.Users.AnyAsync(u => u.Id == request.UserId, cancellationToken))
            {
                throw new NotFoundException("User", request.UserId);
            }
        }
    }

    public sealed class Handler(CommissionDbContext db, TimeProvider clock) : IRequestHandler<Command, int>
    {
        public Task<int> Handle(Command request, CancellationToken cancellationToken) =>
            TokenRevocation.RevokeAllAsync(db, request.UserId, clock.GetUtcNow(), cancellationToken);
    }
}
