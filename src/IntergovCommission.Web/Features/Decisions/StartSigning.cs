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
            // KZRU-23/CIS-13: what is signed is what is issued: every document language of the profile exists before anyone signs.
            var missing = DocumentTexts.MissingInDecision(decision.TitleKk, decision.TitleRu, decision.TextKk, decision.TextRu, languages);
            if (missing.Count > 0)
            {
                throw DocumentTexts.Refusal(profile.Languages, "Rule.Decision.MissingLanguage",
                    "{0} (Regulation {1}): the decision goes for signature only with its title and text in each document language; add the missing ones (a correction): {2}.", missing);
            }

            var content = await DecisionRecords.ContentOfAsync(db, decision, cancellationToken);
            var roster = await ActiveRosterAsync(db, decision.CommissionId, profile, notifier.Today, cancellationToken);
            var present = roster.Where(e => decision.PresentAtVote.Contains(e.MembershipId)).Select(e => e with { Mode = AttendanceMode.InPerson }).ToList();
            var office = await CommissionRules.OfficeAsync(db, decision.CommissionId, profile, notifier.Today, cancellationToken);
            var plan = SigningRules.Plan(profile, decision.Kind, present, roster, office);
            decision.StartSigning(ContentHash.Compute(content), plan, clock.GetUtcNow());
            DecisionAccess.NotifyAwaited(notifier, decision);
            return decision.ContentHash!;
        }

        /// <summary>The commission's seated people today (the present-at-vote list keeps only those still seated: an ended membership no longer signs).</summary>
        private static Task<List<AttendanceEntry>> ActiveRosterAsync(CommissionDbContext db, Guid commissionId, RegulationProfile profile, DateOnly today, CancellationToken ct) =>
            db.Memberships.AsNoTracking().ActiveOn(today).SeatedBy(profile)
                .Where(m => m.CommissionId == commissionId)
                .Select(m => new AttendanceEntry(m.Id, m.PersonId, m.SideId, m.Role, AttendanceMode.Absent))
                .ToListAsync(ct);
    }
}
