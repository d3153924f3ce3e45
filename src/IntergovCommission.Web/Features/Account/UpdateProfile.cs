using FluentValidation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Account;

/// <summary>The user changes their own display name and preferred interface language (applied at every sign-in).</summary>
public static class UpdateProfile
{
    public sealed class Command : ICommand<Unit>
    {
        public string? DisplayName { get; set; }
        public string? PreferredLanguage { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.DisplayName).NotEmpty().WithMessage(_ => text["Account.Validation.DisplayNameRequired"])
                .MaximumLength(300).WithMessage(_ => text["Validation.MaxLength", 300]);
            RuleFor(x => x.PreferredLanguage).Must(InterfaceLanguages.IsSupported).WithMessage(_ => text["Account.Validation.Language"]);
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

    public sealed class Handler(UserManager<AppUser> users, IActorAccessor actors) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await CurrentUser.LoadAsync(users, actors, cancellationToken);
            user.DisplayName = request.DisplayName!.Trim();
            user.PreferredLanguage = request.PreferredLanguage!;
            return Unit.Value;
        }
    }
}
