using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;

namespace IntergovCommission.Domain.Voting;

/// <summary>
/// The session rules that read the roster and the attendance register, all from the profile:
/// quorum (KZRU-16, CIS-05), who presides (KZRU-10, CIS-03), who votes and what a vote counts as
/// (KZRU-15/17: a member; CIS-01: a state), declarations of no interest (CIS-08) and the states an
/// item directly affects (CIS-11). Pure: no clock, no database.
/// </summary>
public static class SessionRules
{
    private static bool Present(RegulationProfile profile, AttendanceEntry e) => profile.Quorum.CountedModes.Contains(e.Mode);

    /// <summary>The roles a register entry holds now: its membership's role and, on a rotating chair, the chair's and co-chairs' offices (CIS-03).</summary>
    public static IReadOnlyCollection<CommissionRole> RolesOf(RegulationProfile profile, AttendanceEntry entry, ChairOffice? office)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(entry);
        var roles = new List<CommissionRole> { entry.Role };
        if (profile.Presiding.Mode == PresidingMode.RotatingChair && office is not null && entry.SideId is Guid side
            && entry.Role == profile.Voting.StateHead())
        {
            if (side == office.ChairSideId)
            {
                roles.AddRange(profile.Presiding.PresidingRoles);
            }
            else if (office.CoChairSideIds.Contains(side))
            {
                roles.Add(profile.Presiding.StandIn);
            }
        }

