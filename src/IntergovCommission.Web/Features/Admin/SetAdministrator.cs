using IntergovCommission.Domain.Common;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Account;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Admin;

/// <summary>Grants or revokes the Administrator role; the last administrator who can sign in cannot be revoked.</summary>
public static class SetAdministrator
{
    public sealed record Command(Guid UserId, bool Grant) : ICommand<Unit>;

    public sealed class Authorizer : IAuthorizer<Command>
    {
        public Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.Administrator(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(UserManager<AppUser> users, CommissionDbContext db, IStringLocalizer<SharedResource> text) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await Administrators.FindUserAsync(users, request.UserId);
            var isAdministrator = await Administrators.IsAdministratorAsync(users, user);
            if (request.Grant)
            {
                if (isAdministrator)
                {
                    throw new InputValidationException(string.Empty, text["Admin.Users.AlreadyAdministrator", user.UserName ?? string.Empty]);
                }

                IdentityOutcome.ThrowIfFailed(await users.AddToRoleAsync(user, HttpActorAccessor.AdministratorRole), string.Empty);
                return Unit.Value;
            }

            if (!isAdministrator)
            {
                throw new InputValidationException(string.Empty, text["Admin.Users.NotAdministrator", user.UserName ?? string.Empty]);
            }

            await Administrators.RequireAnotherAdministratorAsync(db, user.Id, cancellationToken);
            IdentityOutcome.ThrowIfFailed(await users.RemoveFromRoleAsync(user, HttpActorAccessor.AdministratorRole), string.Empty);
            return Unit.Value;
        }
    }
}
