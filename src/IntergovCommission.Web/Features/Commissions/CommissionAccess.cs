using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Commissions;

/// <summary>Who may manage which part of a roster (KZRU-07: each side's secretary keeps its own side).</summary>
public static class CommissionAccess
{
    /// <summary>KZRU-02/KZRU-07: the secretary of that side, or an administrator, manages a side's memberships.</summary>
    public static bool CanManageSide(Actor actor, Guid commissionId, Guid? sideId) =>
        actor.IsAdministrator
        || (sideId is null
            ? actor.Holds(commissionId, CommissionRole.Secretary)
            : actor.Holds(commissionId, CommissionRole.Secretary, sideId));

    public static void RequireManageSide(Actor actor, Guid commissionId, Guid? sideId)
    {
        Require.SignedIn(actor);
        if (!CanManageSide(actor, commissionId, sideId))
        {
            throw new ForbiddenException("KZRU-07 (Regulation cl. 8): only the secretary of this side, or an administrator, manages its memberships.", "KZRU-07");
        }
    }

    /// <summary>Contacts of people are for the secretariat, the co-chairs and administrators only.</summary>
    public static bool CanSeeContacts(Actor actor, Guid commissionId) =>
        actor.IsAdministrator
        || actor.Holds(commissionId, CommissionRole.Secretary)
        || actor.Holds(commissionId, CommissionRole.CoChair);

    public static Task<RegulationProfile> ProfileOfAsync(CommissionDbContext db, Guid commissionId, CancellationToken ct) =>
        CommissionRules.ProfileAsync(db, commissionId, ct);
}
