using FluentValidation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Notifications;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Account;

/// <summary>My own settings (issue 15 items 5 and 8): my time zone and which notifications also come by e-mail.</summary>
public static class GetMySettings
{
    public sealed record Query : IQuery<Result>;

    /// <param name="TimeZoneId">My chosen zone, or null (my side's zone applies).</param>
    /// <param name="SideTimeZoneId">My side's zone (the default), or null without a seat on a side.</param>
    /// <param name="EmailKinds">The kinds that come by e-mail (every kind unless I chose otherwise).</param>
    public sealed record Result(string? TimeZoneId, string? SideTimeZoneId, string EffectiveTimeZoneId, IReadOnlyList<string> ZoneChoices,
        string? Email, string Language, IReadOnlyList<string> EmailKinds, IReadOnlyList<string> AllKinds);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var user = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => new { u.TimeZoneId, u.Email, u.PreferredLanguage, u.EmailKinds, u.PersonId })
                .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("User", actor.UserId ?? Guid.Empty);
            var personEmail = user.PersonId is Guid p ? await db.People.AsNoTracking().Where(x => x.Id == p).Select(x => x.Email).SingleOrDefaultAsync(cancellationToken) : null;
            var side = await PersonZone.SideZoneAsync(db, user.PersonId, clock.Today(), cancellationToken);
            var effective = await PersonZone.OfAsync(db, actor.UserId, actor.PersonId, clock.Today(), cancellationToken);
            return new Result(user.TimeZoneId, side, effective, await ZoneChoicesAsync(db, cancellationToken),
                string.IsNullOrWhiteSpace(user.Email) ? personEmail : user.Email, user.PreferredLanguage,
                user.EmailKinds ?? [.. NotificationKinds.Choosable], NotificationKinds.Choosable);
        }
    }

    /// <summary>The zones offered: every side's zone, Moscow, Almaty and UTC (any IANA zone is accepted through the API).</summary>
    public static async Task<IReadOnlyList<string>> ZoneChoicesAsync(CommissionDbContext db, CancellationToken ct)
    {
        var sides = await db.Sides.AsNoTracking().Select(s => s.TimeZoneId).Distinct().ToListAsync(ct);
        return [.. sides.Concat(["Asia/Almaty", "Europe/Moscow", PersonZone.Fallback]).Where(PersonZone.IsKnown).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}

/// <summary>I save my time zone (empty: my side's) and the notification kinds I want by e-mail.</summary>
public static class SaveMySettings
{
    public sealed class Command : ICommand<Unit>
    {
        /// <summary>An IANA zone id, or empty for my side's zone.</summary>
        public string? TimeZoneId { get; set; }

        /// <summary>The kinds that also come by e-mail (an empty list: none).</summary>
        public List<string> EmailKinds { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.TimeZoneId).Must(z => string.IsNullOrWhiteSpace(z) || (z.Length <= 64 && PersonZone.IsKnown(z)))
                .WithMessage(_ => text["Settings.Validation.TimeZone"]);
            RuleFor(x => x.EmailKinds).Must(k => k is null || k.Count <= 100).WithMessage(_ => text["Validation.Range", 0, 100]);
            RuleForEach(x => x.EmailKinds).Must(NotificationKinds.IsKnown).WithMessage((_, kind) => text["Settings.Validation.Kind", kind?.Length > 64 ? kind[..64] : kind ?? string.Empty]);
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
            user.TimeZoneId = string.IsNullOrWhiteSpace(request.TimeZoneId) ? null : request.TimeZoneId.Trim();
            user.EmailKinds = [.. (request.EmailKinds ?? []).Distinct(StringComparer.Ordinal)];
            return Unit.Value;
        }
    }
}
