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
