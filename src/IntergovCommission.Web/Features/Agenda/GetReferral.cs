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
