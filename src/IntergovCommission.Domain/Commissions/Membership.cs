using IntergovCommission.Domain.Common;

namespace IntergovCommission.Domain.Commissions;

/// <summary>
/// A person's seat in one commission, on one side, in one role (KZRU-01), with the act that
/// appointed it (KZRU-02). Ending a membership keeps it: history is never deleted.
/// </summary>
public sealed class Membership
{
    private Membership() { Position = LocalizedText.Empty; Organisation = LocalizedText.Empty; AppointingAuthority = LocalizedText.Empty; }

    public Membership(Guid id, Guid commissionId, Guid? sideId, Guid personId, CommissionRole role, MembershipDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        Id = id;
        CommissionId = commissionId;
        SideId = sideId;
        PersonId = personId;
        Role = role;
        Position = details.Position;
        Organisation = details.Organisation;
        AppointingAuthority = details.AppointingAuthority;
        AppointingActNumber = details.AppointingActNumber;
        AppointingActDate = details.AppointingActDate;
        TermStart = details.TermStart;
        TermEnd = details.TermEnd;
    }

    public Guid Id { get; private set; }
    public Guid CommissionId { get; private set; }
    public Guid? SideId { get; private set; }
    public Guid PersonId { get; private set; }
    public CommissionRole Role { get; private set; }
    public LocalizedText Position { get; private set; }
    public LocalizedText Organisation { get; private set; }
    public LocalizedText AppointingAuthority { get; private set; }
    public string? AppointingActNumber { get; private set; }
    public DateOnly? AppointingActDate { get; private set; }
    public DateOnly TermStart { get; private set; }
    public DateOnly? TermEnd { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public string? EndReason { get; private set; }
    public uint Version { get; private set; }

    /// <summary>
    /// Active on day D: not ended, its term started and not expired. The one predicate every query uses (through
    /// <c>ActiveOn(day)</c>); <see cref="IsActiveOn"/> is the same test on a loaded membership.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<Membership, bool>> ActiveOnDay(DateOnly day) =>
        m => m.EndedOn == null && m.TermStart <= day && (m.TermEnd == null || m.TermEnd >= day);

    public bool IsActiveOn(DateOnly day) => EndedOn is null && TermStart <= day && (TermEnd is null || TermEnd >= day);

    public bool IsEnded => EndedOn is not null;

    public void Change(CommissionRole role, Guid? sideId, MembershipDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (IsEnded)
        {
            throw new RuleViolationException("KZRU-02", "Rule.Membership.EndedIsHistory", "KZRU-02 (Regulation cl. 11): an ended membership is history and cannot be edited.");
        }

        Role = role;
        SideId = sideId;
        Position = details.Position;
        Organisation = details.Organisation;
        AppointingAuthority = details.AppointingAuthority;
        AppointingActNumber = details.AppointingActNumber;
        AppointingActDate = details.AppointingActDate;
        TermStart = details.TermStart;
        TermEnd = details.TermEnd;
    }

    public void End(DateOnly endedOn, string reason)
    {
        if (IsEnded)
        {
            throw new RuleViolationException("KZRU-02", "Rule.Membership.AlreadyEnded", "KZRU-02 (Regulation cl. 11): this membership has already ended.");
        }

        if (endedOn < TermStart)
        {
            throw new RuleViolationException("KZRU-02", "Rule.Membership.EndBeforeStart", "KZRU-02 (Regulation cl. 11): a membership cannot end before its term starts.");
        }

        EndedOn = endedOn;
        EndReason = reason.Trim();
    }
}

/// <summary>What an appointment says about a membership (KZRU-02, KZRU-03).</summary>
public sealed record MembershipDetails(
    LocalizedText Position,
    LocalizedText Organisation,
    LocalizedText AppointingAuthority,
    string? AppointingActNumber,
    DateOnly? AppointingActDate,
    DateOnly TermStart,
    DateOnly? TermEnd);
