using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Voting;

namespace IntergovCommission.Domain.Decisions;

public enum SignatureKind
{
    /// <summary>Signs the decision (members present on the full route, secretaries on the short one).</summary>
    Sign = 0,
    /// <summary>A co-chair approves the signed decision (KZRU-04, KZRU-18).</summary>
    Approve = 1,
}

/// <summary>A required signature: who, in which capacity.</summary>
public sealed record RequiredSignature(Guid MembershipId, Guid PersonId, Guid? SideId, CommissionRole Role, SignatureKind Kind);

/// <summary>The route a decision follows and every signature it needs (KZRU-18, KZRU-21).</summary>
public sealed record SigningPlan(SigningRoute Route, RuleRef Rule, int Copies, IReadOnlyList<RequiredSignature> Required);

/// <summary>
/// KZRU-18/KZRU-21/CIS-09: the route comes from the profile by decision kind. Full route: every voting
/// member present at the vote (room or video) signs, in the profile's number of copies; short
/// route: the profile's short-route signers (the secretaries); chair alone: the chair of the
/// chairing state. Then every seat the profile grants the approval of decisions approves.
/// </summary>
public static class SigningRules
{
    public static SigningPlan Plan(RegulationProfile profile, DecisionKind kind, IReadOnlyCollection<AttendanceEntry> registerAtVote, IReadOnlyCollection<AttendanceEntry> activeRoster, ChairOffice? office = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(registerAtVote);
        ArgumentNullException.ThrowIfNull(activeRoster);
        var route = profile.Signing.RouteFor(kind);
        var rule = profile.Signing.RuleOf(route);
        var signers = route switch
        {
            SigningRoute.Full => registerAtVote.Where(e => SessionRules.IsVoterPresent(profile, e)),
            SigningRoute.Short => activeRoster.Where(e => profile.Signing.ShortRouteSigners.Contains(e.Role)),
            _ => activeRoster.Where(e => SessionRules.RolesOf(profile, e, office).Any(profile.Presiding.PresidingRoles.Contains)).Take(1),
        };
        var approvers = profile.RolesFor(Capability.ApproveDecision);
        var required = signers
            .OrderBy(e => e.SideId).ThenBy(e => profile.RoleOrder(e.Role)).ThenBy(e => e.MembershipId)
            .Select(e => new RequiredSignature(e.MembershipId, e.PersonId, e.SideId, e.Role, SignatureKind.Sign))
            .Concat(activeRoster.Where(e => approvers.Contains(e.Role))
                .OrderBy(e => e.SideId)
                .Select(e => new RequiredSignature(e.MembershipId, e.PersonId, e.SideId, e.Role, SignatureKind.Approve)))
            .ToList();
        return new SigningPlan(route, rule, route == SigningRoute.Full ? profile.Signing.FullRouteCopies : 1, required);
    }
}
