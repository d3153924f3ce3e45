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
            var seats = actor.SeatsIn(commissionId).ToList();
            if (seats.Count == 0)
            {
                throw new ForbiddenException("You are not on this commission.");
            }

            // KZRU-15 / CIS-02 / CIS-07: whether a seat signs is the profile's participation of its role (or of an office it holds, CIS-09).
            var profile = actor.ProfileOf(commissionId)!;
            if (!seats.Any(m => m.Seat.Roles.Any(profile.Signs)))
            {
                var takes = actor.ParticipationOf(seats[0]);
                throw takes.RepresentsAnother
                    ? ForbiddenException.ByRule(takes.Rule, "Participation.Refused.NoSignature", "{0} (Regulation {1}): a representative does not sign the commission's decisions.")
                    : ForbiddenException.ByRule(takes.Rule, "Participation.Refused.DoesNotSign", "{0} (Regulation {1}): this participant takes part without signing the decisions.");
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
