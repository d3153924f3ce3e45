using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Account;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace IntergovCommission.Web.Features.Admin;

/// <summary>An administrator lets a user sign in again: ends a lockout after failed attempts, or re-enables a disabled sign-in.</summary>
public static class UnlockUser
{
    public sealed record Command(Guid UserId) : ICommand<Unit>;

    public sealed class Authorizer : IAuthorizer<Command>
    {
        public Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.Administrator(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(UserManager<AppUser> users) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await Administrators.FindUserAsync(users, request.UserId);
            IdentityOutcome.ThrowIfFailed(await users.SetLockoutEndDateAsync(user, null), string.Empty);
            IdentityOutcome.ThrowIfFailed(await users.ResetAccessFailedCountAsync(user), string.Empty);
            return Unit.Value;
        }
    }
}
