using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Sessions;

/// <summary>Who may do what with a session (KZRU-04, KZRU-06, KZRU-07, KZRU-14), and loading a session for a change.</summary>
public static class SessionAccess
{
    /// <summary>KZRU-06: the roles that propose agenda items (members of the commission, co-chairs and deputies included).</summary>
    public static readonly CommissionRole[] ProposingRoles = [CommissionRole.Member, CommissionRole.DeputyCoChair, CommissionRole.CoChair];

    public static bool IsSecretary(Actor actor, Guid commissionId) => actor.Holds(commissionId, CommissionRole.Secretary);

    public static bool IsCoChair(Actor actor, Guid commissionId) => actor.Holds(commissionId, CommissionRole.CoChair);

    /// <summary>KZRU-07 (Regulation cl. 8): the secretaries (either side) prepare sessions and draft the agenda.</summary>
    public static void RequireSecretary(Actor actor, Guid commissionId)
    {
        Require.SignedIn(actor);
        if (!IsSecretary(actor, commissionId))
        {
            throw new ForbiddenException("KZRU-07 (Regulation cl. 8): only a secretary of this commission prepares sessions and drafts the agenda.", "KZRU-07");
        }
    }

    /// <summary>KZRU-04 (Regulation cl. 5): the co-chairs approve the agenda.</summary>
    public static void RequireCoChair(Actor actor, Guid commissionId)
    {
        Require.SignedIn(actor);
        if (!IsCoChair(actor, commissionId))
        {
            throw new ForbiddenException("KZRU-04 (Regulation cl. 5): only a co-chair of this commission approves the agenda.", "KZRU-04");
        }
    }

    /// <summary>The commission a session belongs to, or 404.</summary>
    public static async Task<Guid> CommissionOfAsync(CommissionDbContext db, Guid sessionId, CancellationToken ct) =>
        await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => (Guid?)s.CommissionId).SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException("Session", sessionId);

    /// <summary>KZRU-11: every active co-chair of the commission, one per side; the agenda needs each one's approval.</summary>
    public static async Task<IReadOnlyList<CoChairSeat>> CoChairsAsync(CommissionDbContext db, Guid commissionId, TimeProvider clock, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await db.Memberships.AsNoTracking()
            .Where(m => m.CommissionId == commissionId && m.Role == CommissionRole.CoChair && m.SideId != null
                && m.EndedOn == null && m.TermStart <= today && (m.TermEnd == null || m.TermEnd >= today))
            .Join(db.Sides, m => m.SideId, s => s.Id, (m, s) => new { m.PersonId, SideId = s.Id, s.Code })
            .OrderBy(c => c.Code)
            .Select(c => new CoChairSeat(c.PersonId, c.SideId, c.Code))
            .ToListAsync(ct);
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
