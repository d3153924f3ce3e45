using IntergovCommission.Domain.Regulation;
using FluentValidation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Live;
using IntergovCommission.Web.Features.Notifications;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Features.Agenda;

/// <summary>
/// KZRU-11: during the session or after it, the presiding co-chair (or the deputy standing in) or a
/// secretary defers an item not reached — never put to the vote, not referred to an expert group.
/// It goes onto the draft agenda of the commission's next session in preparation (the earliest
/// later one whose agenda is not yet approved); when there is none yet, it waits and enters the
/// draft agenda of the next session the secretaries create (<see cref="DeferredItems.PullInto"/>).
/// </summary>
public static class DeferAgendaItem
{
    public sealed class Command : ICommand<Result>, ICommissionScoped
    {
        public Guid SessionId { get; set; }
        public Guid AgendaItemId { get; set; }
        public Guid CommissionId { get; internal set; }
    }

    /// <summary>Where the item went: the session that has it now, or none yet (it waits for the next session).</summary>
    public sealed record Result(ItemPlace? CarriedTo);

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            request.CommissionId = await SessionAccess.CommissionOfAsync(db, request.SessionId, cancellationToken);
            Require.SignedIn(actor);
            var cid = request.CommissionId;
            Require.May(actor, cid, Capability.DeferItem);
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, ILiveBroadcast live, Notifier notifier, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            // The commission's row lock orders this with CreateSession: a deferral either sees the new
            // session or is seen by it, so a deferred item is never left behind.
            await DeferredItems.LockCommissionAsync(db, request.CommissionId, cancellationToken);
            var session = await SessionAccess.LoadForChangeAsync(db, request.SessionId, null, cancellationToken);
            await ItemHistories.LockItemAsync(db, request.AgendaItemId, cancellationToken); // orders this with OpenBallot
            if (!SessionAccess.IsSecretary(actor, request.CommissionId))
            {
                var context = await LiveContext.LoadAsync(db, request.SessionId, clock, cancellationToken);
                var me = context.RowOf(actor.PersonId);
                if (me is null || SessionRules.Presiding(context.Profile, context.Entries, context.Office).All(p => p.MembershipId != me.Entry.MembershipId))
                {
                    throw new RuleViolationException("KZRU-10", "Agenda.Rule.Defer.NotPresiding", "KZRU-10 (Regulation cl. 9): an item is deferred by the presiding co-chair (or the deputy standing in) or by a secretary.");
                }
            }

            var standings = await ItemHistories.StandingsAsync(db, request.SessionId, cancellationToken);
            if (!standings.TryGetValue(request.AgendaItemId, out var standing))
            {
                throw new NotFoundException("Agenda item", request.AgendaItemId);
            }

            session.DeferItem(request.AgendaItemId, standing, actor.PersonId ?? Guid.Empty, clock.GetUtcNow());
            var item = session.Items.Single(i => i.Id == request.AgendaItemId);

            var nextId = await db.Sessions.AsNoTracking()
                .Where(s => s.CommissionId == session.CommissionId && s.StartsAt > session.StartsAt
                    && (s.State == SessionState.Draft || s.State == SessionState.AgendaUnderApproval))
                .OrderBy(s => s.StartsAt)
                .Select(s => (Guid?)s.Id)
                .FirstOrDefaultAsync(cancellationToken);
            var title = item.Title.For("ru");
            live.SessionChanged(request.SessionId, "deferred");
            if (nextId is not Guid next)
            {
                await notifier.ToHoldersAsync(session.CommissionId, Capability.PrepareSessions, null, "item-deferred",
                    "Notifications.Event.ItemDeferredWaiting", $"/Sessions?commissionId={session.CommissionId}", cancellationToken, title, Number(session.Number));
                return new Result(null);
            }

            var target = await SessionAccess.LoadForChangeAsync(db, next, null, cancellationToken);
            var carried = CarryOver.CarryDeferred(session, item, target, Guid.CreateVersion7());
            db.AgendaItems.Add(carried);
            await notifier.ToHoldersAsync(session.CommissionId, Capability.PrepareSessions, null, "item-deferred",
                "Notifications.Event.ItemDeferred", $"/Sessions/Details/{target.Id}", cancellationToken, title, Number(session.Number), Number(target.Number));
            return new Result(new ItemPlace(target.Id, target.Number, carried.Position));
        }
    }

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>KZRU-11: deferred items waiting for a session to receive them.</summary>
public static class DeferredItems
{
    public static async Task LockCommissionAsync(CommissionDbContext db, Guid commissionId, CancellationToken ct)
    {
        var locked = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM commissions WHERE id = {commissionId} FOR UPDATE").ToListAsync(ct);
        if (locked.Count == 0)
        {
            throw new NotFoundException("Commission", commissionId);
        }
    }

