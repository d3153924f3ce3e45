using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Sessions;

/// <summary>
/// A session as the actor may see it: where it stands and what is missing. Secretaries and
/// co-chairs see the agenda at every stage; members and representatives once it is approved and
/// published (KZRU-11); an invited person only the items they speak to (KZRU-14).
/// </summary>
public static class GetSession
{
    public sealed record Query(Guid SessionId) : IQuery<Result>;

    public sealed record Result(
        Guid Id,
        Guid CommissionId,
        string CommissionCode,
        int Number,
        SessionKind Kind,
        SessionFormat Format,
        string? Place,
        string? ConferenceLink,
        DateTimeOffset StartsAt,
        string TimeZoneId,
        SessionState State,
        string? CancelReason,
        int AgendaVersion,
        DateTimeOffset? PublishedAt,
        uint Version,
        DateTimeOffset ProposalDeadline,
        RuleRef ProposalRule,
        RuleRef ApprovalRule,
        IReadOnlyList<ListSessions.SideZone> Zones,
        Viewer Viewer,
        bool AgendaVisible,
        IReadOnlyList<ItemView> Items,
        IReadOnlyList<InviteeView> Invitees,
        IReadOnlyList<ApprovalView> CurrentApprovals,
        IReadOnlyList<CoChairSeat> AwaitingApproval,
        ApprovalView? LatestReturn,
        string? PlaceKk = null)
    {
        /// <summary>KZRU-23: the item texts missing in a document language (shown to the secretaries while the agenda is a draft).</summary>
        public IReadOnlyList<MissingText> MissingTexts { get; init; } = [];

        /// <summary>The refusal of a capability the viewer lacks, citing the commission's profile (KZRU-07, CIS-12...): for the pages that hide a form.</summary>
        public ForbiddenException Refusal(Capability capability) => CommissionRules.Refusal(BodyProfile, capability);

        [System.Text.Json.Serialization.JsonIgnore]
        internal RegulationProfile BodyProfile { get; init; } = null!;

        /// <summary>KZRU-09 / CIS-04: the profile's rule on holding sessions (the hint beside the format).</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public string SessionRuleId => BodyProfile.RuleOnSessions().Id;

        /// <summary>KZRU-14: the profile's rule on persons invited to named items.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public RuleRef InvitationRule => BodyProfile.InvitationRule();
    }

    /// <param name="ReadsDocuments">May download the session's agenda and minutes PDFs (everyone on the commission but an invitee).</param>
    /// <param name="ProposalNotTheirs">The session takes proposals, the viewer is on the commission, and their role may not propose (a representative, KZRU-15): the page says so instead of offering the form.</param>
    public sealed record Viewer(bool IsSecretary, bool IsCoChair, bool CanPropose, bool IsInvitee, bool CanAnswer, Guid? PersonId, bool ReadsDocuments, bool ProposalNotTheirs = false);

    public sealed record ItemView(
        Guid Id,
        int Position,
        LocalizedText Title,
        string? Rapporteurs,
        DecisionKind DecisionKind,
        LocalizedText DraftDecision,
        bool IsUnscheduled,
        Guid? ProposalId,
        IReadOnlyList<string> AcceptedBySides,
        IReadOnlyList<CoChairSeat> AwaitingAcceptance,
        Agenda.ItemHistory History,
        string? RapporteursKk = null);

    public sealed record InviteeView(Guid Id, string FullName, string Organisation, Guid? PersonId, string? Topics, IReadOnlyList<Guid> ItemIds, string? OrganisationKk = null, string? TopicsKk = null);

