using FluentValidation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Notifications;

/// <summary>The bell: my notifications, newest first, and how many are unread.</summary>
public static class ListNotifications
{
    public sealed record Query(int Take = 50) : IQuery<Result>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(Microsoft.Extensions.Localization.IStringLocalizer<Infrastructure.Localization.SharedResource> text) =>
            RuleFor(x => x.Take).InclusiveBetween(0, 200).WithMessage(_ => text["Validation.Range", 0, 200]);
    }

    public sealed record Result(int Unread, IReadOnlyList<Item> Items);

    public sealed record Item(Guid Id, string Kind, string TextKey, string[] Arguments, string? Link, DateTimeOffset CreatedAt, bool IsRead);

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
            if (actor.PersonId is null)
            {
                return new Result(0, []);
            }

            var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientPersonId == actor.PersonId);
            var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
            var rows = request.Take <= 0 ? [] : await mine.OrderByDescending(n => n.CreatedAt).Take(Math.Min(request.Take, 200)).ToListAsync(cancellationToken);
            return new Result(unread, rows.Select(n => new Item(n.Id, n.Kind, n.TextKey, n.ArgumentList(), n.Link, n.CreatedAt, n.ReadAt is not null)).ToList());
        }
    }
}

/// <summary>Mark one of my notifications (or all of them) read.</summary>
public static class MarkNotificationsRead
{
    public sealed record Command(Guid? NotificationId) : ICommand<int>;

    public sealed class Authorizer : IAuthorizer<Command>
    {
        public Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var unread = await db.Notifications
                .Where(n => n.RecipientPersonId == actor.PersonId && n.ReadAt == null && (request.NotificationId == null || n.Id == request.NotificationId))
                .ToListAsync(cancellationToken);
            var now = clock.GetUtcNow();
            foreach (var n in unread)
            {
                n.MarkRead(now);
            }

            return unread.Count;
        }
    }
}
