using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Regulation;

namespace IntergovCommission.Domain.Voting;

/// <summary>One person on the commission's list and how they attend a session (KZRU-14, KZRU-15).</summary>
public sealed record AttendanceEntry(Guid MembershipId, Guid PersonId, Guid? SideId, CommissionRole Role, AttendanceMode Mode);

/// <summary>
/// The session rules that read the roster and the attendance register: quorum (KZRU-16), who
/// presides (KZRU-10), who may vote (KZRU-15, KZRU-17). Pure: no clock, no database.
/// </summary>
public static class SessionRules
{
    /// <summary>KZRU-16: the counted members present (in person or by video) against all counted members.</summary>
    public static QuorumResult Quorum(RegulationProfile profile, IReadOnlyCollection<AttendanceEntry> register)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(register);
        var counted = register.Where(e => profile.Quorum.CountedRoles.Contains(e.Role)).ToList();
        var present = counted.Count(e => profile.Quorum.CountedModes.Contains(e.Mode));
        return QuorumCalculator.Evaluate(profile.Quorum, present, counted.Count);
    }

    /// <summary>KZRU-17 with KZRU-15: a voting role, attending in person or by video (a representative never votes).</summary>
    public static bool IsVoterPresent(RegulationProfile profile, AttendanceEntry entry)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(entry);
        return profile.Voting.VotingRoles.Contains(entry.Role) && profile.Quorum.CountedModes.Contains(entry.Mode);
    }

    public static int VotersPresent(RegulationProfile profile, IReadOnlyCollection<AttendanceEntry> register) =>
        register.Count(e => IsVoterPresent(profile, e));

    /// <summary>
    /// KZRU-10: each side's co-chair presides; where a co-chair is absent, that co-chair's deputy
    /// (the first deputy of the same side who is present) does. Returns one entry per side that has a presiding person.
    /// </summary>
    public static IReadOnlyList<AttendanceEntry> Presiding(RegulationProfile profile, IReadOnlyCollection<AttendanceEntry> register)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(register);
        var present = register.Where(e => profile.Quorum.CountedModes.Contains(e.Mode)).ToList();
        var result = new List<AttendanceEntry>();
        foreach (var side in register.Where(e => e.SideId is not null).Select(e => e.SideId).Distinct())
        {
            var chair = present.FirstOrDefault(e => e.SideId == side && profile.Presiding.PresidingRoles.Contains(e.Role));
            chair ??= present.Where(e => e.SideId == side && e.Role == profile.Presiding.StandIn).OrderBy(e => e.MembershipId).FirstOrDefault();
            if (chair is not null)
            {
                result.Add(chair);
            }
        }

        return result;
    }

    /// <summary>KZRU-10 and KZRU-16: only a presiding person opens or closes a vote, and only with quorum.</summary>
    public static void RequireCanOpenVote(RegulationProfile profile, IReadOnlyCollection<AttendanceEntry> register, Guid actingMembershipId)
    {
        RequirePresiding(profile, register, actingMembershipId);
        var quorum = Quorum(profile, register);
        if (!quorum.IsMet)
        {
            throw NoQuorum(quorum);
        }
    }

    public static void RequirePresiding(RegulationProfile profile, IReadOnlyCollection<AttendanceEntry> register, Guid actingMembershipId)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (Presiding(profile, register).All(e => e.MembershipId != actingMembershipId))
        {
            var rule = profile.Presiding.Rule;
            throw new Common.RuleViolationException(rule.Id, "Rule.Voting.NotPresiding",
                "{0} (Regulation {1}): only the presiding co-chair (or, in a co-chair's absence, that co-chair's deputy) opens and closes votes.", rule.Id, rule.Clause);
        }
    }

    /// <summary>KZRU-15/KZRU-17: who may cast a vote in a ballot.</summary>
    public static void RequireCanVote(RegulationProfile profile, AttendanceEntry? entry)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (entry is null || entry.Role == CommissionRole.Representative || entry.Mode == AttendanceMode.Represented)
        {
            throw new Common.RuleViolationException("KZRU-15", "Rule.Voting.Representative",
                "KZRU-15 (Regulation cl. 9): a representative attends but has no right to take part in decisions.");
        }

        if (!IsVoterPresent(profile, entry))
        {
            var rule = profile.Voting.Rule;
            throw new Common.RuleViolationException(rule.Id, "Rule.Voting.NotPresent",
                "{0} (Regulation {1}): only the voting members present (in the room or by video) vote.", rule.Id, rule.Clause);
        }
    }

    private static Common.RuleViolationException NoQuorum(QuorumResult quorum) => new(quorum.Rule.Id, "Rule.Voting.NoQuorum",
        "{0} (Regulation {1}): no quorum: {2} of {3} present, at least {4} needed; a vote cannot open.",
        quorum.Rule.Id, quorum.Rule.Clause, quorum.Present, quorum.Total, quorum.Required);
}
