using IntergovCommission.Domain.Regulation;
using FluentValidation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Live;
using IntergovCommission.Web.Features.Notifications;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Agenda;

/// <summary>KZRU-11: deferred items waiting for a session to receive them.</summary>
public static class DeferredItems
{
    public static async Task LockCommissionAsync(CommissionDbContext db, Guid commissionId, CancellationToken ct)
    {
        var locked = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM commissions WHERE id = {commissionId} FOR UPDATE").ToListAsync(ct);
        if (locked.Count == 0)
        {
            throw new NotFoundException("Commission", commissionId);
        }
    }

    /// <summary>
    /// KZRU-11: a new session's draft agenda receives every item of the commission's earlier
    /// sessions that was deferred and is not yet on a later agenda, in the order they were held.
    /// The caller holds the commission's row lock.
    /// </summary>
    public static async Task<int> PullInto(CommissionDbContext db, Session target, CancellationToken ct)
    {
        var waiting = await (from i in db.AgendaItems.AsNoTracking()
                             join s in db.Sessions on i.SessionId equals s.Id
                             where s.CommissionId == target.CommissionId && i.DeferredAt != null && s.StartsAt < target.StartsAt
                                 && !db.AgendaItems.Any(c => c.CarriedFromItemId == i.Id)
                             orderby s.StartsAt, i.Position
                             select new { i.Id, i.SessionId })
            .ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return 0;
        }

        var sessionIds = waiting.Select(w => w.SessionId).Distinct().ToList();
        var sources = await db.Sessions.AsNoTracking().Include(s => s.Items).Where(s => sessionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        foreach (var w in waiting)
        {
            var from = sources[w.SessionId];
            db.AgendaItems.Add(CarryOver.CarryDeferred(from, from.Items.Single(i => i.Id == w.Id), target, Guid.CreateVersion7()));
        }

        return waiting.Count;
    }
}
