using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Live;

/// <summary>A person on the register of one session: the membership, the person, and how they attend.</summary>
public sealed record RegisterRow(AttendanceEntry Entry, LocalizedText Name, string? SideCode, string? RepresentativeName, bool MustAttendInPerson, bool SelfCheckIn);

/// <summary>What the live-session use cases read: the session, the profile, the register (roster × attendance).</summary>
public sealed record LiveContext(Guid SessionId, Guid CommissionId, int SessionNumber, SessionState State, DateTimeOffset StartsAt, string TimeZoneId, RegulationProfile Profile, IReadOnlyList<RegisterRow> Register)
{
    public IReadOnlyList<AttendanceEntry> Entries => Register.Select(r => r.Entry).ToList();

    /// <summary>CIS-03: the chair and co-chairs on the session's day (null where each side's co-chair presides, KZRU-10).</summary>
    public ChairOffice? Office { get; init; }

    /// <summary>The presiding persons now (KZRU-10: one per side; CIS-03: the chair or a co-chair standing in).</summary>
    public IReadOnlyList<AttendanceEntry> Presiding => SessionRules.Presiding(Profile, Entries, Office);

    public RegisterRow? RowOf(Guid? personId) => personId is null ? null : Register.FirstOrDefault(r => r.Entry.PersonId == personId);

    public void RequireInProgress()
    {
        if (State != SessionState.InProgress)
        {
            throw new RuleViolationException("KZRU-09", "Rule.Live.NotInProgress", "KZRU-09 (Regulation cl. 9): the session is not in progress.");
        }
    }

    public static Task<LiveContext> LoadAsync(CommissionDbContext db, Guid sessionId, TimeProvider clock, CancellationToken ct) =>
        LoadCoreAsync(db, sessionId, clock, null, ct);

    /// <summary>
    /// The context with only the register rows of one person and (optionally) one membership: what
    /// a cast needs. Its <see cref="Register"/> is partial, so never use it for quorum or counts. A cast
    /// reads two rows instead of the whole roster (the live-session benchmark, docs/benchmarks.md).
    /// </summary>
    public static Task<LiveContext> LoadRowsAsync(CommissionDbContext db, Guid sessionId, TimeProvider clock, Guid? personId, Guid? membershipId, CancellationToken ct) =>
        LoadCoreAsync(db, sessionId, clock, new RowFilter(personId, membershipId), ct);

    private sealed record RowFilter(Guid? PersonId, Guid? MembershipId);

    private static async Task<LiveContext> LoadCoreAsync(CommissionDbContext db, Guid sessionId, TimeProvider clock, RowFilter? only, CancellationToken ct)
    {
        var session = await db.Set<Session>().AsNoTracking()
            .Where(s => s.Id == sessionId)
            .Select(s => new { s.Id, s.CommissionId, s.Number, s.State, s.StartsAt, s.TimeZoneId, s.ProfileId })
            .SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Session", sessionId);
        // The profile the session started under (pinned), or the commission's current one before it starts.
        var profile = session.ProfileId is Guid pinned
            ? await CommissionRules.ProfileByIdAsync(db, pinned, ct)
            : await CommissionAccess.ProfileOfAsync(db, session.CommissionId, ct);
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var memberships = db.Memberships.AsNoTracking()
            .Where(m => m.CommissionId == session.CommissionId && m.EndedOn == null && m.TermStart <= day && (m.TermEnd == null || m.TermEnd >= day)
                && m.Role != CommissionRole.Invitee);
        var attendanceRows = db.Attendance.AsNoTracking().Where(a => a.SessionId == sessionId);
        if (only is not null)
        {
            memberships = memberships.Where(m => m.PersonId == only.PersonId || m.Id == only.MembershipId);
            attendanceRows = attendanceRows.Where(a => memberships.Select(m => m.Id).Contains(a.MembershipId));
        }

        var roster = await (from m in memberships
                            join p in db.People on m.PersonId equals p.Id
                            join s in db.Sides on m.SideId equals s.Id into sides
                            from s in sides.DefaultIfEmpty()
                            select new { m.Id, m.PersonId, m.SideId, m.Role, p.FullName, SideCode = s == null ? null : s.Code })
            .ToListAsync(ct);
        var attendance = await attendanceRows.ToDictionaryAsync(a => a.MembershipId, ct);
        var register = roster
            .OrderBy(r => r.SideCode).ThenBy(r => r.Role).ThenBy(r => r.FullName.Ru)
            .Select(r =>
            {
                attendance.TryGetValue(r.Id, out var a);
                return new RegisterRow(new AttendanceEntry(r.Id, r.PersonId, r.SideId, r.Role, a?.Mode ?? AttendanceMode.Absent) { CredentialsConfirmed = a?.CredentialsConfirmedAt is not null }, r.FullName, r.SideCode, a?.RepresentativeName, a?.MustAttendInPerson ?? false, a?.SelfCheckIn ?? false);
            })
            .ToList();
        var sessionDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(session.StartsAt, TimeZoneInfo.FindSystemTimeZoneById(session.TimeZoneId)).DateTime);
        var office = await CommissionRules.OfficeAsync(db, session.CommissionId, profile, sessionDay, ct);
        return new LiveContext(session.Id, session.CommissionId, session.Number, session.State, session.StartsAt, session.TimeZoneId, profile, register) { Office = office };
    }

    public static async Task<Guid> CommissionOfSessionAsync(CommissionDbContext db, Guid sessionId, CancellationToken ct) =>
        await db.Set<Session>().AsNoTracking().Where(s => s.Id == sessionId).Select(s => (Guid?)s.CommissionId).SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException("Session", sessionId);

    public static async Task<Guid> SessionOfBallotAsync(CommissionDbContext db, Guid ballotId, CancellationToken ct) =>
        await db.Ballots.AsNoTracking().Where(b => b.Id == ballotId).Select(b => (Guid?)b.SessionId).SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException("Ballot", ballotId);
}
