using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Regulation;

namespace IntergovCommission.Web.Infrastructure.Mediator;

/// <summary>An active membership of the acting person, as authorization sees it.</summary>
public sealed record ActorMembership(Guid MembershipId, Guid CommissionId, Guid? SideId, CommissionRole Role)
{
    /// <summary>Offices held today through this membership (CIS-03: the rotating chair, the co-chairs).</summary>
    public IReadOnlyCollection<CommissionRole> Offices { get; init; } = [];

    public ActingSeat Seat => new(MembershipId, SideId, [Role, .. Offices]);
}

/// <summary>
/// Who is acting: the signed-in user, their person, their active memberships (role per
/// commission and side), and whether they are a (global) administrator.
/// </summary>
public sealed class Actor
{
    public static Actor Anonymous { get; } = new(null, null, null, false, []);

    public Actor(Guid? userId, string? userName, Guid? personId, bool isAdministrator, IReadOnlyList<ActorMembership> memberships)
    {
        UserId = userId;
        UserName = userName;
        PersonId = personId;
        IsAdministrator = isAdministrator;
        Memberships = memberships;
    }

    public Guid? UserId { get; }
    public string? UserName { get; }
    public Guid? PersonId { get; }
    public bool IsAdministrator { get; }
    public bool IsAuthenticated => UserId is not null;
    public IReadOnlyList<ActorMembership> Memberships { get; }

    /// <summary>
    /// Sits on the commission: a membership in a role the commission's profile seats on the body. A person invited
    /// to named items (KZRU-14) is a membership too, but reads only the agenda items they speak to, never the records.
    /// </summary>
    public bool IsIn(Guid commissionId) => Memberships.Any(m => m.CommissionId == commissionId && SitsOnBody(m));

    /// <summary>Invited to speak to some of the commission's items, and nothing more (KZRU-14): the profile's participation of the role.</summary>
    public bool IsInvitedTo(Guid commissionId) => Memberships.Any(m => m.CommissionId == commissionId && !SitsOnBody(m));

    /// <summary>The actor's memberships in the commission that seat them on the body (not an invitation to named items).</summary>
    public IEnumerable<ActorMembership> SeatsIn(Guid commissionId) => Memberships.Where(m => m.CommissionId == commissionId && SitsOnBody(m));

    /// <summary>The commission ids the actor sits on (not those they are only invited to).</summary>
    public IReadOnlyList<Guid> CommissionsSatOn() => [.. Memberships.Where(SitsOnBody).Select(m => m.CommissionId).Distinct()];

    /// <summary>How this membership takes part, by its commission's profile (none known: invited to named items only, the least).</summary>
    public Participation ParticipationOf(ActorMembership membership)
    {
        ArgumentNullException.ThrowIfNull(membership);
        return ProfileOf(membership.CommissionId) is { } profile
            ? profile.ParticipationOf(membership.Role)
            : new Participation(new RuleRef("GEN", string.Empty)) { NamedItemsOnly = true };
    }

    private bool SitsOnBody(ActorMembership m) => ParticipationOf(m).SitsOnBody;

    public ActorMembership? MembershipIn(Guid commissionId) => Memberships.FirstOrDefault(m => m.CommissionId == commissionId);

    /// <summary>The regulation profile of each commission the actor sits on.</summary>
    public IReadOnlyDictionary<Guid, RegulationProfile> Profiles { get; init; } = new Dictionary<Guid, RegulationProfile>();

    public RegulationProfile? ProfileOf(Guid commissionId) => Profiles.GetValueOrDefault(commissionId);

    /// <summary>
    /// "May this actor do this here", from the commission's profile: one of the actor's seats holds the
    /// capability (and, for a capability held per side, the target side is the seat's own).
    /// </summary>
    public bool May(Guid commissionId, Capability capability, Guid? targetSideId = null) =>
        ProfileOf(commissionId) is { } profile
        && profile.PermitsAny(Memberships.Where(m => m.CommissionId == commissionId).Select(m => m.Seat), capability, targetSideId);

    /// <summary>Holds the capability for some side (for a capability held per side: for their own).</summary>
    public bool MayForSomeSide(Guid commissionId, Capability capability) => May(commissionId, capability);
}

/// <summary>Resolves the acting user for the current request (HTTP or tests).</summary>
public interface IActorAccessor
{
    Task<Actor> GetActorAsync(CancellationToken cancellationToken);
}
