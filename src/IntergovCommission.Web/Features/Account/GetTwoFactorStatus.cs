using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace IntergovCommission.Web.Features.Account;

/// <summary>
/// The signed-in user's second factor: on or off, recovery codes left, and while setting up
/// (not yet on) the key to show again after a wrong code.
/// </summary>
public static class GetTwoFactorStatus
{
    public sealed record Query : IQuery<Result>;

    public sealed record Result(string UserName, bool Enabled, int RecoveryCodesLeft, string? PendingKey, bool LockedOut);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(UserManager<AppUser> users, IActorAccessor actors) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var user = await CurrentUser.LoadAsync(users, actors, cancellationToken);
            var enabled = await users.GetTwoFactorEnabledAsync(user);
            return new Result(
                user.UserName ?? string.Empty,
                enabled,
                enabled ? await users.CountRecoveryCodesAsync(user) : 0,
                enabled ? null : await users.GetAuthenticatorKeyAsync(user),
                await users.IsLockedOutAsync(user));
        }
    }
}
