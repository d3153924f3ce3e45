using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Commissions;

/// <summary>Who may manage which part of a roster (KZRU-07: each side's secretary keeps its own side).</summary>
public static class CommissionAccess
{
    /// <summary>KZRU-02/KZRU-07: the seat that keeps that side's roster by the profile (KZRU: its secretary), or an administrator.</summary>
    public static bool CanManageSide(Actor actor, Guid commissionId, Guid? sideId) =>
        actor.IsAdministrator || actor.May(commissionId, Capability.KeepRoster, sideId);

    public static void RequireManageSide(Actor actor, Guid commissionId, Guid? sideId)
    {
        Require.SignedIn(actor);
        if (!actor.IsAdministrator)
        {
            Require.May(actor, commissionId, Capability.KeepRoster, sideId);
        }
    }

    /// <summary>Contacts of people are for the seats the profile names (the secretariat, the presiding persons) and administrators.</summary>
    public static bool CanSeeContacts(Actor actor, Guid commissionId) =>
        actor.IsAdministrator || actor.May(commissionId, Capability.SeeContacts);

    public static Task<RegulationProfile> ProfileOfAsync(CommissionDbContext db, Guid commissionId, CancellationToken ct) =>
        CommissionRules.ProfileAsync(db, commissionId, ct);
}
