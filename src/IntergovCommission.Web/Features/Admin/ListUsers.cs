using IntergovCommission.Domain.Common;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Admin;

/// <summary>Every sign-in with its person, administrator flag, second factor, lockout state and usable API tokens (administrators only).</summary>
public static class ListUsers
{
    public sealed record Query : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid Id, string UserName, string DisplayName, Guid? PersonId, LocalizedText? PersonName, bool IsAdministrator, bool TwoFactorEnabled, DateTimeOffset? LockedUntil, bool SignInDisabled, bool IsMe, int ActiveTokens);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.Administrator(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var adminRole = HttpActorAccessor.AdministratorRole.ToUpperInvariant();
            var rows = await db.Users.AsNoTracking()
                .OrderBy(u => u.UserName)
                .Select(u => new
                {
                    u.Id,
                    u.UserName,
                    u.DisplayName,
                    u.PersonId,
                    PersonName = db.People.Where(p => p.Id == u.PersonId).Select(p => p.FullName).FirstOrDefault(),
                    IsAdministrator = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == adminRole)),
                    u.TwoFactorEnabled,
                    u.LockoutEnd,
                    ActiveTokens = db.ApiTokens.Count(t => t.UserId == u.Id && t.RevokedAt == null && t.ExpiresAt > now),
                })
                .ToListAsync(cancellationToken);
            return rows.Select(r => new Item(
                r.Id,
                r.UserName ?? string.Empty,
                r.DisplayName,
                r.PersonId,
                r.PersonName,
                r.IsAdministrator,
                r.TwoFactorEnabled,
                r.LockoutEnd > now && !Administrators.IsDisabled(r.LockoutEnd) ? r.LockoutEnd : null,
                Administrators.IsDisabled(r.LockoutEnd),
                r.Id == actor.UserId,
                r.ActiveTokens)).ToList();
        }
    }
}
