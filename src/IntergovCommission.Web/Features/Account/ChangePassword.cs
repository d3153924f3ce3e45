using FluentValidation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Tokens;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Account;

/// <summary>The user changes their own password: the current one, then a new one that meets the policy (10+ characters, digit, upper and lower case).</summary>
public static class ChangePassword
{
    public sealed class Command : ICommand<Unit>
    {
        [Sensitive]
        public string? CurrentPassword { get; set; }

        [Sensitive]
        public string? NewPassword { get; set; }

        [Sensitive]
        public string? ConfirmPassword { get; set; }

        /// <summary>Also revoke every API access token of the user (offered, on by default).</summary>
        public bool RevokeAccessTokens { get; set; } = true;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text, UserManager<AppUser> users)
        {
            RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage(_ => text["Account.Validation.CurrentPasswordRequired"]);
            RuleFor(x => x.NewPassword).NotEmpty().WithMessage(_ => text["Account.Validation.NewPasswordRequired"])
                .CustomAsync(async (password, context, _) =>
                {
                    foreach (var message in await IdentityOutcome.PasswordPolicyFailuresAsync(users, password ?? string.Empty))
                    {
                        context.AddFailure(message);
                    }
                }).When(x => !string.IsNullOrEmpty(x.NewPassword));
            RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage(_ => text["Account.Validation.ConfirmMismatch"]);
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

    public sealed class Handler(UserManager<AppUser> users, IActorAccessor actors, CommissionDbContext db, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await CurrentUser.LoadAsync(users, actors, cancellationToken);
            var result = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
            IdentityOutcome.ThrowIfFailed(result, nameof(Command.NewPassword), nameof(Command.CurrentPassword));
            if (request.RevokeAccessTokens)
            {
                await TokenRevocation.RevokeAllAsync(db, user.Id, clock.GetUtcNow(), cancellationToken);
            }

            return Unit.Value;
        }
    }
}
