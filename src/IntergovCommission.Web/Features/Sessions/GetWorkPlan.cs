using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Sessions;

/// <summary>
/// /Sessions/Plan: the annual work plan — the sessions of one commission in one year (by the session's
/// own clock), with the titles of the agenda items once the co-chairs approved the agenda (KZRU-11).
/// </summary>
public static class GetWorkPlan
{
    public sealed record Query(Guid CommissionId, int Year) : IQuery<Result>, ICommissionScoped;

    public sealed record Result(Guid CommissionId, string CommissionCode, LocalizedText CommissionName, int Year, IReadOnlyList<ListSessions.SideZone> Zones, IReadOnlyList<Item> Sessions);

    public sealed record Item(Guid Id, int Number, SessionKind Kind, SessionFormat Format, DateTimeOffset StartsAt, string TimeZoneId, SessionState State, string? Place, IReadOnlyList<LocalizedText>? ApprovedAgenda);

    private static readonly SessionState[] ApprovedStates = [SessionState.AgendaApproved, SessionState.InProgress, SessionState.Closed];

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.InCommission(actor, request.CommissionId);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            if (request.Year is < 2000 or > 2100)
            {
                throw new InputValidationException(nameof(Query.Year), "Year: choose a year between 2000 and 2100.");
            }

            var commission = await db.Commissions.AsNoTracking()
                .Where(c => c.Id == request.CommissionId)
                .Select(c => new { c.Code, c.Name })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Commission", request.CommissionId);
            var zones = await db.Sides.AsNoTracking().Where(s => s.CommissionId == request.CommissionId).OrderBy(s => s.Code)
                .Select(s => new ListSessions.SideZone(s.Code, s.TimeZoneId)).ToListAsync(cancellationToken);

            // A year by the session's own clock: widen the UTC window by a day each side, then decide locally.
            var from = new DateTimeOffset(request.Year, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(-1);
            var to = new DateTimeOffset(request.Year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(1);
            var rows = await db.Sessions.AsNoTracking()
                .Where(s => s.CommissionId == request.CommissionId && s.StartsAt >= from && s.StartsAt < to)
                .OrderBy(s => s.StartsAt).ThenBy(s => s.Number)
                .Select(s => new { s.Id, s.Number, s.Kind, s.Format, s.StartsAt, s.TimeZoneId, s.State, s.Place })
                .ToListAsync(cancellationToken);
            rows = rows.Where(s => TimeZoneInfo.ConvertTime(s.StartsAt, TimeZoneInfo.FindSystemTimeZoneById(s.TimeZoneId)).Year == request.Year).ToList();

            // An invitee sees only their own items (KZRU-14), so the plan shows them no agenda titles.
            var seesAgenda = actor.IsAdministrator || actor.IsIn(request.CommissionId);
            var approvedIds = rows.Where(s => ApprovedStates.Contains(s.State)).Select(s => s.Id).ToList();
            var titles = !seesAgenda || approvedIds.Count == 0 ? [] : await db.AgendaItems.AsNoTracking()
                .Where(i => approvedIds.Contains(i.SessionId))
                .OrderBy(i => i.Position)
                .Select(i => new { i.SessionId, i.Title })
                .ToListAsync(cancellationToken);
            var items = rows.Select(s => new Item(s.Id, s.Number, s.Kind, s.Format, s.StartsAt, s.TimeZoneId, s.State, s.Place,
                seesAgenda && ApprovedStates.Contains(s.State) ? titles.Where(t => t.SessionId == s.Id).Select(t => t.Title).ToList() : null)).ToList();
            return new Result(request.CommissionId, commission.Code, commission.Name, request.Year, zones, items);
        }
    }
}
