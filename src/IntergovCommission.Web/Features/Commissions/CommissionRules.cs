using System.Collections.Concurrent;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Commissions;

/// <summary>Memberships active on a day: the one place the predicate is written.</summary>
public static class ActiveMemberships
{
    public static IQueryable<Membership> ActiveOn(this IQueryable<Membership> memberships, DateOnly day) =>
        memberships.Where(Membership.ActiveOnDay(day));

    /// <summary>The memberships that seat a person on the body by its profile: every role but one invited to named items (KZRU-14).</summary>
    public static IQueryable<Membership> SeatedBy(this IQueryable<Membership> memberships, RegulationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        CommissionRole[] seated = [.. profile.SeatedRoles()];
        return memberships.Where(m => seated.Contains(m.Role));
    }

    /// <summary>The memberships of the role the body invites to named items (KZRU-14); none where it has no such role.</summary>
    public static IQueryable<Membership> InvitedBy(this IQueryable<Membership> memberships, RegulationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        CommissionRole[] invited = profile.InvitedRole() is { } role ? [role] : [];
        return memberships.Where(m => invited.Contains(m.Role));
    }

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

/// <summary>
/// "May this actor do this here", asked of the commission's regulation profile: the actor's seats
/// (membership roles plus offices such as the rotating chair, CIS-03) against the profile's
/// capability table. Authorizers, page flags and notification recipients all ask here; no use case
/// tests a role itself. Profiles are immutable versioned documents, so they are cached by id.
/// </summary>
public static class CommissionRules
{
    private static readonly ConcurrentDictionary<Guid, RegulationProfile> Cache = new();

    public static async Task<RegulationProfile> ProfileAsync(CommissionDbContext db, Guid commissionId, CancellationToken ct)
    {
        var profileId = await db.Commissions.AsNoTracking().Where(c => c.Id == commissionId).Select(c => (Guid?)c.ProfileId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Commission", commissionId);
        return await ProfileByIdAsync(db, profileId, ct);
    }

    public static async Task<RegulationProfile> ProfileByIdAsync(CommissionDbContext db, Guid profileId, CancellationToken ct)
    {
        if (Cache.TryGetValue(profileId, out var cached))
        {
            return cached;
        }

        var record = await db.RegulationProfiles.AsNoTracking().SingleAsync(r => r.Id == profileId, ct);
        return Cache.GetOrAdd(profileId, record.ToProfile());
    }

    /// <summary>CIS-03: the chair and co-chairs on a day (null where each side's co-chair presides, KZRU-10, or no term is recorded).</summary>
    public static async Task<ChairOffice?> OfficeAsync(CommissionDbContext db, Guid commissionId, RegulationProfile profile, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Presiding.Mode != PresidingMode.RotatingChair)
        {
            return null;
        }

        var terms = await TermsAsync(db, commissionId, ct);
        return ChairRotation.OfficeOn(terms, await RotationOrderAsync(db, commissionId, ct), day);
    }

    public static async Task<IReadOnlyList<ChairTerm>> TermsAsync(CommissionDbContext db, Guid commissionId, CancellationToken ct) =>
        await db.Chairmanships.AsNoTracking().Where(c => c.CommissionId == commissionId)
            .OrderBy(c => c.StartsOn)
            .Select(c => new ChairTerm(c.SideId, c.StartsOn, c.EndsOn))
            .ToListAsync(ct);

    /// <summary>CIS-03: the states in Russian alphabetical order of their names.</summary>
    public static async Task<IReadOnlyList<Guid>> RotationOrderAsync(CommissionDbContext db, Guid commissionId, CancellationToken ct)
    {
        var sides = await db.Sides.AsNoTracking().Where(s => s.CommissionId == commissionId).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        return ChairRotation.Order(sides.Select(s => (s.Id, s.Name.Ru ?? s.Name.En ?? string.Empty)));
    }

    /// <summary>A membership as a seat with every role it holds (its own and, on a rotating chair, the office, CIS-03).</summary>
    public static ActingSeat SeatOf(RegulationProfile profile, ChairOffice? office, Guid membershipId, Guid? sideId, CommissionRole role) =>
        new(membershipId, sideId, SessionRules.RolesOf(profile, new AttendanceEntry(membershipId, Guid.Empty, sideId, role, AttendanceMode.Absent), office));

    public sealed record Holder(Guid MembershipId, Guid PersonId, Guid? SideId);

    /// <summary>The active seats that hold a capability on a day (for one held per side, <paramref name="targetSideId"/>'s holders).</summary>
    public static async Task<IReadOnlyList<Holder>> HoldersAsync(CommissionDbContext db, Guid commissionId, Capability capability, Guid? targetSideId, DateOnly day, CancellationToken ct)
    {
        var profile = await ProfileAsync(db, commissionId, ct);
        var office = await OfficeAsync(db, commissionId, profile, day, ct);
        var rows = await db.Memberships.AsNoTracking().ActiveOn(day)
            .Where(m => m.CommissionId == commissionId)
            .Select(m => new { m.Id, m.PersonId, m.SideId, m.Role })
            .ToListAsync(ct);
        return rows
            .Where(r => profile.Permits(SeatOf(profile, office, r.Id, r.SideId, r.Role), capability, targetSideId))
            .Select(r => new Holder(r.Id, r.PersonId, r.SideId))
            .ToList();
    }

