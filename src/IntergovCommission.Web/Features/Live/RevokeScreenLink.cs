using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Live;

/// <summary>
/// A secretary revokes a room-screen link: its page and panel answer 404 at once, and a screen that is still
/// connected is told to reload (and then shows that the link no longer works).
/// </summary>
public static class RevokeScreenLink
{
    public sealed record Command(Guid SessionId, Guid LinkId) : ICommand<bool>;

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            var commissionId = await LiveContext.CommissionOfSessionAsync(db, request.SessionId, cancellationToken);
            Require.May(actor, commissionId, Capability.KeepRegister);
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, ILiveBroadcast live, TimeProvider clock) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var link = await db.ScreenLinks.SingleOrDefaultAsync(l => l.Id == request.LinkId && l.SessionId == request.SessionId, cancellationToken)
                ?? throw new NotFoundException("Screen link", request.LinkId);
            link.Revoke(actor.PersonId, clock.GetUtcNow());
            live.ScreenLinkRevoked(request.SessionId, link.Id);
            return true;
        }
    }
}
