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
public sealed record RegisterRow(AttendanceEntry Entry, LocalizedText Name, string? SideCode, string? RepresentativeName, bool MustAttendInPerson, bool SelfCheckIn)
{
    /// <summary>How this row's role takes part, by the session's profile (votes, may be represented, represents another...).</summary>
    public Participation Takes { get; init; } = new(new RuleRef("GEN", string.Empty));
}

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
            var rule = Profile.RuleOnSessions();
            throw new RuleViolationException(rule.Id, "Rule.Live.NotInProgress", "{0} (Regulation {1}): the session is not in progress.", rule.Id, rule.Clause);
        }
    }

    /// <summary>The session is over: its register is closed (KZRU-09 / CIS-04, the profile's rule on holding sessions).</summary>
    public static RuleViolationException SessionOver(RegulationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var rule = profile.RuleOnSessions();
        return new RuleViolationException(rule.Id, "Rule.Live.Over", "{0} (Regulation {1}): the session is over; its register is closed.", rule.Id, rule.Clause);
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
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // Who is on the register (not a person invited to named items, KZRU-14) is the profile's: filtered once it is loaded.
        var memberships = db.Memberships.AsNoTracking().ActiveOn(day);
        if (only is not null)
        {
            memberships = memberships.Where(m => m.PersonId == only.PersonId || m.Id == only.MembershipId);
        }

        // One statement: the session, its commission's current profile id, and the register (roster × attendance).
        var session = await db.Set<Session>().AsNoTracking()
            .Where(s => s.Id == sessionId)
            .Select(s => new
            {
                s.Id,
                s.CommissionId,
                s.Number,
                s.State,
                s.StartsAt,
                s.TimeZoneId,
                s.ProfileId,
                CommissionProfileId = db.Commissions.Where(c => c.Id == s.CommissionId).Select(c => c.ProfileId).FirstOrDefault(),
                Roster = (from m in memberships.Where(m => m.CommissionId == s.CommissionId)
                          join p in db.People on m.PersonId equals p.Id
                          join side in db.Sides on m.SideId equals side.Id into sides
                          from side in sides.DefaultIfEmpty()
                          join a in db.Attendance.Where(a => a.SessionId == s.Id) on m.Id equals a.MembershipId into rows
                          from a in rows.DefaultIfEmpty()
                          select new
                          {
                              m.Id,
                              m.PersonId,
                              m.SideId,
                              m.Role,
                              p.FullName,
                              SideCode = side == null ? null : side.Code,
                              Mode = a == null ? AttendanceMode.Absent : a.Mode,
                              CredentialsConfirmed = a != null && a.CredentialsConfirmedAt != null,
                              RepresentativeName = a == null ? null : a.RepresentativeName,
                              MustAttendInPerson = a != null && a.MustAttendInPerson,
                              SelfCheckIn = a != null && a.SelfCheckIn,
                          }).ToList(),
            })
            .SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Session", sessionId);
        // The profile the session started under (pinned), or the commission's current one before it starts (both cached by id: immutable).
        var profile = await CommissionRules.ProfileByIdAsync(db, session.ProfileId ?? session.CommissionProfileId, ct);
        var register = session.Roster
            .Where(r => profile.SitsOnBody(r.Role))
            .OrderBy(r => r.SideCode).ThenBy(r => profile.RoleOrder(r.Role)).ThenBy(r => r.FullName.Ru)
            .Select(r => new RegisterRow(new AttendanceEntry(r.Id, r.PersonId, r.SideId, r.Role, r.Mode) { CredentialsConfirmed = r.CredentialsConfirmed }, r.FullName, r.SideCode, r.RepresentativeName, r.MustAttendInPerson, r.SelfCheckIn)
            {
                Takes = profile.ParticipationOf(r.Role),
            })
            .ToList();
        var sessionDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(session.StartsAt, TimeZoneInfo.FindSystemTimeZoneById(session.TimeZoneId)).DateTime);
        var office = await CommissionRules.OfficeAsync(db, session.CommissionId, profile, sessionDay, ct);
        return new LiveContext(session.Id, session.CommissionId, session.Number, session.State, session.StartsAt, session.TimeZoneId, profile, register) { Office = office };
    }

    public static async Task<Guid> CommissionOfSessionAsync(CommissionDbContext db, Guid sessionId, CancellationToken ct)
    {
        if (Places.SessionCommission.TryGetValue(sessionId, out var cached))
        {
            return cached;
        }

        var commissionId = await db.Set<Session>().AsNoTracking().Where(s => s.Id == sessionId).Select(s => (Guid?)s.CommissionId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Session", sessionId);
        return Places.Remember(Places.SessionCommission, sessionId, commissionId);
    }

    public static async Task<Guid> SessionOfBallotAsync(CommissionDbContext db, Guid ballotId, CancellationToken ct)
    {
        if (Places.BallotSession.TryGetValue(ballotId, out var cached))
        {
            return cached;
        }

        var place = await db.Ballots.AsNoTracking().Where(b => b.Id == ballotId)
            .Join(db.Set<Session>(), b => b.SessionId, s => s.Id, (b, s) => new { b.SessionId, s.CommissionId })
            .SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Ballot", ballotId);
        Places.Remember(Places.SessionCommission, place.SessionId, place.CommissionId);
        return Places.Remember(Places.BallotSession, ballotId, place.SessionId);
    }

    /// <summary>
    /// Where a ballot and a session belong never changes once they exist (no use case moves them), so
    /// it is kept in memory: a cast reads it once per ballot, not once per vote (issue #16). Bounded.
    /// </summary>
    private static class Places
    {
        private const int Limit = 50_000;
        public static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Guid> BallotSession = new();
        public static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Guid> SessionCommission = new();

        public static Guid Remember(System.Collections.Concurrent.ConcurrentDictionary<Guid, Guid> map, Guid key, Guid value)
        {
            if (map.Count >= Limit)
            {
                map.Clear();
            }

            return map.GetOrAdd(key, value);
        }
    }
}
