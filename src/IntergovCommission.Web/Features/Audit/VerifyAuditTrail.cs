using FluentValidation;
using IntergovCommission.Domain.Audit;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Audit;

/// <summary>
/// An administrator walks the whole audit chain and holds it against every kept checkpoint and,
/// optionally, one they supply (the full statement from the checkpoint file or a download, or the
/// "length/head" printed in an issued decision): the first broken link is named.
/// </summary>
public static class VerifyAuditTrail
{
    public const int MaxCheckpointLength = 4000;

    public sealed record Query(string? Checkpoint = null) : IQuery<Result>;

    public sealed record Break(AuditBreakKind Kind, long Seq, Guid? EntryId, string Detail);

    public sealed record CheckpointProblem(AuditCheckpointProblemKind Kind, string Source, long Length, string Detail);

    public sealed record Result(
        bool Intact,
        long Length,
        string HeadHash,
        int CheckpointsChecked,
        int FileCheckpoints,
        int DatabaseCheckpoints,
        string CheckpointFile,
        SuppliedCheckpoint Supplied,
        Break? FirstBreak,
        IReadOnlyList<CheckpointProblem> CheckpointProblems);

    public sealed class Authorizer : IAuthorizer<Query>
    {
        public Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            // Administrators: the trail is the whole installation's.
            Require.Administrator(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(q => q.Checkpoint).MaximumLength(MaxCheckpointLength).WithMessage(text["Audit.Validation.CheckpointTooLong", MaxCheckpointLength]);
        }
    }

    public sealed class Handler(AuditTrailVerifier verifier) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var report = await verifier.VerifyAsync(request.Checkpoint, cancellationToken);
            return From(report);
        }
    }

    public static Result From(AuditTrailReport report)
    {
        var v = report.Verification;
        return new Result(
            report.Intact,
            v.Length,
            v.HeadHash,
            v.CheckpointsChecked,
            report.FileCheckpoints,
            report.DatabaseCheckpoints,
            report.CheckpointFile,
            report.Supplied,
            v.Break is { } b ? new Break(b.Kind, b.Seq, b.EntryId, b.Detail) : null,
            v.CheckpointProblems.Select(p => new CheckpointProblem(p.Kind, p.Source, p.Checkpoint.Length, p.Detail)).ToList());
    }
}
