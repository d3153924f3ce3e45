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

        // A bearer token's handler loaded the actor with the token, in the same statement.
        _actor = http.HttpContext?.Items[ActorLoader.ItemKey] is Actor loaded && loaded.UserId == userId
            ? loaded
            : await ActorLoader.LoadAsync(db, clock, userId, cancellationToken);
        return _actor;
    }
}

/// <summary>Loads an actor from the database by user id (shared by HTTP and tests), or with the bearer token that names it.</summary>
public static class ActorLoader
{
    /// <summary>HttpContext.Items key of the actor the token handler loaded with the token (one statement for both).</summary>
    public const string ItemKey = "intergov:actor";

    public static async Task<Actor> LoadAsync(CommissionDbContext db, TimeProvider clock, Guid userId, CancellationToken ct) =>
        (await LoadCoreAsync(db, clock, db.Users.Where(u => u.Id == userId), null, ct))?.Actor ?? Actor.Anonymous;

    /// <summary>The token with this hash, its owner's lock-out and the owner as an actor, in one statement (issue #16); null when no such token.</summary>
    public static async Task<(ApiToken Token, DateTimeOffset? LockoutEnd, Actor Actor)?> LoadByTokenAsync(CommissionDbContext db, TimeProvider clock, string tokenHash, CancellationToken ct)
    {
        var loaded = await LoadCoreAsync(db, clock, db.Users.Where(u => db.ApiTokens.Any(t => t.TokenHash == tokenHash && t.UserId == u.Id)), tokenHash, ct);
        return loaded is { Token: { } token } ? (token, loaded.Value.LockoutEnd, loaded.Value.Actor) : null;
    }

    private static async Task<(Actor Actor, ApiToken? Token, DateTimeOffset? LockoutEnd)?> LoadCoreAsync(CommissionDbContext db, TimeProvider clock, IQueryable<AppUser> users, string? tokenHash, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // One statement: the account, whether it administers, its person's active memberships (and the token it was named by).
        var active = db.Memberships.ActiveOn(today);
        var account = await users.AsNoTracking()
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.PersonId,
                u.LockoutEnd,
                Token = tokenHash == null ? null : db.ApiTokens.FirstOrDefault(t => t.TokenHash == tokenHash && t.UserId == u.Id),
                IsAdmin = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == HttpActorAccessor.AdministratorRole)),
                Rows = active
                    .Where(m => u.PersonId != null && m.PersonId == u.PersonId)
                    .Join(db.Commissions, m => m.CommissionId, c => c.Id, (m, c) => new { m.Id, m.CommissionId, m.SideId, m.Role, c.ProfileId })
                    .ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (account is null)
        {
            return null;
        }

        var profiles = new Dictionary<Guid, RegulationProfile>();
        var memberships = new List<ActorMembership>();
        foreach (var row in account.Rows)
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

        return (new Actor(account.Id, account.UserName, account.PersonId, account.IsAdmin, memberships) { Profiles = profiles }, account.Token, account.LockoutEnd);
    }
}