    /// <summary>
    /// KZRU-11: a new session's draft agenda receives every item of the commission's earlier
    /// sessions that was deferred and is not yet on a later agenda, in the order they were held.
    /// The caller holds the commission's row lock.
    /// </summary>
    public static async Task<int> PullInto(CommissionDbContext db, Session target, CancellationToken ct)
    {
        var waiting = await (from i in db.AgendaItems.AsNoTracking()
                             join s in db.Sessions on i.SessionId equals s.Id
                             where s.CommissionId == target.CommissionId && i.DeferredAt != null && s.StartsAt < target.StartsAt
                                 && !db.AgendaItems.Any(c => c.CarriedFromItemId == i.Id)
                             orderby s.StartsAt, i.Position
                             select new { i.Id, i.SessionId })
            .ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return 0;
        }

        var sessionIds = waiting.Select(w => w.SessionId).Distinct().ToList();
        var sources = await db.Sessions.AsNoTracking().Include(s => s.Items).Where(s => sessionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        foreach (var w in waiting)
        {
            var from = sources[w.SessionId];
            db.AgendaItems.Add(CarryOver.CarryDeferred(from, from.Items.Single(i => i.Id == w.Id), target, Guid.CreateVersion7()));
        }

        return waiting.Count;
    }
}

/// <summary>
/// KZRU-20: the secretariat (a secretary) or a co-chair records the expert group's proposal and puts
/// the question on a later session's draft agenda, linked to the referral ("returned from expert
/// group, session N item M"), with the group's proposal (or its draft decision) as the draft decision.
/// Only a later session of the same commission whose agenda is still in preparation receives it (KZRU-11).
/// </summary>
public static class ReturnFromExpertGroup
{
    public sealed class Command : ICommand<Guid>, ICommissionScoped
    {
        public Guid ReferralId { get; set; }
        public Guid? TargetSessionId { get; set; }
        public string? ProposalRu { get; set; }
        public string? ProposalKk { get; set; }
        public string? DraftDecisionRu { get; set; }
        public string? DraftDecisionKk { get; set; }
        public Guid CommissionId { get; internal set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.TargetSessionId).NotEmpty().WithMessage(_ => text["Referral.Validation.TargetSession"]);
            RuleFor(x => x.ProposalRu).NotEmpty().When(x => string.IsNullOrWhiteSpace(x.ProposalKk)).WithMessage(_ => text["Referral.Validation.Proposal"])
                .MaximumLength(20000).WithMessage(_ => text["Validation.MaxLength", 20000]);
            RuleFor(x => x.ProposalKk).MaximumLength(20000).WithMessage(_ => text["Validation.MaxLength", 20000]);
            RuleFor(x => x.DraftDecisionRu).MaximumLength(20000).WithMessage(_ => text["Validation.MaxLength", 20000]);
            RuleFor(x => x.DraftDecisionKk).MaximumLength(20000).WithMessage(_ => text["Validation.MaxLength", 20000]);
        }
    }

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Command>
    {
        public async Task AuthorizeAsync(Command request, Actor actor, CancellationToken cancellationToken)
        {
            request.CommissionId = await GetReferral.CommissionOfAsync(db, request.ReferralId, cancellationToken);
            Require.SignedIn(actor);
            if (!SessionAccess.IsSecretary(actor, request.CommissionId) && !SessionAccess.IsCoChair(actor, request.CommissionId))
            {
                throw new ForbiddenException("KZRU-20 (Regulation cl. 10): the secretaries or the co-chairs record the expert group's proposal.", "KZRU-20");
            }
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors, Notifier notifier, TimeProvider clock) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            // The referral's row lock: two people recording the proposal at once → the second sees it recorded.
            await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM expert_group_referrals WHERE id = {request.ReferralId} FOR UPDATE").ToListAsync(cancellationToken);
            var referral = await db.ExpertGroupReferrals.SingleAsync(r => r.Id == request.ReferralId, cancellationToken);
            var from = await db.Sessions.AsNoTracking().Include(s => s.Items).SingleAsync(s => s.Id == referral.SessionId, cancellationToken);
            var source = from.Items.Single(i => i.Id == referral.AgendaItemId);
            var target = await SessionAccess.LoadForChangeAsync(db, request.TargetSessionId!.Value, null, cancellationToken);
            var item = referral.ReturnTo(from, source, target, Guid.CreateVersion7(),
                LocalizedText.Of(request.ProposalKk, request.ProposalRu), LocalizedText.Of(request.DraftDecisionKk, request.DraftDecisionRu),
                actor.PersonId ?? Guid.Empty, clock.GetUtcNow());
            db.AgendaItems.Add(item);
            foreach (var capability in new[] { Capability.ApproveAgenda, Capability.PrepareSessions })
            {
                await notifier.ToHoldersAsync(target.CommissionId, capability, null, "expert-proposal-returned",
                    "Notifications.Event.ExpertProposalReturned", $"/Sessions/Details/{target.Id}", cancellationToken,
                    source.Title.For("ru"), Number(from.Number), Number(source.Position), Number(target.Number));
            }
            return item.Id;
        }
    }

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>KZRU-20: one referral as its page shows it, with the sessions that may receive the group's proposal.</summary>
public static class GetReferral
{
    public sealed record Query(Guid ReferralId) : IQuery<Result>;

