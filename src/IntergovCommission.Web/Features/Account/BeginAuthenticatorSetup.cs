using FluentValidation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Account;

/// <summary>Step 1 of the second factor: a new secret key for the authenticator app (any earlier, unconfirmed key stops working).</summary>
public static class BeginAuthenticatorSetup
{
    public sealed record Command : ICommand<Result>;

    public sealed record Result(string UserName, string Key);

    public sealed class Authorizer : IAuthorizer<Command>
    {
        public Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(UserManager<AppUser> users, IActorAccessor actors, IStringLocalizer<SharedResource> text) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await CurrentUser.LoadAsync(users, actors, cancellationToken);
            if (await users.GetTwoFactorEnabledAsync(user))
            {
                throw new InputValidationException(string.Empty, text["Account.TwoFactor.AlreadyOn"]);
            }

            IdentityOutcome.ThrowIfFailed(await users.ResetAuthenticatorKeyAsync(user), string.Empty);
            var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("Identity did not store the authenticator key.");
            return new Result(user.UserName ?? string.Empty, key);
        }
    }
}
