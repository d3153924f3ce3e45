using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Circulation;

/// <summary>What the WF-04 use cases share.</summary>
public static class CirculationAccess
{
    public sealed record Parties(Guid Id, Guid CommissionId, Guid SideId);

    public static async Task<Parties> OfAsync(CommissionDbContext db, Guid circulationId, CancellationToken ct) =>
        await db.Circulations.AsNoTracking().Where(c => c.Id == circulationId).Select(c => new Parties(c.Id, c.CommissionId, c.SideId)).SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException("Circulation", circulationId);

    /// <summary>The secretariat of the responsible side sends drafts round and records the answers (WF-04; the side's execution control, KZRU-07).</summary>
    public static bool MayCirculate(Actor actor, Guid commissionId, Guid sideId) => actor.May(commissionId, Capability.ControlExecution, sideId);

    public static void RequireCirculate(Actor actor, Guid commissionId, Guid sideId)
    {
        Require.SignedIn(actor);
        Require.May(actor, commissionId, Capability.ControlExecution, sideId);
    }
}
