using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Live;

/// <summary>
/// The room screen: what everyone in the room may see of the session (quorum, presiding, the items, the open
/// vote with its tally and roll call, the results), read as nobody in particular — no register details, no
/// personal controls. Read by someone on the commission, or without a sign-in through a secret screen link
/// of this very session (<see cref="CreateScreenLink"/>).
/// </summary>
public static class GetRoomScreen
{
    public sealed record Query(Guid SessionId, string? Key = null) : IQuery<GetLiveSession.Result>;

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            var commissionId = await LiveContext.CommissionOfSessionAsync(db, request.SessionId, cancellationToken);
            if (!string.IsNullOrEmpty(request.Key))
            {
                // A wrong, revoked or other session's link reads as "not found": it says nothing of what exists.
                if (await SessionOfKeyAsync(db, request.Key, cancellationToken) != request.SessionId)
                {
                    throw new NotFoundException("Screen link", request.SessionId);
                }

                return;
            }

            Require.InCommission(actor, commissionId);
        }
    }

    public sealed class Handler(CommissionDbContext db, TimeProvider clock) : IRequestHandler<Query, GetLiveSession.Result>
    {
        public async Task<GetLiveSession.Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var full = await GetLiveSession.BuildAsync(db, Actor.Anonymous, request.SessionId, clock, cancellationToken);
            // The room's view: no register (attendance modes, representatives' names, credentials), nobody's own controls.
            return full with { Register = [], Me = new GetLiveSession.Me(null, null, AttendanceMode.Absent, false, false, false, false, null) };
        }
    }

    /// <summary>The session an active screen link opens, or null (unknown or revoked).</summary>
    public static async Task<Guid?> SessionOfKeyAsync(CommissionDbContext db, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrEmpty(key) || key.Length > 100)
        {
            return null;
        }

        var hash = ApiToken.Hash(key);
        return await db.ScreenLinks.AsNoTracking().Where(l => l.TokenHash == hash && l.RevokedAt == null).Select(l => (Guid?)l.SessionId).SingleOrDefaultAsync(cancellationToken);
    }
}