    public sealed record ApprovalView(string SideCode, LocalizedText PersonName, ApprovalOutcome Outcome, string? Comment, DateTimeOffset DecidedAt, int AgendaVersion);

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken) =>
            Require.InCommissionOrInvited(actor, await SessionAccess.CommissionOfAsync(db, request.SessionId, cancellationToken));
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var session = await db.Sessions.AsNoTracking()
                .Include(s => s.Items).ThenInclude(i => i.Acceptances)
                .Include(s => s.Invitees)
                .Include(s => s.Approvals)
                .AsSplitQuery()
                .SingleOrDefaultAsync(s => s.Id == request.SessionId, cancellationToken)
                ?? throw new NotFoundException("Session", request.SessionId);
            var cid = session.CommissionId;
            var profile = await CommissionAccess.ProfileOfAsync(db, cid, cancellationToken);
            var code = await db.Commissions.AsNoTracking().Where(c => c.Id == cid).Select(c => c.Code).SingleAsync(cancellationToken);
            var sides = await db.Sides.AsNoTracking().Where(s => s.CommissionId == cid).OrderBy(s => s.Code)
                .Select(s => new { s.Id, s.Code, s.TimeZoneId }).ToListAsync(cancellationToken);
            var coChairs = await SessionAccess.CoChairsAsync(db, cid, clock, cancellationToken);
            var all = profile.Agenda.ApprovalByAllCoChairs;

            var isSecretary = SessionAccess.IsSecretary(actor, cid);
            var isCoChair = SessionAccess.IsCoChair(actor, cid);
            var staff = isSecretary || isCoChair || actor.IsAdministrator;
            var isInvitee = actor.IsInvitedTo(cid) && !actor.IsIn(cid);
            var canPropose = session.AcceptsProposals && SessionAccess.ProposingSeat(actor, cid) is not null;
            var answered = session.CurrentApprovals.Any(a => a.PersonId == actor.PersonId);
            var canAnswer = isCoChair && session.State == SessionState.AgendaUnderApproval && !answered && coChairs.Any(c => c.PersonId == actor.PersonId);
            var published = session.PublishedAt is not null && session.State is not SessionState.Cancelled;

            // KZRU-11/14: who sees which items.
            IEnumerable<AgendaItem> visible = [];
            if (staff)
            {
                visible = session.Items;
            }
            else if (published && isInvitee)
            {
                var mine = session.Invitees.Where(i => i.PersonId == actor.PersonId).SelectMany(i => i.ItemIds).ToHashSet();
                visible = session.Items.Where(i => mine.Contains(i.Id) && i.IsAcceptedBy(coChairs, all));
            }
            else if (published)
            {
                visible = session.Items.Where(i => i.IsAcceptedBy(coChairs, all));
            }

            var sideCode = sides.ToDictionary(s => s.Id, s => s.Code);
            var visibleItems = visible.ToList();
            var histories = await Agenda.ItemHistories.LoadAsync(db, [.. visibleItems.Select(i => i.Id)], cancellationToken);
            var items = visibleItems.OrderBy(i => i.Position).Select(i => new ItemView(
                i.Id, i.Position, i.Title, i.Rapporteurs, i.DecisionKind, i.DraftDecision, i.IsUnscheduled, i.ProposalId,
                [.. i.Acceptances.Select(a => sideCode.GetValueOrDefault(a.SideId, "?")).Order(StringComparer.Ordinal)],
                i.IsUnscheduled ? [.. coChairs.Where(c => i.Acceptances.All(a => a.PersonId != c.PersonId))] : [],
                histories.GetValueOrDefault(i.Id, Agenda.ItemHistory.None), i.RapporteursKk)).ToList();
            var visibleIds = items.Select(i => i.Id).ToHashSet();
            var invitees = (staff ? session.Invitees : published ? session.Invitees.Where(i => !isInvitee || i.PersonId == actor.PersonId) : [])
                .OrderBy(i => i.FullName, StringComparer.CurrentCulture)
                .Select(i => new InviteeView(i.Id, i.FullName, i.Organisation, i.PersonId, i.Topics, [.. i.ItemIds.Where(visibleIds.Contains)], i.OrganisationKk, i.TopicsKk))
                .ToList();

            var personIds = session.Approvals.Select(a => a.PersonId).Distinct().ToList();
            var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
            ApprovalView View(AgendaApproval a) => new(sideCode.GetValueOrDefault(a.SideId, "?"), names.GetValueOrDefault(a.PersonId, LocalizedText.Empty), a.Outcome, a.Comment, a.DecidedAt, a.AgendaVersion);
            var current = staff ? session.CurrentApprovals.OrderBy(a => a.DecidedAt).Select(View).ToList() : [];
            var latestReturn = staff && session.LatestReturn is { } r ? View(r) : null;
            var awaiting = session.State == SessionState.AgendaUnderApproval ? session.Awaiting(coChairs, all) : [];

            return new Result(
                session.Id, cid, code, session.Number, session.Kind, session.Format, session.Place, session.ConferenceLink,
                session.StartsAt, session.TimeZoneId, session.State, session.CancelReason, session.AgendaVersion, session.PublishedAt, session.Version,
                session.ProposalDeadline(profile.Agenda.ProposalDeadlineDays, profile.Agenda.Counting), profile.Agenda.ProposalRule, profile.Agenda.ApprovalRule,
                [.. sides.Select(s => new ListSessions.SideZone(s.Code, s.TimeZoneId))],
                new Viewer(isSecretary, isCoChair, canPropose, isInvitee, canAnswer, actor.PersonId, Documents.SessionDocuments.MayRead(actor, cid),
                    session.AcceptsProposals && !canPropose && !isSecretary && !isInvitee && actor.IsIn(cid)),
                staff || published,
                items, invitees, current, awaiting, latestReturn, session.PlaceKk)
            {
                MissingTexts = isSecretary && session.IsAgendaEditable ? session.MissingTexts(profile.Languages.DocumentLanguages) : [],
                BodyProfile = profile,
            };
        }
    }
}