    public sealed record Result(
        Guid Id,
        Guid CommissionId,
        ItemPlace Item,
        LocalizedText ItemTitle,
        ReferralSummary Referral,
        DateTimeOffset? ProposedAt,
        IReadOnlyList<Candidate> Sessions,
        bool CanRecord);

    /// <summary>A later session of the commission whose agenda is still in preparation (KZRU-11).</summary>
    public sealed record Candidate(Guid Id, int Number, DateTimeOffset StartsAt, string TimeZoneId, SessionState State);

    public static async Task<Guid> CommissionOfAsync(CommissionDbContext db, Guid referralId, CancellationToken ct) =>
        await (from r in db.ExpertGroupReferrals.AsNoTracking()
               join s in db.Sessions on r.SessionId equals s.Id
               where r.Id == referralId
               select (Guid?)s.CommissionId).SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException("Expert group referral", referralId);

    public sealed class Authorizer(CommissionDbContext db) : IAuthorizer<Query>
    {
        public async Task AuthorizeAsync(Query request, Actor actor, CancellationToken cancellationToken)
        {
            var commissionId = await CommissionOfAsync(db, request.ReferralId, cancellationToken);
            Require.InCommission(actor, commissionId);
        }
    }

    public sealed class Handler(CommissionDbContext db, IActorAccessor actors) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var actor = await actors.GetActorAsync(cancellationToken);
            var referral = await db.ExpertGroupReferrals.AsNoTracking().SingleAsync(r => r.Id == request.ReferralId, cancellationToken);
            var from = await db.Sessions.AsNoTracking().Where(s => s.Id == referral.SessionId)
                .Select(s => new { s.Id, s.CommissionId, s.Number, s.StartsAt }).SingleAsync(cancellationToken);
            var item = await db.AgendaItems.AsNoTracking().Where(i => i.Id == referral.AgendaItemId)
                .Select(i => new { i.Position, i.Title }).SingleAsync(cancellationToken);
            var history = (await ItemHistories.LoadAsync(db, [referral.AgendaItemId], cancellationToken))[referral.AgendaItemId];
            var candidates = await db.Sessions.AsNoTracking()
                .Where(s => s.CommissionId == from.CommissionId && s.StartsAt > from.StartsAt
                    && (s.State == SessionState.Draft || s.State == SessionState.AgendaUnderApproval))
                .OrderBy(s => s.StartsAt)
                .Select(s => new Candidate(s.Id, s.Number, s.StartsAt, s.TimeZoneId, s.State))
                .ToListAsync(cancellationToken);
            var staff = SessionAccess.IsSecretary(actor, from.CommissionId) || SessionAccess.IsCoChair(actor, from.CommissionId);
            return new Result(referral.Id, from.CommissionId, new ItemPlace(from.Id, from.Number, item.Position), item.Title, history.Referral!,
                referral.ProposedAt, candidates, staff && referral.State == ReferralState.Open);
        }
    }
}