    /// <summary>The actor's seats in the commission with every role they hold today.</summary>
    public static async Task<IReadOnlyList<ActingSeat>> SeatsAsync(CommissionDbContext db, TimeProvider clock, Actor actor, Guid commissionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var mine = actor.Memberships.Where(m => m.CommissionId == commissionId).ToList();
        if (mine.Count == 0)
        {
            return [];
        }

        var profile = await ProfileAsync(db, commissionId, ct);
        var office = await OfficeAsync(db, commissionId, profile, clock.Today(), ct);
        return mine.Select(m => SeatOf(profile, office, m.MembershipId, m.SideId, m.Role)).ToList();
    }

    public static async Task<bool> PermitsAsync(CommissionDbContext db, TimeProvider clock, Actor actor, Guid commissionId, Capability capability, Guid? targetSideId, CancellationToken ct)
    {
        var profile = await ProfileAsync(db, commissionId, ct);
        return profile.PermitsAny(await SeatsAsync(db, clock, actor, commissionId, ct), capability, targetSideId);
    }

    /// <summary>Refuses (403) unless one of the actor's seats holds the capability; the refusal cites the profile's rule.</summary>
    public static async Task RequireAsync(CommissionDbContext db, TimeProvider clock, Actor actor, Guid commissionId, Capability capability, Guid? targetSideId, CancellationToken ct)
    {
        Require.SignedIn(actor);
        var profile = await ProfileAsync(db, commissionId, ct);
        var seats = await SeatsAsync(db, clock, actor, commissionId, ct);
        if (profile.PermitsAny(seats, capability, targetSideId))
        {
            return;
        }

        if (!actor.IsIn(commissionId) && actor.IsInvitedTo(commissionId))
        {
            throw Require.InvitedOnly(actor, commissionId);
        }

        throw Refusal(profile, capability, ownSideOnly: targetSideId is not null && profile.PermitsAny(seats, capability));
    }

    /// <summary>The rule the commission's profile grants a capability by (KZRU-07 for the commission, CIS-12 for the council), for a refusal with its own sentence.</summary>
    public static async Task<RuleRef> RuleForAsync(CommissionDbContext db, Guid commissionId, Capability capability, CancellationToken ct) =>
        (await ProfileAsync(db, commissionId, ct)).RuleFor(capability);

    /// <summary>The refusal of a capability: the rule id and clause from the profile, the sentence from a stable key.</summary>
    public static ForbiddenException Refusal(RegulationProfile profile, Capability capability, bool ownSideOnly = false)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var rule = profile.RuleFor(capability);
        return ownSideOnly
            ? ForbiddenException.ByRule(rule, "Capability.Refused.OwnSide", "{0} (Regulation {1}): you act here only for your own side.")
            : ForbiddenException.ByRule(rule, "Capability.Refused." + capability, RefusalText(capability));
    }

    private static string RefusalText(Capability capability) => capability switch
    {
        Capability.ConductVote => "{0} (Regulation {1}): only the presiding person opens and closes a vote.",
        Capability.RecordVoteForOther => "{0} (Regulation {1}): the vote is personal; only the secretariat records a vote given by show of hands or by name.",
        Capability.ApproveAgenda => "{0} (Regulation {1}): you do not approve the agenda of this body.",
        Capability.AcceptUnscheduledItem => "{0} (Regulation {1}): you do not accept unscheduled items for this body.",
        Capability.ApproveDecision => "{0} (Regulation {1}): you do not approve the decisions of this body.",
        Capability.IssueDecision => "{0} (Regulation {1}): only the secretariat puts decisions on their signing route and issues them.",
        Capability.ReferToExpertGroup => "{0} (Regulation {1}): only the presiding persons refer an item to an expert group.",
        Capability.DeferItem => "{0} (Regulation {1}): you do not defer agenda items.",
        Capability.RequireAttendanceInPerson => "{0} (Regulation {1}): you do not decide who must attend in person.",
        Capability.KeepRegister => "{0} (Regulation {1}): the secretariat keeps the attendance register; a member may only check themselves in.",
        Capability.KeepRoster => "{0} (Regulation {1}): only the secretariat, or an administrator, manages the memberships.",
        Capability.ReceiveProposals => "{0} (Regulation {1}): proposals are decided by the secretary who receives them.",
        Capability.Propose => "{0} (Regulation {1}): you do not propose agenda items to this body.",
        Capability.PrepareSessions => "{0} (Regulation {1}): only the secretariat prepares sessions and drafts the agenda.",
        Capability.ConfirmCredentials => "{0} (Regulation {1}): only the secretariat confirms a substitute's credentials.",
        Capability.DeclareNoInterest => "{0} (Regulation {1}): only a member of the council (or the substitute) declares their state's lack of interest.",
        Capability.SeeContacts => "{0} (Regulation {1}): contacts are for the secretariat and the presiding persons.",
        Capability.MarkAffectedStates => "{0} (Regulation {1}): only the secretariat marks the states an item affects.",
        Capability.RecordAssignments => "{0} (Regulation {1}): the secretariat (of the responsible side) records the assignments.",
        Capability.GiveAssignments => "{0} (Regulation {1}): you do not give assignments by your own act.",
        Capability.ApproveExtension => "{0} (Regulation {1}): you do not approve extensions of this deadline.",
        Capability.ControlExecution => "{0} (Regulation {1}): the controller or the secretariat of the responsible side controls the execution.",
        Capability.KeepRecords => "{0} (Regulation {1}): the secretariat keeps the records.",
        Capability.KeepTreatyRegister => "{0} ({1}): the secretariat keeps the register of treaties.",
        Capability.WriteTreatyReport => "{0} ({1}): the secretariat of the reporting side writes the annual treaty report.",
        Capability.ProposeExtraordinarySession => "{0} (Regulation {1}): a member of the council proposes an extraordinary session, or answers a proposal, for their own state.",
        _ => "{0} (Regulation {1}): you may not do this.",
    };
}
