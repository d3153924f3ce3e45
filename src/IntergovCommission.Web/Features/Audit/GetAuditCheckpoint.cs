using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;

namespace IntergovCommission.Web.Features.Audit;

/// <summary>
/// The latest signed checkpoint of the audit chain, for anyone (the public verification page and
/// its download): length, head hash, time, signature. Holding it, anyone can later ask the server
/// (or an auditor with a copy of the trail) to show the chain still contains it.
/// </summary>
public static class GetAuditCheckpoint
{
    public sealed record Query : IQuery<Result?>;

    public sealed record Result(long Length, string HeadHash, DateTimeOffset At, string Signature, string Text, string Compact);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        // Public: a checkpoint reveals no content, only the chain's length and head hash.
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public sealed class Handler(AuditCheckpoints checkpoints) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken) =>
            await checkpoints.LatestAsync(cancellationToken) is { } c
                ? new Result(c.Length, c.HeadHash, c.At, c.Signature ?? string.Empty, c.ToText(), c.Compact)
                : null;
    }
}
