using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Features.Commissions;
using System.Security.Claims;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Infrastructure.Web;

/// <summary>The actor of an HTTP request: the signed-in user's person and active memberships, loaded once per request.</summary>
public sealed class HttpActorAccessor(IHttpContextAccessor http, CommissionDbContext db, TimeProvider clock) : IActorAccessor
{
    public const string AdministratorRole = "Administrator";
    private Actor? _actor;

    public async Task<Actor> GetActorAsync(CancellationToken cancellationToken)
    {
        if (_actor is not null)
        {
            return _actor;
        }

        var user = http.HttpContext?.User;
        var id = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user?.Identity?.IsAuthenticated != true || !Guid.TryParse(id, out var userId))
        {
            return _actor = Actor.Anonymous;
        }

        _actor = await ActorLoader.LoadAsync(db, clock, userId, cancellationToken);
        return _actor;
    }
}

/// <summary>Loads an actor from the database by user id (shared by HTTP and tests).</summary>
public static class ActorLoader
{
    public static async Task<Actor> LoadAsync(CommissionDbContext db, TimeProvider clock, Guid userId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // One statement: the account, whether it administers, and its person's active memberships (issue #16).
        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.PersonId,
                IsAdmin = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == HttpActorAccessor.AdministratorRole)),
                Rows = db.Memberships
                    .Where(m => u.PersonId != null && m.PersonId == u.PersonId && m.EndedOn == null && m.TermStart <= today && (m.TermEnd == null || m.TermEnd >= today))
                    .Join(db.Commissions, m => m.CommissionId, c => c.Id, (m, c) => new { m.Id, m.CommissionId, m.SideId, m.Role, c.ProfileId })
                    .ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (account is null)
        {
            return Actor.Anonymous;
        }

        var isAdmin = account.IsAdmin;
        var rows = account.Rows;
        var profiles = new Dictionary<Guid, RegulationProfile>();
        var memberships = new List<ActorMembership>();
        foreach (var row in rows)
        {
            if (!profiles.TryGetValue(row.CommissionId, out var profile))
            {
                profile = await CommissionRules.ProfileByIdAsync(db, row.ProfileId, ct);
                profiles[row.CommissionId] = profile;
            }

            var office = await CommissionRules.OfficeAsync(db, row.CommissionId, profile, today, ct);
            var roles = CommissionRules.SeatOf(profile, office, row.Id, row.SideId, row.Role).Roles;
            memberships.Add(new ActorMembership(row.Id, row.CommissionId, row.SideId, row.Role) { Offices = roles.Where(r => r != row.Role).ToList() });
        }

        return new Actor(account.Id, account.UserName, account.PersonId, isAdmin, memberships) { Profiles = profiles };
    }
}
