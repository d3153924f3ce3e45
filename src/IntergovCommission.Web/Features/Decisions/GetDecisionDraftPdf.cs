using IntergovCommission.Documents.Rendering;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Decisions;

/// <summary>
/// Issue 15 item 7: the PDF a decision will be issued as, before it is issued, marked «ПРОЕКТ / ЖОБА / DRAFT» on every
/// page and neither signed nor stored: read before signing. For the people on its signing route (signers and approvers)
/// and the secretariat who sends it; audited as a read of an unissued draft. Once issued, the issued PDF is the one to read.
/// </summary>
public static class GetDecisionDraftPdf
{
    public sealed record Query(Guid DecisionId) : IQuery<GetDecisionPdf.Result>, IAuditedRead
    {
        public async Task<Guid?> CommissionOfAsync(CommissionDbContext db, CancellationToken cancellationToken) => await DecisionAccess.CommissionOfAsync(db, DecisionId, cancellationToken);
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            var commissionId = await DecisionAccess.CommissionOfAsync(db, request.DecisionId, cancellationToken);
            Require.InCommission(actor, commissionId);
            var onRoute = actor.PersonId is Guid person
                && await db.DecisionSignatures.AsNoTracking().AnyAsync(s => s.DecisionId == request.DecisionId && s.PersonId == person, cancellationToken);
            if (!onRoute)
            {
                Require.May(actor, commissionId, Capability.IssueDecision);
            }
        }
    }

    public sealed class Handler(CommissionDbContext db, DecisionIssuer issuer, DocumentRenderer renderer) : IRequestHandler<Query, GetDecisionPdf.Result>
    {
        public async Task<GetDecisionPdf.Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var decision = await db.Decisions.AsNoTracking().Include(d => d.Signatures).SingleAsync(d => d.Id == request.DecisionId, cancellationToken);
            if (decision.State is not (DecisionState.Adopted or DecisionState.Signing))
            {
                var rule = (await CommissionRules.ProfileAsync(db, decision.CommissionId, cancellationToken)).Signing.FullRouteRule;
                throw new RuleViolationException(rule.Id, "Rule.Decision.NoDraftPreview",
                    "{0} (Regulation {1}): only a decision not yet issued has a draft preview; an issued decision is read as its issued PDF.", rule.Id, rule.Clause);
            }

            var document = await issuer.BuildDocumentAsync(decision, cancellationToken);
            var pdf = renderer.RenderDecisionDraft(document);
            return new GetDecisionPdf.Result($"decision-{decision.Number}-v{decision.VersionNumber}-draft.pdf", pdf, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
        }
    }
}
