using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;

namespace IntergovCommission.Domain.Regulation;

/// <summary>An active seat as the composition rules see it.</summary>
public sealed record Seat(Guid MembershipId, Guid PersonId, Guid? SideId, CommissionRole Role);

/// <summary>
/// KZRU-01/KZRU-02: who may hold which seat. Pure: the caller passes the active seats of the
/// commission and the side ids it has.
/// </summary>
public static class CompositionRules
{
    public static void CheckSeat(
        RegulationProfile profile,
        IReadOnlyCollection<Seat> activeSeats,
        IReadOnlyCollection<Guid> commissionSideIds,
        Guid? excludingMembershipId,
        Guid personId,
        CommissionRole role,
        Guid? sideId,
        MembershipDetails details)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(activeSeats);
        ArgumentNullException.ThrowIfNull(commissionSideIds);
        ArgumentNullException.ThrowIfNull(details);
        var composition = profile.Composition;
        var rule = composition.Rule;
        var others = activeSeats.Where(s => s.MembershipId != excludingMembershipId).ToList();

        // The roles are the regulation's: one it does not know, or an office held by rotation (a chair), is not appointed.
        if (profile.Roles.Count > 0 && profile.RoleOf(role) is not { Office: false })
        {
            throw new RuleViolationException(rule.Id, "Rule.Composition.RoleUnknown", "{0} (Regulation {1}): this body's regulation has no such appointed role.", rule.Id, rule.Clause);
        }

        if (composition.SideBoundRoles.Contains(role))
        {
            if (sideId is null || !commissionSideIds.Contains(sideId.Value))
            {
                throw new RuleViolationException(rule.Id, "Rule.Composition.SideRequired", "{0} (Regulation {1}): this role belongs to a national part; choose the side.", rule.Id, rule.Clause);
            }
        }
        else if (sideId is not null && !commissionSideIds.Contains(sideId.Value))
        {
            throw new RuleViolationException(rule.Id, "Rule.Composition.UnknownSide", "{0} (Regulation {1}): the side is not a side of this commission.", rule.Id, rule.Clause);
        }

        if (others.Any(s => s.PersonId == personId))
        {
            throw new RuleViolationException(rule.Id, "Rule.Composition.Duplicate", "{0} (Regulation {1}): this person already holds an active membership in this commission; end it or edit it instead.", rule.Id, rule.Clause);
        }

        var limit = composition.SeatLimits.FirstOrDefault(l => l.Role == role);
        if (limit is not null && others.Count(s => s.Role == role && s.SideId == sideId) >= limit.MaxPerSide)
        {
            throw new RuleViolationException(rule.Id, "Rule.Composition.SeatTaken", "{0} (Regulation {1}): this side already has {2} active seat(s) of this role; end the current membership first.", rule.Id, rule.Clause, limit.MaxPerSide);
        }

        var appointment = composition.AppointmentRule;
        if (composition.RolesNeedingAppointingAct.Contains(role)
            && (string.IsNullOrWhiteSpace(details.AppointingActNumber) || details.AppointingActDate is null || details.AppointingAuthority.IsEmpty))
        {
            throw new RuleViolationException(appointment.Id, "Rule.Composition.ActRequired", "{0} (Regulation {1}): an appointed membership records the appointing authority and the act (number and date).", appointment.Id, appointment.Clause);
        }

        if (details.TermEnd is not null && details.TermEnd < details.TermStart)
        {
            throw new RuleViolationException(appointment.Id, "Rule.Composition.TermOrder", "{0} (Regulation {1}): the term cannot end before it starts.", appointment.Id, appointment.Clause);
        }
    }
}
