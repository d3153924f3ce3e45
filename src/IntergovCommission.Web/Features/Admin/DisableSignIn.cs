using IntergovCommission.Domain.Common;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Account;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace IntergovCommission.Web.Features.Admin;

/// <summary>
/// An administrator stops a user from signing in (the account and its audit history stay): the
/// lockout ends in the far future and open sessions end. Never yourself, never the last administrator.
/// </summary>
public static class DisableSignIn
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

    public sealed class Handler(UserManager<AppUser> users, CommissionDbContext db, IActorAccessor actors) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            if (actor.UserId == request.UserId)
            {
                throw new RuleViolationException("ADM-02", "Admin.Rule.NotYourself", "You cannot disable your own sign-in.");
            }

            var user = await Administrators.FindUserAsync(users, request.UserId);
            if (await Administrators.IsAdministratorAsync(users, user))
            {
                await Administrators.RequireAnotherAdministratorAsync(db, user.Id, cancellationToken);
            }

            IdentityOutcome.ThrowIfFailed(await users.SetLockoutEnabledAsync(user, true), string.Empty);
            IdentityOutcome.ThrowIfFailed(await users.SetLockoutEndDateAsync(user, Administrators.DisabledUntil), string.Empty);
            IdentityOutcome.ThrowIfFailed(await users.UpdateSecurityStampAsync(user), string.Empty);
            return Unit.Value;
        }
    }
}
