using FluentValidation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Tokens;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Account;

/// <summary>
/// Step 2 of the second factor: the user proves the app works with a current 6-digit code; the
/// second factor is switched on and 10 recovery codes are issued (shown once; each signs in once).
/// A wrong code counts towards lockout.
/// </summary>
public static class EnableAuthenticator
{
    public sealed class Command : ICommand<Result>
    {
        [Sensitive]
        public string? Code { get; set; }

        /// <summary>Also revoke every API access token of the user (offered, on by default).</summary>
        public bool RevokeAccessTokens { get; set; } = true;
    }

    public sealed record Result(CodeCheck Outcome, IReadOnlyList<string> RecoveryCodes);

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

    public sealed class Handler(UserManager<AppUser> users, IActorAccessor actors, IStringLocalizer<SharedResource> text, CommissionDbContext db, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await CurrentUser.LoadAsync(users, actors, cancellationToken);
            if (await users.GetTwoFactorEnabledAsync(user))
            {
                throw new InputValidationException(string.Empty, text["Account.TwoFactor.AlreadyOn"]);
            }

            if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
            {
                throw new InputValidationException(string.Empty, text["Account.TwoFactor.StartFirst"]);
            }

            var outcome = await Authenticator.VerifyAsync(users, user, request.Code);
            if (outcome != CodeCheck.Accepted)
            {
                return new Result(outcome, []);
            }

            IdentityOutcome.ThrowIfFailed(await users.SetTwoFactorEnabledAsync(user, true), string.Empty);
            var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, Authenticator.RecoveryCodeCount)
                ?? throw new InvalidOperationException("Identity issued no recovery codes.");
            if (request.RevokeAccessTokens)
            {
                await TokenRevocation.RevokeAllAsync(db, user.Id, clock.GetUtcNow(), cancellationToken);
            }

            return new Result(CodeCheck.Accepted, codes.ToList());
        }
    }
}
