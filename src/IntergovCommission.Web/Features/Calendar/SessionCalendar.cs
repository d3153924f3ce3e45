using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Calendar;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Calendar;

/// <summary>
/// The sessions of a person's commissions as an iCalendar file (times in UTC, so every client shows
/// them in its own zone). A cancelled session stays in the feed marked CANCELLED, so calendars drop it.
/// </summary>
public static class SessionCalendar
{
    /// <summary>A session is booked for this long in calendars (the regulation sets no duration).</summary>
    public static readonly TimeSpan Length = TimeSpan.FromHours(3);

    public static async Task<string> BuildForPersonAsync(CommissionDbContext db, IStringLocalizer<SharedResource> text, Guid? personId, Uri? baseUrl, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var commissions = personId is null ? [] : await db.Memberships.AsNoTracking().ActiveOn(today)
            .Where(m => m.PersonId == personId)
            .Select(m => m.CommissionId).Distinct().ToListAsync(ct);
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => commissions.Contains(s.CommissionId))
            .Join(db.Commissions, s => s.CommissionId, c => c.Id, (s, c) => new { s.Id, s.Number, s.Kind, s.Format, s.Place, s.ConferenceLink, s.StartsAt, s.State, c.Code, s.CreatedAt })
            .OrderBy(s => s.StartsAt)
            .ToListAsync(ct);
        var events = sessions.Select(s => new CalendarEvent(
            s.Id, s.StartsAt, s.StartsAt + Length,
            text["Calendar.Summary", s.Number, s.Code],
            string.Join(" / ", new[] { s.Place, s.ConferenceLink }.Where(x => !string.IsNullOrWhiteSpace(x))),
            $"{text["Sessions.Kind." + s.Kind]}; {text["Sessions.Format." + s.Format]}; {text["Sessions.State." + s.State]}",
            baseUrl is null ? null : new Uri(baseUrl, $"/Sessions/Details/{s.Id}").ToString(),
            now, s.State == SessionState.Cancelled));
        return IcsCalendar.Build(text["Calendar.Name"], events);
    }
}

/// <summary>/Calendar/My.ics: the signed-in user's sessions.</summary>
public static class GetMyCalendar
{
    public sealed record Query(Uri? BaseUrl) : IQuery<string>;

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, IStringLocalizer<SharedResource> text, TimeProvider clock) : IRequestHandler<Query, string>
    {
        public async Task<string> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            return await SessionCalendar.BuildForPersonAsync(db, text, actor.PersonId, request.BaseUrl, clock.GetUtcNow(), cancellationToken);
        }
    }
}

/// <summary>
/// /Calendar/Feed/{token}.ics: the secret address is the credential (calendar apps cannot sign in).
/// It gives only its owner's sessions; an unknown, regenerated or revoked token is not found.
/// </summary>
public static class GetFeedCalendar
{
    public sealed record Query(string Token, Uri? BaseUrl) : IQuery<string>;

    /// <summary>No sign-in: the token itself is checked by the handler, which refuses anything unknown.</summary>
    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public sealed class Handler(CommissionDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock) : IRequestHandler<Query, string>
    {
        public async Task<string> Handle(Query request, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(request.Token) || request.Token.Length > 100)
            {
                throw new NotFoundException("Calendar feed not found.");
            }

            var hash = ApiToken.Hash(request.Token);
            var owner = await db.CalendarFeedTokens.AsNoTracking()
                .Where(t => t.TokenHash == hash)
                .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { u.PersonId, u.LockoutEnd })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Calendar feed not found.");
            var now = clock.GetUtcNow();
            if (owner.LockoutEnd is not null && owner.LockoutEnd > now)
            {
                throw new NotFoundException("Calendar feed not found.");
            }

            return await SessionCalendar.BuildForPersonAsync(db, text, owner.PersonId, request.BaseUrl, now, cancellationToken);
        }
    }
}

/// <summary>/Calendar: whether I have a feed address, and since when.</summary>
public static class GetCalendarFeedStatus
{
    public sealed record Query : IQuery<Result>;

    public sealed record Result(bool HasFeed, DateTimeOffset? CreatedAt);

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
            var row = await db.CalendarFeedTokens.AsNoTracking().SingleOrDefaultAsync(t => t.UserId == actor.UserId, cancellationToken);
            return new Result(row is not null, row?.CreatedAt);
        }
    }
}

/// <summary>Creates or regenerates my feed address; the secret is returned once and only its hash is kept.</summary>
public static class IssueCalendarFeed
{
    public sealed record Command : ICommand<string>;

    public sealed class Authorizer : IAuthorizer<Command>
    {
        public Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var existing = await db.CalendarFeedTokens.SingleOrDefaultAsync(t => t.UserId == actor.UserId, cancellationToken);
            if (existing is not null)
            {
                return existing.Regenerate(clock.GetUtcNow());
            }

            var (token, secret) = CalendarFeedToken.Issue(actor.UserId!.Value, clock.GetUtcNow());
            db.CalendarFeedTokens.Add(token);
            return secret;
        }
    }
}

/// <summary>Revokes my feed address: the calendar app's next fetch is refused.</summary>
public static class RevokeCalendarFeed
{
    public sealed record Command : ICommand<bool>;

    public sealed class Authorizer : IAuthorizer<Command>
    {
        public Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var existing = await db.CalendarFeedTokens.SingleOrDefaultAsync(t => t.UserId == actor.UserId, cancellationToken);
            if (existing is null)
            {
                return false;
            }

            db.CalendarFeedTokens.Remove(existing);
            return true;
        }
    }
}
