using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Regulation;

namespace IntergovCommission.Domain.Voting;

/// <summary>One person on the commission's list and how they attend a session (KZRU-14, KZRU-15).</summary>
public sealed record AttendanceEntry(Guid MembershipId, Guid PersonId, Guid? SideId, CommissionRole Role, AttendanceMode Mode)
{
    /// <summary>CIS-01: a substitute's credentials were confirmed by the secretariat for this session.</summary>
    public bool CredentialsConfirmed { get; init; }
}

/// <summary>
/// CIS-03: the state that chairs now and the states of the previous and the next chair (co-chairs).
/// Null for a regulation where each side's co-chair presides (KZRU-10).
/// </summary>
public sealed record ChairOffice(Guid ChairSideId, IReadOnlyList<Guid> CoChairSideIds);

