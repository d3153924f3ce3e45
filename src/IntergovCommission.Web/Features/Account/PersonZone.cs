using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Account;

/// <summary>
/// The zone a person reads times in (issue 15 item 8): their own setting, else their side's zone (KZ → Asia/Almaty,
/// RU → Europe/Moscow, from the side's record), else UTC (an administrator without a seat). Times tied to a
/// session are shown in the session's zone instead; this is for everything else (notifications, the home page).
/// </summary>
public static class PersonZone
{
    public const string Fallback = "UTC";

    public static bool IsKnown(string? zoneId) =>
        !string.IsNullOrWhiteSpace(zoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out _);

    /// <summary>The zone of the account <paramref name="userId"/> (or, without one, of the person).</summary>
    public static async Task<string> OfAsync(CommissionDbContext db, Guid? userId, Guid? personId, DateOnly today, CancellationToken ct)
    {
        if (userId is Guid id)
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.TimeZoneId, u.PersonId }).SingleOrDefaultAsync(ct);
            if (user is not null && IsKnown(user.TimeZoneId))
            {
                return user.TimeZoneId!;
            }

            personId ??= user?.PersonId;
        }

        return await SideZoneAsync(db, personId, today, ct) ?? Fallback;
    }

    /// <summary>The zone of the side the person sits for (the first active seat on a side), or null.</summary>
    public static async Task<string?> SideZoneAsync(CommissionDbContext db, Guid? personId, DateOnly today, CancellationToken ct)
    {
        if (personId is not Guid person)
        {
            return null;
        }

        var zone = await (from m in db.Memberships.AsNoTracking().ActiveOn(today)
                          join s in db.Sides on m.SideId equals s.Id
                          where m.PersonId == person
                          orderby m.TermStart
                          select s.TimeZoneId).FirstOrDefaultAsync(ct);
        return IsKnown(zone) ? zone : null;
    }
}
