using FluentValidation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Tokens;

/// <summary>
/// A token's successor, created before the token expires: same owner, a new secret (shown once).
/// The predecessor keeps working until its own expiry, so a lost answer never locks the
/// integration out; with <see cref="Command.RevokeCurrent"/> it is revoked in the same transaction.
/// </summary>
public static class RotateAccessToken
{
    public sealed class Command : ICommand<Result>
    {
        /// <summary>The token to succeed (from the route).</summary>
        public Guid TokenId { get; set; }

        /// <summary>The successor's name; the predecessor's when empty.</summary>
        public string? Name { get; set; }

        public int ExpiresInDays { get; set; } = 90;

        /// <summary>Revoke the predecessor at once (default: it keeps until its expiry).</summary>
        public bool RevokeCurrent { get; set; }
    }

    public sealed record Result(Guid TokenId, string Secret, DateTimeOffset ExpiresAt, Guid PredecessorId, DateTimeOffset? PredecessorRevokedAt, DateTimeOffset PredecessorExpiresAt);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text, CommissionDbContext db, IActorAccessor actors, TimeProvider clock, IConfiguration configuration)
        {
            RuleFor(x => x.Name).MaximumLength(100).WithMessage(_ => text["Validation.MaxLength", 100]);
            RuleFor(x => x.ExpiresInDays).InclusiveBetween(1, 366).WithMessage(_ => text["Api.Token.ExpiryRange"]);
            var max = TokenRevocation.MaxActivePerUser(configuration);
            RuleFor(x => x)
                .MustAsync(async (_, ct) =>
                {
                    var actor = await actors.GetActorAsync(ct);
                    return await TokenRevocation.CountActiveAsync(db, actor.UserId!.Value, clock.GetUtcNow(), ct) < max;
                })
                .When(x => !x.RevokeCurrent)
                .OverridePropertyName(nameof(Command.RevokeCurrent))
                .WithMessage(_ => text["Api.Token.TooManyRotate", max]);
        }
    }

    public sealed class Authorizer(CommissionDbContext db, TimeProvider clock) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            var token = await db.ApiTokens.AsNoTracking().Where(t => t.Id == request.TokenId)
                .Select(t => new { t.UserId, t.RevokedAt, t.ExpiresAt }).SingleOrDefaultAsync(cancellationToken);
            if (token is null || token.UserId != actor.UserId || token.RevokedAt is not null || token.ExpiresAt <= clock.GetUtcNow())
            {
                throw new NotFoundException("Token", request.TokenId); // only a usable token of one's own has a successor
            }
        }
    }

    public sealed class Handler(CommissionDbContext db, TimeProvider clock, IConfiguration configuration, IStringLocalizer<SharedResource> text) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var current = await db.ApiTokens.SingleAsync(t => t.Id == request.TokenId, cancellationToken);
            var now = clock.GetUtcNow();
            if (!request.RevokeCurrent)
            {
                var max = TokenRevocation.MaxActivePerUser(configuration);
                await TokenRevocation.RequireRoomAsync(db, current.UserId, now, max, nameof(Command.RevokeCurrent), text["Api.Token.TooManyRotate", max], cancellationToken);
            }

            var name = string.IsNullOrWhiteSpace(request.Name) ? current.Name : request.Name;
            var (successor, secret) = ApiToken.Issue(current.UserId, name, now, now.AddDays(request.ExpiresInDays));
            db.ApiTokens.Add(successor);
            if (request.RevokeCurrent)
            {
                current.Revoke(now);
            }

            return new Result(successor.Id, secret, successor.ExpiresAt, current.Id, current.RevokedAt, current.ExpiresAt);
        }
    }
}