        return roles;
    }

    /// <summary>KZRU-16 / CIS-05: present against total, counted in members or (vote unit state) in states.</summary>
    public static QuorumResult Quorum(RegulationProfile profile, IReadOnlyCollection<AttendanceEntry> register)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(register);
        if (profile.Voting.Unit == VoteUnit.State)
        {
            var states = StatesOnRoster(profile, register);
            var presentStates = states.Count(s => StateVoter(profile, register, s) is not null);
            return QuorumCalculator.Evaluate(profile.Quorum, presentStates, states.Count);
        }

        var counted = register.Where(e => profile.Quorum.CountedRoles.Contains(e.Role)).ToList();
        var present = counted.Count(e => Present(profile, e));
        return QuorumCalculator.Evaluate(profile.Quorum, present, counted.Count);
    }

    /// <summary>CIS-01: the states of the council: the sides that have a head (member) on the roster.</summary>
    public static IReadOnlyList<Guid> StatesOnRoster(RegulationProfile profile, IReadOnlyCollection<AttendanceEntry> register)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var head = profile.Voting.StateHead();
        return register.Where(e => e.SideId is not null && e.Role == head).Select(e => e.SideId!.Value).Distinct().ToList();
    }

    /// <summary>
    /// CIS-01: who casts a state's vote now: its head when present, otherwise a substitute present whose
    /// credentials the secretariat confirmed; null when the state has nobody who may vote.
    /// </summary>
    public static AttendanceEntry? StateVoter(RegulationProfile profile, IReadOnlyCollection<AttendanceEntry> register, Guid sideId)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(register);
        var head = profile.Voting.StateHead();
        var presentOfState = register.Where(e => e.SideId == sideId && Present(profile, e)).ToList();
        return presentOfState.Where(e => e.Role == head).OrderBy(e => e.MembershipId).FirstOrDefault()
            ?? presentOfState.Where(e => profile.Voting.SubstituteRoles.Contains(e.Role) && e.CredentialsConfirmed).OrderBy(e => e.MembershipId).FirstOrDefault();
    }

    /// <summary>KZRU-17 with KZRU-15: a voting role, attending in person or by video (a representative never votes).</summary>
    public static bool IsVoterPresent(RegulationProfile profile, AttendanceEntry entry)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(entry);
        if (profile.Voting.Unit == VoteUnit.State && profile.Voting.SubstituteRoles.Contains(entry.Role) && !entry.CredentialsConfirmed)
        {
            return false;
        }

        return profile.Voting.VotingRoles.Contains(entry.Role) && Present(profile, entry);
    }

    /// <summary>The voting units present: members (KZRU-17) or states with someone who may cast their vote (CIS-01).</summary>
    public static int VotersPresent(RegulationProfile profile, IReadOnlyCollection<AttendanceEntry> register)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(register);
        return profile.Voting.Unit == VoteUnit.State
            ? StatesOnRoster(profile, register).Count(s => StateVoter(profile, register, s) is not null)
            : register.Count(e => IsVoterPresent(profile, e));
    }

    /// <summary>
    /// The majority base of one item: the voting units present, less the states that declared no
    /// interest in it when the profile says they do not count (CIS-08).
    /// </summary>
    public static int MajorityBase(RegulationProfile profile, IReadOnlyCollection<AttendanceEntry> register, IReadOnlyCollection<Guid> noInterestSideIds)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(noInterestSideIds);
        var present = VotersPresent(profile, register);
        if (profile.Voting.NoInterestRule is null || profile.Voting.NoInterestCountsInBase || noInterestSideIds.Count == 0)
        {
            return present;
        }

        var declaredPresent = profile.Voting.Unit == VoteUnit.State
            ? noInterestSideIds.Distinct().Count(s => StateVoter(profile, register, s) is not null)
            : register.Count(e => e.SideId is Guid side && noInterestSideIds.Contains(side) && IsVoterPresent(profile, e));
        return Math.Max(0, present - declaredPresent);
    }

    /// <summary>
    /// KZRU-10: each side's co-chair presides; where a co-chair is absent, that co-chair's deputy
    /// (the first deputy of the same side who is present) does. Returns one entry per side that has a presiding person.
    /// CIS-03: one chair (the head of the chairing state); when absent, a co-chair (the previous or the next chair) present.
    /// </summary>
    public static IReadOnlyList<AttendanceEntry> Presiding(RegulationProfile profile, IReadOnlyCollection<AttendanceEntry> register, ChairOffice? office = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(register);
        var present = register.Where(e => Present(profile, e)).ToList();
        if (profile.Presiding.Mode == PresidingMode.RotatingChair)
        {
            if (office is null)
            {
                return [];
            }

            var chair = present.FirstOrDefault(e => RolesOf(profile, e, office).Any(profile.Presiding.PresidingRoles.Contains));
            chair ??= present.Where(e => RolesOf(profile, e, office).Contains(profile.Presiding.StandIn))
                .OrderBy(e => office.CoChairSideIds.ToList().IndexOf(e.SideId!.Value)).FirstOrDefault();
            return chair is null ? [] : [chair];
        }

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
    public static void RequireCanOpenVote(RegulationProfile profile, IReadOnlyCollection<AttendanceEntry> register, Guid actingMembershipId, ChairOffice? office = null)
    {
        RequirePresiding(profile, register, actingMembershipId, office);
        var quorum = Quorum(profile, register);
        if (!quorum.IsMet)
        {
            throw NoQuorum(quorum);
        }
    }

    public static void RequirePresiding(RegulationProfile profile, IReadOnlyCollection<AttendanceEntry> register, Guid actingMembershipId, ChairOffice? office = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (Presiding(profile, register, office).All(e => e.MembershipId != actingMembershipId))
        {
            var rule = profile.Presiding.Rule;
            throw profile.Presiding.Mode == PresidingMode.RotatingChair
                ? new RuleViolationException(rule.Id, "Rule.Voting.NotPresidingChair",
                    "{0} (Regulation {1}): only the presiding chair (or, in the chair's absence, a co-chair) opens and closes votes.", rule.Id, rule.Clause)
                : new RuleViolationException(rule.Id, "Rule.Voting.NotPresiding",
                    "{0} (Regulation {1}): only the presiding co-chair (or, in a co-chair's absence, that co-chair's deputy) opens and closes votes.", rule.Id, rule.Clause);
        }
    }

    /// <summary>KZRU-15/KZRU-17, CIS-01/CIS-02/CIS-07: who may cast a vote in a ballot.</summary>
    public static void RequireCanVote(RegulationProfile profile, AttendanceEntry? entry, IReadOnlyCollection<AttendanceEntry>? register = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (entry is null || entry.Mode == AttendanceMode.Represented || profile.ParticipationOf(entry.Role).RepresentsAnother)
        {
            // KZRU-15: a representative attends in a member's place and takes no part in decisions.
            var representation = entry is null || entry.Mode == AttendanceMode.Represented ? profile.RepresentationRule() : profile.ParticipationOf(entry.Role).Rule;
            throw new RuleViolationException(representation.Id, "Rule.Voting.Representative",
                "{0} (Regulation {1}): a representative attends but has no right to take part in decisions.", representation.Id, representation.Clause);
        }

        if (!profile.Votes(entry.Role))
        {
            // CIS-02 / CIS-07 / KZRU-14: the role takes part without a vote, by the rule of its participation.
            var rule = profile.ParticipationOf(entry.Role).Rule;
            throw new RuleViolationException(rule.Id, "Rule.Voting.NoVote",
                "{0} (Regulation {1}): this participant takes part without a vote.", rule.Id, rule.Clause);
        }

        if (profile.Voting.Unit == VoteUnit.State && profile.Voting.SubstituteRoles.Contains(entry.Role) && !entry.CredentialsConfirmed)
        {
            var rule = profile.Voting.CredentialsRule ?? profile.Voting.Rule;
            throw new RuleViolationException(rule.Id, "Rule.Voting.CredentialsNotConfirmed",
                "{0} (Regulation {1}): a substitute votes only once the secretariat has confirmed their credentials.", rule.Id, rule.Clause);
        }

        if (!IsVoterPresent(profile, entry))
        {
            var rule = profile.Voting.Rule;
            throw new RuleViolationException(rule.Id, "Rule.Voting.NotPresent",
                "{0} (Regulation {1}): only the voting members present (in the room or by video) vote.", rule.Id, rule.Clause);
        }

        if (profile.Voting.Unit == VoteUnit.State && register is not null && entry.SideId is Guid side
            && StateVoter(profile, register, side) is { } voter && voter.MembershipId != entry.MembershipId)
        {
            var rule = profile.Composition.Rule;
            throw new RuleViolationException(rule.Id, "Rule.Voting.StateVotesOnce",
                "{0} (Regulation {1}): each state has one vote; its head casts it, or in the head's absence a substitute with confirmed credentials.", rule.Id, rule.Clause);
        }
    }

    /// <summary>CIS-11: an item that directly affects a state is not put to the vote while that state is absent; returns the absent states.</summary>
    public static IReadOnlyList<Guid> AbsentAffectedStates(RegulationProfile profile, IReadOnlyCollection<AttendanceEntry> register, IReadOnlyCollection<Guid> affectedSideIds)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(affectedSideIds);
        if (profile.Voting.AffectedStateRule is null)
        {
            return [];
        }

        return affectedSideIds.Distinct()
            .Where(s => profile.Voting.Unit == VoteUnit.State
                ? StateVoter(profile, register, s) is null
                : !register.Any(e => e.SideId == s && IsVoterPresent(profile, e)))
            .ToList();
    }

    private static RuleViolationException NoQuorum(QuorumResult quorum) => new(quorum.Rule.Id, "Rule.Voting.NoQuorum",
        "{0} (Regulation {1}): no quorum: {2} of {3} present, at least {4} needed; a vote cannot open.",
        quorum.Rule.Id, quorum.Rule.Clause, quorum.Present, quorum.Total, quorum.Required);
}
