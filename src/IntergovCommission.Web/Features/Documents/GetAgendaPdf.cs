using IntergovCommission.Documents;
using IntergovCommission.Documents.Rendering;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Documents;

/// <summary>
/// The approved agenda as a PDF in the profile's document languages (KZRU-11, KZRU-23, CIS-13): the items of the version both
/// co-chairs approved (with the unscheduled items they accepted, KZRU-12), the invited persons and
/// their topics (KZRU-07, KZRU-14), and each co-chair's approval with its time on their side's clock.
/// Only once the agenda is approved; before that it is refused with KZRU-11.
/// </summary>
public static class GetAgendaPdf
{
    public sealed record Query(Guid SessionId) : IQuery<PdfFile>, IAuditedRead
    {
        public async Task<Guid?> CommissionOfAsync(CommissionDbContext db, CancellationToken cancellationToken) => await SessionAccess.CommissionOfAsync(db, SessionId, cancellationToken);
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken) =>
            SessionDocuments.RequireReader(actor, await SessionAccess.CommissionOfAsync(db, request.SessionId, cancellationToken));
    }

    public sealed class Handler(CommissionDbContext db, DocumentRenderer renderer, TimeProvider clock) : IRequestHandler<Query, PdfFile>
    {
        public async Task<PdfFile> Handle(Query request, CancellationToken cancellationToken)
        {
            var document = await BuildAsync(db, request.SessionId, clock, cancellationToken);
            return new PdfFile(SessionDocuments.AgendaFileName(document.SessionNumber), renderer.RenderAgenda(document), document.ContentHash!);
        }
    }

    /// <summary>The agenda record with its content hash (exposed for tests and for the documents that quote it).</summary>
    public static async Task<AgendaDocument> BuildAsync(CommissionDbContext db, Guid sessionId, TimeProvider clock, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking()
            .Include(s => s.Items).ThenInclude(i => i.Acceptances)
            .Include(s => s.Invitees)
            .Include(s => s.Approvals)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == sessionId, ct)
            ?? throw new NotFoundException("Session", sessionId);
        var profile = await CommissionAccess.ProfileOfAsync(db, session.CommissionId, ct);
        if (session.State is not (SessionState.AgendaApproved or SessionState.InProgress or SessionState.Closed) || session.PublishedAt is null)
        {
            var rule = profile.Agenda.ApprovalRule;
            throw new RuleViolationException(rule.Id, "Documents.Rule.AgendaNotApproved.ByRule",
                "{1} (Regulation {2}): the agenda of session {0} has not been approved by both co-chairs; its PDF is issued once they approve it.", session.Number, rule.Id, rule.Clause);
        }

        var coChairs = await SessionAccess.CoChairsAsync(db, session.CommissionId, clock, ct);
        var commission = await db.Commissions.AsNoTracking().Where(c => c.Id == session.CommissionId).Select(c => c.Name).SingleAsync(ct);
        var sides = await db.Sides.AsNoTracking().Where(s => s.CommissionId == session.CommissionId)
            .ToDictionaryAsync(s => s.Id, s => new { s.Code, s.Name, s.TimeZoneId }, ct);

        // KZRU-11/12: the approved items, and the unscheduled ones only once the co-chairs accepted them.
        var items = session.Items
            .Where(i => !i.IsUnscheduled || i.IsAcceptedBy(coChairs, profile.Agenda.ApprovalByAllCoChairs))
            .OrderBy(i => i.Position)
            .ToList();
        var numberOf = items.ToDictionary(i => i.Id, i => i.Position);

        var approvals = session.CurrentApprovals.Where(a => a.Outcome == ApprovalOutcome.Approved).ToList();
        var approverIds = approvals.Select(a => a.PersonId).ToList();
        var names = await db.People.AsNoTracking().Where(p => approverIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);

        var document = new AgendaDocument(
            SessionDocuments.Both(commission),
            session.Number,
            SessionDocuments.Day(session.StartsAt, session.TimeZoneId),
            SessionDocuments.Place(session.Place, session.PlaceKk),
            SessionDocuments.Format(session.Format),
            [.. items.Select(i => new AgendaEntry(i.Position, SessionDocuments.Exact(i.Title), i.Rapporteurs, i.RapporteursKk))],
            [.. session.Invitees
                .OrderBy(p => p.FullName, StringComparer.Ordinal)
                .Select(p => new IntergovCommission.Documents.InvitedPerson(
                    p.FullName,
                    p.Organisation,
                    SessionDocuments.Topics(p.Topics, p.TopicsKk),
                    [.. p.ItemIds.Where(numberOf.ContainsKey).Select(id => numberOf[id]).Order()],
                    p.OrganisationKk))],
            [.. approvals
                .Select(a => (Approval: a, Side: sides.GetValueOrDefault(a.SideId)))
                .OrderBy(x => x.Side?.Code, StringComparer.Ordinal)
                .Select(x => new CoChairApproval(
                    SessionDocuments.Names(names.GetValueOrDefault(x.Approval.PersonId, LocalizedText.Empty)),
                    x.Side is null ? new BilingualText("—", "—") : SessionDocuments.Both(x.Side.Name),
                    SessionDocuments.InZone(x.Approval.DecidedAt, x.Side?.TimeZoneId ?? session.TimeZoneId)))],
            ContentHash: null,
            Body: SessionDocuments.Body(profile));
        return document with { ContentHash = SessionDocuments.ContentHash(document) };
    }
}
