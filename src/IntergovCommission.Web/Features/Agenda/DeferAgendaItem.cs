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
                    var rule = context.Profile.Presiding.Rule;
                    throw new RuleViolationException(rule.Id, "Agenda.Rule.Defer.NotPresiding", "{0} (Regulation {1}): an item is deferred by the presiding co-chair (or the deputy standing in) or by a secretary.", rule.Id, rule.Clause);
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
