using FluentValidation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Account;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Admin;

/// <summary>An administrator creates a sign-in, linked to an existing person (or to none), with an initial password.</summary>
public static class CreateUser
{
    public sealed class Command : ICommand<Guid>
    {
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public Guid? PersonId { get; set; }
        public string? Email { get; set; }
        public string PreferredLanguage { get; set; } = "ru";

        [Sensitive]
        public string? InitialPassword { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text, UserManager<AppUser> users, CommissionDbContext db)
        {
            RuleFor(x => x.UserName).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => text["Admin.Validation.UserNameRequired"])
                .MaximumLength(64).WithMessage(_ => text["Validation.MaxLength", 64])
                .Must(name => name!.Trim().All(c => users.Options.User.AllowedUserNameCharacters.Contains(c)))
                .WithMessage(x => text["Account.Identity.InvalidUserName", x.UserName ?? string.Empty])
                .MustAsync(async (name, ct) =>
                {
                    var normalized = users.NormalizeName(name!.Trim());
                    return !await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, ct);
                })
                .WithMessage(x => text["Account.Identity.DuplicateUserName", x.UserName?.Trim() ?? string.Empty]);
            RuleFor(x => x.DisplayName).NotEmpty().WithMessage(_ => text["Account.Validation.DisplayNameRequired"])
                .MaximumLength(300).WithMessage(_ => text["Validation.MaxLength", 300]);
            RuleFor(x => x.Email).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email)).WithMessage(_ => text["Validation.Email"])
                .MaximumLength(256).WithMessage(_ => text["Validation.MaxLength", 256]);
            RuleFor(x => x.PreferredLanguage).Must(InterfaceLanguages.IsSupported).WithMessage(_ => text["Account.Validation.Language"]);
            RuleFor(x => x.PersonId)
                .MustAsync(async (id, ct) => await db.People.AnyAsync(p => p.Id == id, ct))
                .WithMessage(_ => text["Admin.Validation.PersonUnknown"])
                .MustAsync(async (id, ct) => !await db.Users.AnyAsync(u => u.PersonId == id, ct))
                .WithMessage(_ => text["Admin.Validation.PersonHasAccount"])
                .When(x => x.PersonId is not null);
            RuleFor(x => x.InitialPassword).NotEmpty().WithMessage(_ => text["Admin.Validation.InitialPasswordRequired"])
                .CustomAsync(async (password, context, _) =>
                {
                    foreach (var message in await IdentityOutcome.PasswordPolicyFailuresAsync(users, password ?? string.Empty))
                    {
                        context.AddFailure(message);
                    }
                }).When(x => !string.IsNullOrEmpty(x.InitialPassword));
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

    public sealed class Handler(UserManager<AppUser> users, TimeProvider clock) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(),
                UserName = request.UserName!.Trim(),
                DisplayName = request.DisplayName!.Trim(),
                Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim(),
                PersonId = request.PersonId,
                PreferredLanguage = request.PreferredLanguage,
                CreatedAt = clock.GetUtcNow(),
            };
            IdentityOutcome.ThrowIfFailed(await users.CreateAsync(user, request.InitialPassword!), nameof(Command.InitialPassword));
            return user.Id;
        }
    }
}
