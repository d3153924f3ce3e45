using IntergovCommission.Domain.Common;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Account;

/// <summary>The signed-in user's own account: name, linked person, language, second factor.</summary>
public static class GetMyAccount
{
    public sealed record Query : IQuery<Result>;

    public sealed record Result(Guid UserId, string UserName, string DisplayName, string PreferredLanguage, LocalizedText? PersonName, bool TwoFactorEnabled, bool IsAdministrator);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var row = await db.Users.AsNoTracking()
                .Where(u => u.Id == actor.UserId)
                .Select(u => new
                {
                    u.Id,
                    u.UserName,
                    u.DisplayName,
                    u.PreferredLanguage,
                    u.TwoFactorEnabled,
                    PersonName = db.People.Where(p => p.Id == u.PersonId).Select(p => p.FullName).FirstOrDefault(),
                })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("User", actor.UserId ?? Guid.Empty);
            return new Result(row.Id, row.UserName ?? string.Empty, row.DisplayName, row.PreferredLanguage, row.PersonName, row.TwoFactorEnabled, actor.IsAdministrator);
        }
    }
}
