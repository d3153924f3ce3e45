using IntergovCommission.Domain.Regulation;
using System.Text.Json;
using FluentValidation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Records;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Records;

/// <summary>
/// KZRU-22: a secretary records the disposal of the commission's records of a period (sessions that
/// started in it) after their term: the decision that orders it and the SHA-256 of the archive made
/// first (<see cref="ExportRecordsArchive"/>); the act lists the sessions, decisions and materials.
/// Refused while any record of the set is within its term — for everyone: the term is the
/// commission's, not a role's. The act records the disposal; it deletes nothing by itself.
/// </summary>
public static class RecordDisposalAct
{
    public sealed record Command : ICommand<Guid>, ICommissionScoped
    {
        public Guid CommissionId { get; init; }

        public DateOnly? From { get; init; }

        public DateOnly? To { get; init; }

        /// <summary>The decision (or act) that orders the disposal.</summary>
        public string? ByDecision { get; init; }

        /// <summary>The SHA-256 of the archive made before the disposal.</summary>
        public string? ArchiveSha256 { get; init; }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            Require.SignedIn(actor);
            if (!actor.May(request.CommissionId, Capability.KeepRecords))
            {
                // KZRU-22 for the commission; the council's rule for its records (the profile's grant).
                var rule = await CommissionRules.RuleForAsync(db, request.CommissionId, Capability.KeepRecords, cancellationToken);
                throw new ForbiddenException("Only a secretary of the commission records a disposal act.", rule.Id);
            }
        }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.From).NotNull().WithMessage(text["Records.Validation.PeriodRequired"]);
            RuleFor(c => c.To).NotNull().WithMessage(text["Records.Validation.PeriodRequired"]);
            RuleFor(c => c.To).GreaterThanOrEqualTo(c => c.From).When(c => c.From is not null && c.To is not null).WithMessage(text["Audit.Validation.ToBeforeFrom"]);
            RuleFor(c => c.ByDecision).NotEmpty().WithMessage(text["Records.Validation.ByDecisionRequired"])
                .MaximumLength(RecordFlightTestsCompletion.MaxActLength).WithMessage(text["Records.Validation.ActTooLong", RecordFlightTestsCompletion.MaxActLength]);
            RuleFor(c => c.ArchiveSha256).Matches("^[0-9a-fA-F]{64}$").WithMessage(text["Records.Validation.ArchiveSha256"]);
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command request, CancellationToken cancellationToken)
        {
            var profile = await CommissionAccess.ProfileOfAsync(db, request.CommissionId, cancellationToken);
            var keepUntil = await db.RetentionBases.AsNoTracking().Where(r => r.CommissionId == request.CommissionId)
                .OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id).Select(r => (DateOnly?)r.KeepUntil).FirstOrDefaultAsync(cancellationToken);
            RetentionTerm.RequireOutsideTerm(keepUntil, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), RetentionTerm.RuleOf(profile));

            var (from, to) = (request.From!.Value, request.To!.Value);
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var sessions = await db.Sessions.AsNoTracking().Where(s => s.CommissionId == request.CommissionId && s.StartsAt >= start && s.StartsAt < end)
                .Select(s => s.Id).ToListAsync(cancellationToken);
            var decisions = await db.Decisions.AsNoTracking().Where(d => sessions.Contains(d.SessionId)).Select(d => d.Id).ToListAsync(cancellationToken);
            var materials = await db.Materials.AsNoTracking().Where(m => sessions.Contains(m.SessionId)).Select(m => m.Id).ToListAsync(cancellationToken);
            var records = JsonSerializer.Serialize(new { sessions, decisions, materials });

            var actor = await actors.GetActorAsync(cancellationToken);
            var act = new DisposalAct(Guid.CreateVersion7(), request.CommissionId, from, to, request.ByDecision!.Trim(), request.ArchiveSha256!.ToLowerInvariant(), records, clock.GetUtcNow(), actor.UserId);
            db.DisposalActs.Add(act);
            return act.Id;
        }
    }
}
