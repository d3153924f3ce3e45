using IntergovCommission.Domain.Common;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Admin;

/// <summary>People on any roster who have no sign-in yet: the choices when creating a user.</summary>
public static class ListPeopleWithoutAccount
{
    public sealed record Query : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid Id, LocalizedText Name, string? Email);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.Administrator(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query request, CancellationToken cancellationToken) =>
            await db.People.AsNoTracking()
                .Where(p => !db.Users.Any(u => u.PersonId == p.Id))
                .OrderBy(p => p.FullName.Ru)
                .Select(p => new Item(p.Id, p.FullName, p.Email))
                .ToListAsync(cancellationToken);
    }
}
