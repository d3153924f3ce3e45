using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Tokens;

/// <summary>An administrator revokes every usable access token of a user at once (audited token by token).</summary>
public static class RevokeUserAccessTokens
{
    public sealed record Command(Guid UserId) : ICommand<int>;

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
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
