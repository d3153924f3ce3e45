using IntergovCommission.Domain.Commissions;

namespace IntergovCommission.Domain.Regulation;

/// <summary>
/// How a role of the regulation takes part in the body's work, with the rule that says so: whether it
/// votes and counts for the quorum (KZRU-16/17, CIS-01/05), signs decisions (KZRU-18, CIS-09), may send a
/// representative (KZRU-15) or is itself one, or is invited to named agenda items only (KZRU-14). Data of
/// the profile's <see cref="RoleDefinition"/>; the code asks <see cref="ParticipationRules"/>, never a role.
/// </summary>
public sealed record Participation(RuleRef Rule)
{
    /// <summary>Casts a vote (KZRU-17; CIS-01: for its state). Must agree with <see cref="VotingRule.VotingRoles"/>.</summary>
    public bool Votes { get; init; }

    /// <summary>Counts for the quorum (KZRU-16, CIS-05). Must agree with <see cref="QuorumRule.CountedRoles"/>.</summary>
    public bool CountsForQuorum { get; init; }

    /// <summary>Signs the body's decisions when a signing route names them (KZRU-18; not a representative, KZRU-15; not an advisory member, CIS-02).</summary>
    public bool Signs { get; init; }

    /// <summary>May send a representative in their place when they cannot attend (KZRU-15).</summary>
    public bool MayBeRepresented { get; init; }

    /// <summary>Attends in another member's place (KZRU-15): never represented in turn, never an expert-group member.</summary>
    public bool RepresentsAnother { get; init; }

    /// <summary>Invited to named agenda items only (KZRU-14): sees those items, not the body's records or its register.</summary>
    public bool NamedItemsOnly { get; init; }

    /// <summary>Sits on the body: reads its records (everyone but a person invited to named items).</summary>
    public bool SitsOnBody => !NamedItemsOnly;
}

/// <summary>The one place that answers how a seat takes part: "does this role vote here", "does it see only its items"...</summary>
public static class ParticipationRules
{
    /// <summary>The participation of a role; a role the profile does not declare takes no part (cited by the composition rule).</summary>
    public static Participation ParticipationOf(this RegulationProfile profile, CommissionRole role)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.RoleOf(role)?.Participation ?? new Participation(profile.Composition.Rule) { NamedItemsOnly = true };
    }

    public static bool Votes(this RegulationProfile profile, CommissionRole role) => profile.ParticipationOf(role).Votes;

    public static bool Signs(this RegulationProfile profile, CommissionRole role) => profile.ParticipationOf(role).Signs;

    public static bool SeesOnlyNamedItems(this RegulationProfile profile, CommissionRole role) => profile.ParticipationOf(role).NamedItemsOnly;

    public static bool SitsOnBody(this RegulationProfile profile, CommissionRole role) => profile.ParticipationOf(role).SitsOnBody;

    public static bool MayBeRepresented(this RegulationProfile profile, CommissionRole role) => profile.ParticipationOf(role).MayBeRepresented;

    /// <summary>The roles that sit on the body (every declared role but those invited to named items), for queries.</summary>
    public static IReadOnlyList<CommissionRole> SeatedRoles(this RegulationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return [.. profile.Roles.Where(r => r.Participation is { SitsOnBody: true }).Select(r => r.Role)];
    }

    /// <summary>The role the body invites to named items (KZRU-14), when it has one.</summary>
    public static CommissionRole? InvitedRole(this RegulationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Roles.FirstOrDefault(r => r.Participation?.NamedItemsOnly == true)?.Role;
    }

    /// <summary>The rule on persons invited to named items (KZRU-14), cited when such a person reaches further.</summary>
    public static RuleRef InvitationRule(this RegulationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Roles.FirstOrDefault(r => r.Participation?.NamedItemsOnly == true)?.Participation?.Rule ?? profile.Composition.Rule;
    }

    /// <summary>The rule on representation (KZRU-15: a representative takes no part in decisions), or the voting rule where the body has none.</summary>
    public static RuleRef RepresentationRule(this RegulationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Roles.FirstOrDefault(r => r.Participation?.RepresentsAnother == true)?.Participation?.Rule ?? profile.Voting.Rule;
    }

    /// <summary>The order of roles: the profile's list, in the order the regulation names them (KZRU-01: co-chair, deputies, secretary, members, representatives).</summary>
    public static int RoleOrder(this RegulationProfile profile, CommissionRole role)
    {
        ArgumentNullException.ThrowIfNull(profile);
        for (var i = 0; i < profile.Roles.Count; i++)
        {
            if (profile.Roles[i].Role == role)
            {
                return i;
            }
        }

        return profile.Roles.Count + (int)role;
    }

    /// <summary>The name the body's documents print for a role (the glossary's word where it differs from the interface's).</summary>
    public static Common.LocalizedText? DocumentNameOf(this RegulationProfile profile, CommissionRole role)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.RoleOf(role) is { } definition ? definition.DocumentName ?? definition.Name : null;
    }
}
