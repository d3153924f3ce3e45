using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Sessions;

/// <summary>Who may do what with a session (KZRU-04, KZRU-06, KZRU-07, KZRU-14), and loading a session for a change.</summary>
public static class SessionAccess
{
    /// <summary>KZRU-06: the seat through which the actor proposes agenda items (a seat on a side that holds the capability), or null.</summary>
    public static ActorMembership? ProposingSeat(Actor actor, Guid commissionId) =>
        actor.ProfileOf(commissionId) is { } profile
            ? actor.Memberships.FirstOrDefault(m => m.CommissionId == commissionId && m.SideId != null && profile.Permits(m.Seat, Capability.Propose))
            : null;

    /// <summary>KZRU-07 / CIS secretariat: prepares sessions and drafts the agenda (from the profile).</summary>
    public static bool IsSecretary(Actor actor, Guid commissionId) => actor.May(commissionId, Capability.PrepareSessions);

    /// <summary>KZRU-04 / CIS-03: approves the agenda (from the profile).</summary>
    public static bool IsCoChair(Actor actor, Guid commissionId) => actor.May(commissionId, Capability.ApproveAgenda);

    public static void RequireSecretary(Actor actor, Guid commissionId) => Require.May(actor, commissionId, Capability.PrepareSessions);

    public static void RequireCoChair(Actor actor, Guid commissionId) => Require.May(actor, commissionId, Capability.ApproveAgenda);

    /// <summary>The commission a session belongs to, or 404.</summary>
    public static async Task<Guid> CommissionOfAsync(CommissionDbContext db, Guid sessionId, CancellationToken ct) =>
        await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => (Guid?)s.CommissionId).SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException("Session", sessionId);

    /// <summary>
    /// KZRU-11 / CIS-03: the seats that approve the agenda by the profile (KZRU: every co-chair, one per side;
    /// CIS: the chair of the chairing state); with "every one" in the profile the agenda needs each one's approval.
    /// </summary>
    public static Task<IReadOnlyList<CoChairSeat>> CoChairsAsync(CommissionDbContext db, Guid commissionId, TimeProvider clock, CancellationToken ct) =>
        HoldersAsync(db, commissionId, Capability.ApproveAgenda, clock, ct);

    /// <summary>The active seats (on a side) that hold a capability today, by the commission's profile.</summary>
    public static async Task<IReadOnlyList<CoChairSeat>> HoldersAsync(CommissionDbContext db, Guid commissionId, Capability capability, TimeProvider clock, CancellationToken ct)
    {
        var holders = await CommissionRules.HoldersAsync(db, commissionId, capability, null, clock.Today(), ct);
        var codes = await db.Sides.AsNoTracking().Where(s => s.CommissionId == commissionId).ToDictionaryAsync(s => s.Id, s => s.Code, ct);
        return holders.Where(h => h.SideId is Guid side && codes.ContainsKey(side))
            .OrderBy(h => codes[h.SideId!.Value], StringComparer.Ordinal)
            .Select(h => new CoChairSeat(h.PersonId, h.SideId!.Value, codes[h.SideId!.Value]))
            .ToList();
    }

    /// <summary>
    /// The session with its agenda, invited persons and approvals, tracked for a change. When the
    /// page sent the version it showed, a newer one is a conflict (two secretaries at once): the
    /// second is told, and nothing of the first is lost.
    /// </summary>
    public static async Task<Session> LoadForChangeAsync(CommissionDbContext db, Guid sessionId, uint? seenVersion, CancellationToken ct)
    {
        // Changes of one session are serialised by its row lock, so two co-chairs answering at the
        // same moment each see the other's answer (KZRU-11: both approvals count, none is lost).
        var locked = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM sessions WHERE id = {sessionId} FOR UPDATE").ToListAsync(ct);
        if (locked.Count == 0)
        {
            throw new NotFoundException("Session", sessionId);
        }

        var session = await db.Sessions
            .Include(s => s.Items).ThenInclude(i => i.Acceptances)
            .Include(s => s.Invitees)
            .Include(s => s.Approvals)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == sessionId, ct)
            ?? throw new NotFoundException("Session", sessionId);
        if (seenVersion is uint seen)
        {
            if (session.Version != seen)
            {
                throw new ConflictException("Someone else changed this session's agenda after you opened it (another secretary, or a co-chair's answer). Nothing of theirs or yours was saved over: reload to see the current agenda, then repeat your change.");
            }

            db.Entry(session).Property(s => s.Version).OriginalValue = seen;
        }

        return session;
    }
}
