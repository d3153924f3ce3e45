using IntergovCommission.Documents;
using IntergovCommission.Documents.Rendering;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Doc = IntergovCommission.Documents;
using RegulationMode = IntergovCommission.Domain.Regulation.AttendanceMode;
using RegisterEntry = IntergovCommission.Domain.Voting.AttendanceEntry;

namespace IntergovCommission.Web.Features.Documents;

/// <summary>
/// The minutes of a session as a PDF in the profile's document languages (KZRU-23, CIS-13), from the live session's data: who
/// attended and how (KZRU-14, KZRU-15), the quorum as the profile computes it (KZRU-16), who
/// presided (KZRU-10), each agenda item with the final round's tally and its outcome (KZRU-17,
/// KZRU-20), the decision number of an adopted item, and every dissenting opinion in full (KZRU-19;
/// CIS-08: entered in the minutes under «Особые мнения», not annexed to the decision).
/// Issued once the session has started (in progress: the minutes so far; closed: final).
/// </summary>
public static class GetMinutesPdf
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
            // Issue 15 item 9: minutes of a session still in progress are a draft, marked so on every page.
            var inProgress = await db.Sessions.AsNoTracking().AnyAsync(s => s.Id == request.SessionId && s.State == SessionState.InProgress, cancellationToken);
            return new PdfFile(SessionDocuments.MinutesFileName(document.SessionNumber), renderer.RenderMinutes(document, draft: inProgress), document.ContentHash!);
        }
    }

    private sealed record Row(Guid MembershipId, Guid PersonId, Guid? SideId, CommissionRole Role, LocalizedText Name, string? SideCode, LocalizedText SideName, RegulationMode Mode, string? RepresentativeName)
    {
        public RegisterEntry Entry => new(MembershipId, PersonId, SideId, Role, Mode);
    }

    /// <summary>The minutes record with its content hash.</summary>
    public static async Task<MinutesDocument> BuildAsync(CommissionDbContext db, Guid sessionId, TimeProvider clock, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking()
            .Include(s => s.Items).ThenInclude(i => i.Acceptances)
            .Include(s => s.Invitees)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == sessionId, ct)
            ?? throw new NotFoundException("Session", sessionId);
        var profile = await CommissionAccess.ProfileOfAsync(db, session.CommissionId, ct);
        if (session.State is not (SessionState.InProgress or SessionState.Closed))
        {
            var rule = profile.RuleOnSessions();
            throw new RuleViolationException(rule.Id, "Documents.Rule.MinutesNotHeld",
                "{1} (Regulation {2}): the minutes record a session that has been held; session {0} has not started, so there are no minutes yet.", session.Number, rule.Id, rule.Clause);
        }

        var body = SessionDocuments.Body(profile);
        var commission = await db.Commissions.AsNoTracking().Where(c => c.Id == session.CommissionId).Select(c => c.Name).SingleAsync(ct);
        var day = SessionDocuments.Day(session.StartsAt, session.TimeZoneId);

        // The register of the session day: everyone on the list that day (invitees are not on it,
        // KZRU-14), and anyone whose attendance was recorded even if their seat has ended since.
        var attendance = await db.Attendance.AsNoTracking().Where(a => a.SessionId == sessionId).ToDictionaryAsync(a => a.MembershipId, ct);
        var recorded = attendance.Keys.ToList();
        var roster = await (from m in db.Memberships.AsNoTracking().SeatedBy(profile)
                            join p in db.People on m.PersonId equals p.Id
                            join s in db.Sides on m.SideId equals s.Id into sides
                            from s in sides.DefaultIfEmpty()
                            where m.CommissionId == session.CommissionId
                                && ((m.TermStart <= day && (m.TermEnd == null || m.TermEnd >= day) && (m.EndedOn == null || m.EndedOn >= day)) || recorded.Contains(m.Id))
                            select new { m.Id, m.PersonId, m.SideId, m.Role, p.FullName, SideCode = s == null ? null : s.Code, SideName = s == null ? null : s.Name })
            .ToListAsync(ct);
        var register = roster
            .Select(r =>
            {
                attendance.TryGetValue(r.Id, out var a);
                return new Row(r.Id, r.PersonId, r.SideId, r.Role, r.FullName, r.SideCode, r.SideName ?? LocalizedText.Empty, a?.Mode ?? RegulationMode.Absent, a?.RepresentativeName);
            })
            .OrderBy(r => r.SideCode, StringComparer.Ordinal).ThenBy(r => profile.RoleOrder(r.Role)).ThenBy(r => r.Name.Ru, StringComparer.Ordinal).ThenBy(r => r.MembershipId)
            .ToList();
        var entries = register.Select(r => r.Entry).ToList();
        var byMembership = register.ToDictionary(r => r.MembershipId);
        var quorum = SessionRules.Quorum(profile, entries);
        var office = await CommissionRules.OfficeAsync(db, session.CommissionId, profile, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(session.StartsAt, TimeZoneInfo.FindSystemTimeZoneById(session.TimeZoneId)).DateTime), ct);
        var presiding = SessionRules.Presiding(profile, entries, office).Select(p => byMembership[p.MembershipId]).ToList();

        var coChairs = await SessionAccess.CoChairsAsync(db, session.CommissionId, clock, ct);
        var ballots = await db.Ballots.AsNoTracking()
            .Where(b => b.SessionId == sessionId && b.State == BallotState.Closed)
            .ToListAsync(ct);
        var ballotIds = ballots.Select(b => b.Id).ToList();
        var dissents = await db.DissentingOpinions.AsNoTracking()
            .Where(d => ballotIds.Contains(d.BallotId))
            .Join(db.People, d => d.PersonId, p => p.Id, (d, p) => new { d.BallotId, d.MembershipId, p.FullName, d.Language, d.Text, d.SubmittedAt, d.Id })
            .ToListAsync(ct);
        var dissenters = dissents.Select(d => d.MembershipId).Distinct().ToList();
        var dissentSides = await db.Memberships.AsNoTracking()
            .Where(m => dissenters.Contains(m.Id))
            .GroupJoin(db.Sides, m => m.SideId, s => s.Id, (m, s) => new { m.Id, Sides = s })
            .SelectMany(x => x.Sides.DefaultIfEmpty(), (x, s) => new { x.Id, Name = s == null ? null : s.Name })
            .ToDictionaryAsync(x => x.Id, x => x.Name ?? LocalizedText.Empty, ct);
        var referrals = await db.ExpertGroupReferrals.AsNoTracking().Where(r => r.SessionId == sessionId).ToListAsync(ct);

        // The agenda the session followed (KZRU-11), the unscheduled items the co-chairs accepted
        // (KZRU-12), and any item that was actually voted on.
        var items = session.Items
            .Where(i => !i.IsUnscheduled || i.IsAcceptedBy(coChairs, profile.Agenda.ApprovalByAllCoChairs) || ballots.Any(b => b.AgendaItemId == i.Id))
            .OrderBy(i => i.Position)
            .Select(i =>
            {
                var final = ballots.Where(b => b.AgendaItemId == i.Id).MaxBy(b => b.Round);
                var referral = referrals.Where(r => r.AgendaItemId == i.Id).MaxBy(r => r.CreatedAt);
                var tally = final is null ? null : new VoteTally(final.ForCount ?? 0, final.AgainstCount ?? 0, final.AbstainCount ?? 0);
                ItemOutcome outcome;
                string? decisionNumber = null;
                if (referral is not null && (final is null || referral.CreatedAt > final.ClosedAt))
                {
                    // KZRU-20: referred after (or instead of) the last vote: the expert group proposes an agreed decision.
                    outcome = ItemOutcome.ReferredToExpertGroup;
                }
                else if (final is not null)
                {
                    outcome = final.Adopted == true ? ItemOutcome.Adopted : ItemOutcome.Rejected;
                    decisionNumber = final.Adopted == true ? DecisionNumbering.For(session.Number, i.Position) : null;
                }
                else
                {
                    outcome = ItemOutcome.NotPutToVote;
                }

                var itemBallots = ballots.Where(b => b.AgendaItemId == i.Id).Select(b => b.Id).ToHashSet();
                var opinions = dissents.Where(d => itemBallots.Contains(d.BallotId))
                    .OrderBy(d => d.SubmittedAt).ThenBy(d => d.Id)
                    .Select(d => new Doc.DissentingOpinion(
                        SessionDocuments.Name(d.FullName, body),
                        SessionDocuments.Both(dissentSides.GetValueOrDefault(d.MembershipId, LocalizedText.Empty)),
                        d.Text,
                        d.Language == "kk" ? DocumentLanguage.Kazakh : DocumentLanguage.Russian))
                    .ToList();
                return new MinutesItem(i.Position, SessionDocuments.Both(i.Title), outcome, tally, decisionNumber, opinions);
            })
            .ToList();

        var signatories = presiding.Select(p => new MinutesSignatory(SessionDocuments.Names(p.Name), SessionDocuments.SigningPosition(profile, p.Role)))
            .Concat(register.Where(r => profile.RolesFor(Capability.KeepRegister).Contains(r.Role)).Select(r => new MinutesSignatory(SessionDocuments.Names(r.Name), SessionDocuments.SigningPosition(profile, r.Role))))
            .ToList();

        var positionOf = session.Items.ToDictionary(i => i.Id, i => i.Position);
        var listed = items.Select(i => i.Number).ToHashSet();
        var document = new MinutesDocument(
            SessionDocuments.Both(commission),
            session.Number,
            day,
            SessionDocuments.Place(session.Place, session.PlaceKk),
            SessionDocuments.Format(session.Format),
            [.. presiding.Select(p => SessionDocuments.Names(p.Name))],
            [.. register.Select(r => new Doc.AttendanceEntry(
                SessionDocuments.Name(r.Name, body),
                SessionDocuments.Both(r.SideName),
                SessionDocuments.Role(profile, r.Role),
                Mode(r.Mode),
                r.Mode == RegulationMode.Represented ? r.RepresentativeName : null))],
            new QuorumLine(quorum.IsMet, quorum.Present, quorum.Total, quorum.Required, SessionDocuments.ClauseNumber(quorum.Rule.Clause)),
            items,
            signatories,
            ContentHash: null,
            Invited: [.. session.Invitees
                .OrderBy(p => p.FullName, StringComparer.Ordinal)
                .Select(p => new Doc.InvitedPerson(p.FullName, p.Organisation, SessionDocuments.Topics(p.Topics, p.TopicsKk),
                    [.. p.ItemIds.Where(positionOf.ContainsKey).Select(id => positionOf[id]).Where(listed.Contains).Order()], p.OrganisationKk))],
            Body: body);
        return document with { ContentHash = SessionDocuments.ContentHash(document) };
    }

    private static Doc.AttendanceMode Mode(RegulationMode mode) => mode switch
    {
        RegulationMode.InPerson => Doc.AttendanceMode.InPerson,
        RegulationMode.Video => Doc.AttendanceMode.Video,
        RegulationMode.Represented => Doc.AttendanceMode.Represented,
        _ => Doc.AttendanceMode.Absent,
    };
}
