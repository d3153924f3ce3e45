using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.AspNetCore.Identity;

namespace IntergovCommission.Web.Features.Account;

/// <summary>The acting user's own account, loaded through Identity (self-service use cases act on it and nothing else).</summary>
internal static class CurrentUser
{
    public static async Task<AppUser> LoadAsync(UserManager<AppUser> users, IActorAccessor actors, CancellationToken ct)
    {
        var actor = await actors.GetActorAsync(ct);
        if (actor.UserId is not Guid id)
        {
            throw new ForbiddenException("Sign in first.");
        }

        return await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException("User", id);
    }
}
