using FluentValidation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Notifications;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Decisions;

internal static class DecisionAccess
{
    public static async Task<Guid> CommissionOfAsync(CommissionDbContext db, Guid decisionId, CancellationToken ct) =>
        await db.Decisions.AsNoTracking().Where(d => d.Id == decisionId).Select(d => (Guid?)d.CommissionId).SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException("Decision", decisionId);

    /// <summary>Locks the decision row for the rest of the transaction: signatures, approvals and corrections on one decision go one at a time.</summary>
    public static async Task<Decision> LoadForUpdateAsync(CommissionDbContext db, Guid decisionId, CancellationToken ct)
    {
        await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM decisions WHERE id = {decisionId} FOR UPDATE").SingleAsync(ct);
        return await db.Decisions.Include(d => d.Signatures).SingleAsync(d => d.Id == decisionId, ct);
    }

    public const string SignKind = "decision-sign";
    public const string ApproveKind = "decision-approve";
    public const string IssuedKind = "decision-issued";

    public static void NotifyAwaited(Notifier notifier, Decision decision)
    {
        var link = $"/Decisions/Details/{decision.Id}";
        var signing = decision.Signatures.Where(s => s.Kind == SignatureKind.Sign && s.SignedAt is null).ToList();
        if (signing.Count > 0)
        {
            foreach (var slot in signing)
            {
                notifier.To(slot.PersonId, decision.CommissionId, SignKind, "Notifications.Event.DecisionToSign", link, decision.Number);
            }

            return;
        }

        foreach (var slot in decision.Signatures.Where(s => s.Kind == SignatureKind.Approve && s.SignedAt is null))
        {
            notifier.To(slot.PersonId, decision.CommissionId, ApproveKind, "Notifications.Event.DecisionToApprove", link, decision.Number);
        }
    }
}

/// <summary>
/// KZRU-18/KZRU-21: a secretary sends the adopted decision for signature. The content hash is
/// fixed now, the route comes from the profile by the decision's kind, and the awaited signers are notified.
/// </summary>
public static class StartSigning
{
    public sealed record Command(Guid DecisionId) : ICommand<string>;

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            var commissionId = await DecisionAccess.CommissionOfAsync(db, request.DecisionId, cancellationToken);
            Require.May(actor, commissionId, Capability.IssueDecision);
        }
    }

    public sealed class Handler(CommissionDbContext db, Notifier notifier, TimeProvider clock) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var decision = await DecisionAccess.LoadForUpdateAsync(db, request.DecisionId, cancellationToken);
            var profile = await CommissionAccess.ProfileOfAsync(db, decision.CommissionId, cancellationToken);
            var languages = profile.Languages.DocumentLanguages;
            if ((languages.Contains("kk") && (string.IsNullOrWhiteSpace(decision.TextKk) || string.IsNullOrWhiteSpace(decision.TitleKk)))
                || (languages.Contains("ru") && (string.IsNullOrWhiteSpace(decision.TextRu) || string.IsNullOrWhiteSpace(decision.TitleRu))))
            {
                // What is signed is what is issued: every document language of the profile exists before anyone signs.
                var rule = profile.Languages.Rule;
                throw languages.Count > 1
                    ? new RuleViolationException(rule.Id, "Rule.Decision.BothLanguages",
                        "KZRU-23 (Regulation cl. 13): the decision is issued in Kazakh and Russian side by side; add the missing text (a correction) before sending it for signature.")
                    : new RuleViolationException(rule.Id, "Rule.Decision.DocumentLanguage",
                        "{0} (Regulation {1}): the decision is issued in the working language; add its text (a correction) before sending it for signature.", rule.Id, rule.Clause);
            }

            var content = await DecisionRecords.ContentOfAsync(db, decision, cancellationToken);
            var roster = await ActiveRosterAsync(db, decision.CommissionId, notifier.Today, cancellationToken);
            var present = roster.Where(e => decision.PresentAtVote.Contains(e.MembershipId)).Select(e => e with { Mode = AttendanceMode.InPerson }).ToList();
            var office = await CommissionRules.OfficeAsync(db, decision.CommissionId, profile, notifier.Today, cancellationToken);
            var plan = SigningRules.Plan(profile, decision.Kind, present, roster, office);
            decision.StartSigning(ContentHash.Compute(content), plan, clock.GetUtcNow());
            DecisionAccess.NotifyAwaited(notifier, decision);
            return decision.ContentHash!;
        }

        /// <summary>The commission's seated people today (the present-at-vote list keeps only those still seated: an ended membership no longer signs).</summary>
        private static Task<List<AttendanceEntry>> ActiveRosterAsync(CommissionDbContext db, Guid commissionId, DateOnly today, CancellationToken ct) =>
            db.Memberships.AsNoTracking().ActiveOn(today)
                .Where(m => m.CommissionId == commissionId && m.Role != CommissionRole.Invitee)
                .Select(m => new AttendanceEntry(m.Id, m.PersonId, m.SideId, m.Role, AttendanceMode.Absent))
                .ToListAsync(ct);
    }
}

