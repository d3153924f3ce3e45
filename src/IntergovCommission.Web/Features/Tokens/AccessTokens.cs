using FluentValidation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Tokens;

/// <summary>Personal access tokens for the integration API: create (shown once), list, revoke.</summary>
public static class CreateAccessToken
{
    public sealed class Command : ICommand<Result>
    {
        public string? Name { get; set; }
        public int ExpiresInDays { get; set; } = 90;
    }

    public sealed record Result(Guid TokenId, string Secret, DateTimeOffset ExpiresAt);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text, CommissionDbContext db, IActorAccessor actors, TimeProvider clock, IConfiguration configuration)
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage(_ => text["Api.Token.NameRequired"])
                .MaximumLength(100).WithMessage(_ => text["Validation.MaxLength", 100]);
            RuleFor(x => x.ExpiresInDays).InclusiveBetween(1, 366).WithMessage(_ => text["Api.Token.ExpiryRange"]);

            // A cap on usable tokens per user (Api:Tokens:MaxActivePerUser): revoke one before making another.
            var max = TokenRevocation.MaxActivePerUser(configuration);
            RuleFor(x => x)
                .MustAsync(async (_, ct) =>
                {
                    var actor = await actors.GetActorAsync(ct);
                    return actor.UserId is not { } userId || await TokenRevocation.CountActiveAsync(db, userId, clock.GetUtcNow(), ct) < max;
                })
                .OverridePropertyName(nameof(Command.Name))
                .WithMessage(_ => text["Api.Token.TooMany", max]);
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

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock, IConfiguration configuration, IStringLocalizer<SharedResource> text) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var max = TokenRevocation.MaxActivePerUser(configuration);
            await TokenRevocation.RequireRoomAsync(db, actor.UserId!.Value, now, max, nameof(Command.Name), text["Api.Token.TooMany", max], cancellationToken);
            var (token, secret) = ApiToken.Issue(actor.UserId!.Value, request.Name!, now, now.AddDays(request.ExpiresInDays));
            db.ApiTokens.Add(token);
            return new Result(token.Id, secret, token.ExpiresAt);
        }
    }
}

public static class RevokeAccessToken
{
    public sealed record Command(Guid TokenId) : ICommand<bool>;

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            var owner = await db.ApiTokens.AsNoTracking().Where(t => t.Id == request.TokenId).Select(t => (Guid?)t.UserId).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Token", request.TokenId);
            if (owner != actor.UserId && !actor.IsAdministrator)
            {
                throw new NotFoundException("Token", request.TokenId); // another user's token is not even shown to exist
            }
        }
    }

    public sealed class Handler(CommissionDbContext db, TimeProvider clock) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var token = await db.ApiTokens.SingleAsync(t => t.Id == request.TokenId, cancellationToken);
            token.Revoke(clock.GetUtcNow());
            return true;
        }
    }
}

public static class ListAccessTokens
{
    public sealed record Query : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid Id, string Name, string DisplayPrefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            return await db.ApiTokens.AsNoTracking()
                .Where(t => t.UserId == actor.UserId)
                .OrderByDescending(t => t.CreatedAt)
                .Select(t => new Item(t.Id, t.Name, t.DisplayPrefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt))
                .ToListAsync(cancellationToken);
        }
    }
}
