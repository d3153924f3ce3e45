using FluentValidation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Account;
using IntergovCommission.Web.Features.Tokens;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Admin;

/// <summary>
/// An administrator sets a new password for a user: the user's open sessions end (the security stamp
/// changes) and every API access token of the user is revoked, always (audited token by token).
/// </summary>
public static class ResetUserPassword
{
    public sealed class Command : ICommand<Unit>
    {
        public Guid UserId { get; set; }

        [Sensitive]
        public string? NewPassword { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text, UserManager<AppUser> users)
        {
            RuleFor(x => x.NewPassword).NotEmpty().WithMessage(_ => text["Account.Validation.NewPasswordRequired"])
                .CustomAsync(async (password, context, _) =>
                {
                    foreach (var message in await IdentityOutcome.PasswordPolicyFailuresAsync(users, password ?? string.Empty))
                    {
                        context.AddFailure(message);
                    }
                }).When(x => !string.IsNullOrEmpty(x.NewPassword));
        }
    }

    public sealed class Authorizer : IAuthorizer<Command>
    {
        public Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.Administrator(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(UserManager<AppUser> users, CommissionDbContext db, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await Administrators.FindUserAsync(users, request.UserId);
            var token = await users.GeneratePasswordResetTokenAsync(user);
            IdentityOutcome.ThrowIfFailed(await users.ResetPasswordAsync(user, token, request.NewPassword!), nameof(Command.NewPassword));
            await TokenRevocation.RevokeAllAsync(db, user.Id, clock.GetUtcNow(), cancellationToken);
            return Unit.Value;
        }
    }
}
