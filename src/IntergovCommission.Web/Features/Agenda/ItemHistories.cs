using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Agenda;

/// <summary>An item's place: which session (its number) and which position on that session's agenda.</summary>
public sealed record ItemPlace(Guid SessionId, int SessionNumber, int Position);

/// <summary>KZRU-20: an expert-group referral as the agenda and the live page show it.</summary>
public sealed record ReferralSummary(Guid Id, string Task, DateOnly Deadline, IReadOnlyList<LocalizedText> Members, ReferralState State, LocalizedText Proposal, ItemPlace? ReturnedTo);

/// <summary>
/// Where an item came from and where it went: carried from an earlier session (deferred, or
/// returned from an expert group, KZRU-11/KZRU-20), deferred to a later one (and where it now
/// stands, if a session in preparation has it), referred to an expert group.
/// </summary>
public sealed record ItemHistory(AgendaCarry? CarryReason, ItemPlace? CarriedFrom, bool IsDeferred, DateTimeOffset? DeferredAt, ItemPlace? DeferredTo, ReferralSummary? Referral)
{
    public static ItemHistory None { get; } = new(null, null, false, null, null, null);
}

/// <summary>Reads <see cref="ItemHistory"/> for a set of items (a few queries, whatever the count).</summary>
public static class ItemHistories
{
    public static async Task<IReadOnlyDictionary<Guid, ItemHistory>> LoadAsync(CommissionDbContext db, IReadOnlyCollection<Guid> itemIds, CancellationToken ct)
    {
        if (itemIds.Count == 0)
        {
            return new Dictionary<Guid, ItemHistory>();
        }

        var ids = itemIds.ToList();
        var items = await db.AgendaItems.AsNoTracking()
            .Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.CarriedFromItemId, i.CarryReason, i.DeferredAt })
            .ToListAsync(ct);
        var sourceIds = items.Where(i => i.CarriedFromItemId != null).Select(i => i.CarriedFromItemId!.Value).ToList();
        var sources = await PlacesAsync(db, db.AgendaItems.Where(i => sourceIds.Contains(i.Id)), ct);
        var carried = await (from i in db.AgendaItems.AsNoTracking()
                             join s in db.Sessions on i.SessionId equals s.Id
                             where i.CarriedFromItemId != null && ids.Contains(i.CarriedFromItemId.Value)
                             select new { From = i.CarriedFromItemId!.Value, i.CarryReason, Place = new ItemPlace(s.Id, s.Number, i.Position) })
            .ToListAsync(ct);
        var referrals = await db.ExpertGroupReferrals.AsNoTracking().Where(r => ids.Contains(r.AgendaItemId)).ToListAsync(ct);
        var memberIds = referrals.SelectMany(r => r.MemberIds).Distinct().ToList();
        var names = await db.Memberships.AsNoTracking()
            .Where(m => memberIds.Contains(m.Id))
            .Join(db.People, m => m.PersonId, p => p.Id, (m, p) => new { m.Id, p.FullName })
            .ToDictionaryAsync(x => x.Id, x => x.FullName, ct);

        var result = new Dictionary<Guid, ItemHistory>();
        foreach (var item in items)
        {
            var referral = referrals.FirstOrDefault(r => r.AgendaItemId == item.Id);
            var returned = carried.FirstOrDefault(c => c.From == item.Id && c.CarryReason == AgendaCarry.ReturnedFromExpertGroup);
            var deferredTo = carried.FirstOrDefault(c => c.From == item.Id && c.CarryReason == AgendaCarry.Deferred);
            result[item.Id] = new ItemHistory(
                item.CarryReason,
                item.CarriedFromItemId is Guid from && sources.TryGetValue(from, out var place) ? place : null,
                item.DeferredAt is not null,
                item.DeferredAt,
                deferredTo?.Place,
                referral is null ? null : new ReferralSummary(referral.Id, referral.Task, referral.Deadline,
                    [.. referral.MemberIds.Select(m => names.GetValueOrDefault(m, LocalizedText.Empty))], referral.State, referral.Proposal, returned?.Place));
        }

        return result;
    }

    private static async Task<Dictionary<Guid, ItemPlace>> PlacesAsync(CommissionDbContext db, IQueryable<AgendaItem> items, CancellationToken ct) =>
        await (from i in items.AsNoTracking()
               join s in db.Sessions on i.SessionId equals s.Id
               select new { i.Id, Place = new ItemPlace(s.Id, s.Number, i.Position) })
            .ToDictionaryAsync(x => x.Id, x => x.Place, ct);

    /// <summary>
    /// Holds the item's row until the transaction ends. Opening a vote on an item, deferring it and
    /// referring it each read the item's standing and then act on it; taking this lock first makes
    /// them one after the other, so two of them at the same moment never both succeed (a deferred
    /// item with a vote open on it, say). Call it before <see cref="StandingsAsync"/>, and after the
    /// session's row lock where the handler takes one (commission → session → item, never the
    /// other way round, so they cannot deadlock).
    /// </summary>
    public static async Task LockItemAsync(CommissionDbContext db, Guid itemId, CancellationToken ct) =>
        await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM agenda_items WHERE id = {itemId} FOR UPDATE").ToListAsync(ct);

    /// <summary>KZRU-11/KZRU-17/KZRU-20: what happened to each item of a session (votes, referral, deferral).</summary>
    public static async Task<IReadOnlyDictionary<Guid, ItemStanding>> StandingsAsync(CommissionDbContext db, Guid sessionId, CancellationToken ct)
    {
        var items = await db.AgendaItems.AsNoTracking().Where(i => i.SessionId == sessionId).Select(i => new { i.Id, i.DeferredAt }).ToListAsync(ct);
        var ballots = await db.Ballots.AsNoTracking().Where(b => b.SessionId == sessionId).Select(b => new { b.AgendaItemId, b.State, b.Adopted }).ToListAsync(ct);
        var referred = (await db.ExpertGroupReferrals.AsNoTracking().Where(r => r.SessionId == sessionId).Select(r => r.AgendaItemId).ToListAsync(ct)).ToHashSet();
        return items.ToDictionary(i => i.Id, i =>
        {
            var mine = ballots.Where(b => b.AgendaItemId == i.Id).ToList();
            return new ItemStanding(
                Voted: mine.Any(b => b.State == BallotState.Closed),
                VoteOpen: mine.Any(b => b.State == BallotState.Open),
                Adopted: mine.Any(b => b.Adopted == true),
                Referred: referred.Contains(i.Id),
                Deferred: i.DeferredAt is not null);
        });
    }
}