/// <summary>
/// KZRU-18/21 (and KZRU-04 for approval): the signer re-confirms who they are and signs the content
/// hash shown to them. Who, in which role and side, when and from where is recorded. Signing twice
/// does nothing the second time. The last approval issues the decision (signed PDF).
/// </summary>
public static class SignDecision
{
    public sealed class Command : ICommand<Result>
    {
        public Guid DecisionId { get; set; }
        public SignatureKind Kind { get; set; }
        /// <summary>The content hash the signer was shown: a signature binds to it.</summary>
        public string? ContentHash { get; set; }
        /// <summary>The signer's password, or the authenticator code when two-factor sign-in is on.</summary>
        public string? Confirmation { get; set; }
    }

    public sealed record Result(bool Recorded, DecisionState State);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Kind).IsInEnum();
            RuleFor(x => x.ContentHash).NotEmpty().WithMessage(_ => text["Decisions.Validation.Hash"]).MaximumLength(64);
            RuleFor(x => x.Confirmation).NotEmpty().WithMessage(_ => text["Decisions.Confirm.Required"]).MaximumLength(512);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            var commissionId = await DecisionAccess.CommissionOfAsync(db, request.DecisionId, cancellationToken);
            Require.InCommission(actor, commissionId);
            var membership = actor.Memberships.FirstOrDefault(m => m.CommissionId == commissionId && m.Role != CommissionRole.Invitee)
                ?? throw new ForbiddenException("You are not on this commission.");
            if (membership.Role == CommissionRole.Representative)
            {
                throw new ForbiddenException("KZRU-15 (Regulation cl. 9): a representative does not sign the commission's decisions.", "KZRU-15");
            }

            if (request.Kind == SignatureKind.Approve)
            {
                Require.May(actor, commissionId, Capability.ApproveDecision);
            }
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, IAuditContext audit, ISignatureProvider provider, DecisionIssuer issuer, Notifier notifier, TimeProvider clock)
        : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var decision = await DecisionAccess.LoadForUpdateAsync(db, request.DecisionId, cancellationToken);
            var mine = actor.Memberships.Where(m => m.CommissionId == decision.CommissionId).Select(m => m.MembershipId).ToHashSet();
            var slot = decision.Signatures.FirstOrDefault(s => s.Kind == request.Kind && mine.Contains(s.MembershipId));
            var membershipId = slot?.MembershipId ?? mine.First();

            // The rules first (who, when, which text), then the re-confirmation: a refusal never asks for a password.
            // A repeated signature changes nothing, but is answered only to whoever confirms who they are: a wrong
            // password must not learn "already signed" (nor escape counting towards the lock-out).
            var maySign = decision.RequireMaySign(membershipId, request.Kind, request.ContentHash!);
            var evidence = await provider.SignAsync(new SignatureRequest(actor.UserId!.Value, request.ContentHash!, request.Confirmation), cancellationToken);
            if (!maySign)
            {
                return new Result(false, decision.State);
            }

            decision.Sign(membershipId, request.Kind, evidence.SignedHash, clock.GetUtcNow(), audit.RemoteAddress, evidence.Provider);
            if (decision.State == DecisionState.Approved)
            {
                await issuer.IssueAsync(decision, cancellationToken);
                await notifier.ToHoldersAsync(decision.CommissionId, Capability.IssueDecision, null, DecisionAccess.IssuedKind, "Notifications.Event.DecisionIssued",
                    $"/Decisions/Details/{decision.Id}", cancellationToken, decision.Number);
            }
            else if (request.Kind == SignatureKind.Sign && decision.SignaturesComplete)
            {
                DecisionAccess.NotifyAwaited(notifier, decision);
            }

            return new Result(true, decision.State);
        }
    }
}

/// <summary>
/// KZRU-18 with KZRU-22: a correction of the wording is a new version. The old version and every
/// signature on it are kept (superseded); the new one starts the route again.
/// </summary>
public static class CorrectDecision
{
    public sealed class Command : ICommand<Guid>
    {
        public Guid DecisionId { get; set; }
        public string? TitleKk { get; set; }
        public string? TitleRu { get; set; }
        public string? TextKk { get; set; }
        public string? TextRu { get; set; }
        /// <summary>Why the text is corrected (recorded in the audit trail).</summary>
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.TitleKk).NotEmpty().WithMessage(_ => text["Decisions.Validation.TitleKk"]).MaximumLength(1000);
            RuleFor(x => x.TitleRu).NotEmpty().WithMessage(_ => text["Decisions.Validation.TitleRu"]).MaximumLength(1000);
            RuleFor(x => x.TextKk).NotEmpty().WithMessage(_ => text["Decisions.Validation.TextKk"]).MaximumLength(20000);
            RuleFor(x => x.TextRu).NotEmpty().WithMessage(_ => text["Decisions.Validation.TextRu"]).MaximumLength(20000);
            RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => text["Decisions.Validation.Reason"]).MaximumLength(2000);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            var commissionId = await DecisionAccess.CommissionOfAsync(db, request.DecisionId, cancellationToken);
            Require.May(actor, commissionId, Capability.IssueDecision);
        }
    }

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command request, CancellationToken cancellationToken)
        {
            var decision = await DecisionAccess.LoadForUpdateAsync(db, request.DecisionId, cancellationToken);
            var next = decision.Correct(Guid.CreateVersion7(), new DecisionWording(request.TitleKk!.Trim(), request.TitleRu!.Trim(), request.TextKk!.Trim(), request.TextRu!.Trim()));
            // The superseded row first, then the new one: the "one current version" index holds at every statement.
            await db.SaveChangesAsync(cancellationToken);
            db.Decisions.Add(next);
            return next.Id;
        }
    }
}
