using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Sessions;

/// <summary>The sessions of a commission, newest first; anyone on the commission reads the list.</summary>
public static class ListSessions
{
    public sealed record Query(Guid CommissionId) : IQuery<Result>, ICommissionScoped;

    public sealed record Result(Guid CommissionId, string CommissionCode, LocalizedText CommissionName, bool CanCreate, IReadOnlyList<SideZone> Zones, IReadOnlyList<Item> Sessions);

    public sealed record SideZone(string Code, string TimeZoneId);

    public sealed record Item(Guid Id, int Number, SessionKind Kind, SessionFormat Format, DateTimeOffset StartsAt, string TimeZoneId, SessionState State);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.InCommissionOrInvited(actor, request.CommissionId);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var commission = await db.Commissions.AsNoTracking()
                .Where(c => c.Id == request.CommissionId)
                .Select(c => new { c.Code, c.Name })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Commission", request.CommissionId);
            var zones = await db.Sides.AsNoTracking().Where(s => s.CommissionId == request.CommissionId).OrderBy(s => s.Code)
                .Select(s => new SideZone(s.Code, s.TimeZoneId)).ToListAsync(cancellationToken);
            // An invited person sees only the sessions they are invited to (KZRU-14).
            var invitedOnly = !actor.IsAdministrator && !actor.IsIn(request.CommissionId);
            var person = actor.PersonId ?? Guid.Empty;
            var sessions = await db.Sessions.AsNoTracking()
                .Where(s => s.CommissionId == request.CommissionId)
                .Where(s => !invitedOnly || s.Invitees.Any(i => i.PersonId == person))
                .OrderByDescending(s => s.Number)
                .Select(s => new Item(s.Id, s.Number, s.Kind, s.Format, s.StartsAt, s.TimeZoneId, s.State))
                .ToListAsync(cancellationToken);
            return new Result(request.CommissionId, commission.Code, commission.Name, SessionAccess.IsSecretary(actor, request.CommissionId), zones, sessions);
        }
    }
}
