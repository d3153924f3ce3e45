using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Notifications;

/// <summary>
/// Adds notifications inside the current command's transaction: they exist exactly when the
/// change that caused them was saved. Handlers call it; nothing is sent half-way.
/// </summary>
public sealed class Notifier(CommissionDbContext db, TimeProvider clock)
{
    public void To(Guid personId, Guid? commissionId, string kind, string textKey, string? link, params string[] arguments) =>
        db.Notifications.Add(new Notification(Guid.CreateVersion7(), personId, commissionId, kind, textKey, arguments, link, clock.GetUtcNow()));

    /// <summary>Today's date (UTC) by the injected clock, for "active membership" checks.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Every person holding one of the roles in the commission (optionally on one side), active today.</summary>
    /// <summary>Everyone who holds a capability by the commission's profile (for one held per side: that side's holders).</summary>
    public async Task ToHoldersAsync(Guid commissionId, Capability capability, Guid? sideId, string kind, string textKey, string? link, CancellationToken ct, params string[] arguments)
    {
        var today = Today;
        var profile = await CommissionRules.ProfileAsync(db, commissionId, ct);
        var office = await CommissionRules.OfficeAsync(db, commissionId, profile, today, ct);
        var rows = await db.Memberships.AsNoTracking().ActiveOn(today)
            .Where(m => m.CommissionId == commissionId)
            .Select(m => new { m.Id, m.PersonId, m.SideId, m.Role })
            .ToListAsync(ct);
        var people = rows
            .Where(r => profile.Permits(new ActingSeat(r.Id, r.SideId, SessionRules.RolesOf(profile, new AttendanceEntry(r.Id, r.PersonId, r.SideId, r.Role, AttendanceMode.Absent), office)), capability, sideId))
            .Select(r => r.PersonId)
            .Distinct();
        foreach (var person in people)
        {
            To(person, commissionId, kind, textKey, link, arguments);
        }
    }
}
