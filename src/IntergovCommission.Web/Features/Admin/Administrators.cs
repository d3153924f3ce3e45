using IntergovCommission.Domain.Common;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using IntergovCommission.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Admin;

/// <summary>Rules of the administration area: sign-in disabled means locked out "for ever"; an administrator always remains.</summary>
public static class Administrators
{
    /// <summary>The lockout end that marks a disabled sign-in (as opposed to a 15-minute lockout after failures).</summary>
    public static readonly DateTimeOffset DisabledUntil = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A lockout ending later than this is a disabled sign-in, not a lockout after failures.</summary>
    public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd is { } end && end.Year >= 9000;

    public static async Task<AppUser> FindUserAsync(UserManager<AppUser> users, Guid userId) =>
        await users.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException("User", userId);

    /// <summary>
    /// Refuses when taking <paramref name="userId"/> out of the administrators who can sign in
    /// would leave none. The Administrator role row is locked first, so two administrators
    /// revoking each other at the same moment cannot both succeed.
    /// </summary>
    public static async Task RequireAnotherAdministratorAsync(CommissionDbContext db, Guid userId, CancellationToken ct)
    {
        var role = HttpActorAccessor.AdministratorRole.ToUpperInvariant();
        var roleIds = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM identity_roles WHERE normalized_name = {role} FOR UPDATE").ToListAsync(ct);
        var threshold = new DateTimeOffset(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var others = await db.UserRoles
            .Where(ur => roleIds.Contains(ur.RoleId) && ur.UserId != userId)
            .Join(db.Users, ur => ur.UserId, u => u.Id, (ur, u) => u)
            .CountAsync(u => u.LockoutEnd == null || u.LockoutEnd < threshold, ct);
        if (others == 0)
        {
            throw new RuleViolationException("ADM-01", "Admin.Rule.LastAdministrator",
                "At least one administrator who can sign in must remain; grant the role to someone else first.");
        }
    }

    public static async Task<bool> IsAdministratorAsync(UserManager<AppUser> users, AppUser user) =>
        await users.IsInRoleAsync(user, HttpActorAccessor.AdministratorRole);
}
