using IntergovCommission.Domain.Commissions;

namespace IntergovCommission.Domain.Regulation;

/// <summary>
/// The rules a profile document must satisfy to be loaded: a profile that cannot be applied as
/// written is refused when it is read, not discovered during a session.
/// </summary>
public static class ProfileSchema
{
    public static IReadOnlyList<string> Problems(RegulationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(profile.Code) || profile.Version < 1)
        {
            problems.Add("code and a version of 1 or more are required");
        }

        if (profile.Quorum.Numerator <= 0 || profile.Quorum.Denominator <= 0 || profile.Quorum.Numerator > profile.Quorum.Denominator)
        {
            problems.Add("the quorum is a fraction between 0 and 1");
        }

        if (profile.Voting.VotingRoles.Count == 0)
        {
            problems.Add("at least one role votes");
        }

        if (profile.Voting.Unit == VoteUnit.State && profile.Voting.HeadRole is null)
        {
            problems.Add("a vote per state needs the role that casts it (headRole)");
        }

        if (profile.Presiding.Mode == PresidingMode.RotatingChair && profile.RoleOf(CommissionRole.Chair) is null)
        {
            problems.Add("a rotating chair needs the Chair role declared");
        }

        if (profile.Signing.RouteByKind.Values.Append(profile.Signing.DefaultRoute).Any(r => r == SigningRoute.ChairAlone) && profile.Signing.ChairAloneRule is null)
        {
            problems.Add("the chair-alone route needs its rule");
        }

        if (profile.Languages.DocumentLanguages.Count == 0)
        {
            problems.Add("at least one document language");
        }

        foreach (var duplicate in profile.Capabilities.GroupBy(g => g.Capability).Where(g => g.Count() > 1))
        {
            problems.Add($"capability {duplicate.Key} is granted twice");
        }

        if (profile.Roles.Count > 0)
        {
            foreach (var grant in profile.Capabilities)
            {
                foreach (var role in grant.Roles.Where(r => profile.RoleOf(r) is null))
                {
                    problems.Add($"capability {grant.Capability} names role {role}, which the profile does not declare");
                }
            }
        }

        foreach (var role in profile.Roles)
        {
            if (role.Participation is not { } takes)
            {
                problems.Add($"role {role.Role} does not say how it takes part (participation)");
                continue;
            }

            if (takes.Votes != profile.Voting.VotingRoles.Contains(role.Role))
            {
                problems.Add($"role {role.Role}: its participation and the voting roles disagree on whether it votes");
            }

            if (takes.CountsForQuorum != profile.Quorum.CountedRoles.Contains(role.Role))
            {
                problems.Add($"role {role.Role}: its participation and the quorum's counted roles disagree on whether it counts");
            }

            if (takes.NamedItemsOnly && (takes.Votes || takes.Signs || takes.CountsForQuorum))
            {
                problems.Add($"role {role.Role} is invited to named items only, so it neither votes, counts nor signs");
            }
        }

        return problems;
    }

    public static void Validate(RegulationProfile profile)
    {
        var problems = Problems(profile);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Profile {profile.Code} v{profile.Version} is not valid: {string.Join("; ", problems)}.");
        }
    }
}
