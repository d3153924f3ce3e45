using FluentValidation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Account;

/// <summary>
/// Switches the second factor off; it takes a current code from the app, so a left-open session
/// cannot remove it. The key is replaced, so the old entry in the app stops working; a wrong code
/// counts towards lockout.
/// </summary>
public static class DisableAuthenticator
{
    public sealed class Command : ICommand<CodeCheck>
    {
        [Sensitive]
        public string? Code { get; set; }
    }

    /// <summary>An empty or malformed code is a typing slip, not a guess: refused before it counts towards lockout.</summary>
    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Code).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => text["Account.TwoFactor.CodeRequired"])
                .Must(code => Authenticator.Normalize(code) is { Length: 6 } digits && digits.All(char.IsAsciiDigit))
                .WithMessage(_ => text["Account.TwoFactor.CodeRequired"]);
        }
    }

    public sealed class Authorizer : IAuthorizer<Command>
    {
        public Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(UserManager<AppUser> users, IActorAccessor actors, IStringLocalizer<SharedResource> text) : IRequestHandler<Command, CodeCheck>
    {
        public async Task<CodeCheck> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await CurrentUser.LoadAsync(users, actors, cancellationToken);
            if (!await users.GetTwoFactorEnabledAsync(user))
            {
                throw new InputValidationException(string.Empty, text["Account.TwoFactor.AlreadyOff"]);
            }

            var outcome = await Authenticator.VerifyAsync(users, user, request.Code);
            if (outcome != CodeCheck.Accepted)
            {
                return outcome;
            }

            IdentityOutcome.ThrowIfFailed(await users.SetTwoFactorEnabledAsync(user, false), string.Empty);
            IdentityOutcome.ThrowIfFailed(await users.ResetAuthenticatorKeyAsync(user), string.Empty);
            return CodeCheck.Accepted;
        }
    }
}
