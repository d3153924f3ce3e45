using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Regulation;

namespace IntergovCommission.Domain.Tests;

/// <summary>The shipped KZRU profile (seed 000): every setting cites a KZRU rule; the signing route per decision kind.</summary>
public sealed partial class KzruProfileTests
{
    private static readonly RegulationProfile Kzru = Profiles.Kzru;

    [Fact]
    public void Every_rule_reference_is_a_KZRU_rule_with_a_clause()
    {
        var refs = RuleRefs(Kzru).ToList();

        // Composition, appointment, quorum, voting, agenda (proposal + approval), signing (full + short),
        // retention, languages, dissent, presiding: 12 references, and one per capability grant; none null.
        // Issue 12: plus the conduct rules (sessions KZRU-09, materials KZRU-13) and one per role's participation.
        Assert.Equal(12 + 2 + Kzru.Roles.Count + Kzru.Capabilities.Count, refs.Count);
        Assert.All(refs, r =>
        {
            Assert.Matches(RuleId(), r.Id);
            Assert.Matches(Clause(), r.Clause);
        });
    }

    [Theory]
    [InlineData(DecisionKind.FlightTestStartOrCompletion, SigningRoute.Full)]
    [InlineData(DecisionKind.IrreversibleOperations, SigningRoute.Full)]
    [InlineData(DecisionKind.ComplexOperation, SigningRoute.Full)]
    [InlineData(DecisionKind.ProgrammeApprovalOrChange, SigningRoute.Short)]
    [InlineData(DecisionKind.FlightTestSuspension, SigningRoute.Short)]
    [InlineData(DecisionKind.WorkingGroup, SigningRoute.Short)]
    [InlineData(DecisionKind.AccidentCommission, SigningRoute.Short)]
    [InlineData(DecisionKind.Other, SigningRoute.Short)]
    public void Route_by_decision_kind_KZRU_18_and_KZRU_21(DecisionKind kind, SigningRoute route) =>
        Assert.Equal(route, Kzru.Signing.RouteFor(kind));

    [Fact]
    public void Exactly_the_three_KZRU_21_exceptions_take_the_full_route_and_every_kind_is_mapped()
    {
        var full = Enum.GetValues<DecisionKind>().Where(k => Kzru.Signing.RouteFor(k) == SigningRoute.Full).ToList();

        Assert.Equal([DecisionKind.FlightTestStartOrCompletion, DecisionKind.IrreversibleOperations, DecisionKind.ComplexOperation], full);
        Assert.All(Enum.GetValues<DecisionKind>(), k => Assert.True(Kzru.Signing.RouteByKind.ContainsKey(k), $"{k} has no route in the profile"));
        Assert.Equal("KZRU-18", Kzru.Signing.FullRouteRule.Id);
        Assert.Equal("KZRU-21", Kzru.Signing.ShortRouteRule.Id);
        Assert.Equal(2, Kzru.Signing.FullRouteCopies);
    }

    [Fact]
    public void Appointed_roles_vote_and_count_for_the_quorum_representatives_and_invitees_do_not()
    {
        CommissionRole[] appointed = [CommissionRole.CoChair, CommissionRole.DeputyCoChair, CommissionRole.Secretary, CommissionRole.Member];

        Assert.Equal(appointed.Order(), Kzru.Quorum.CountedRoles.Order());
        Assert.Equal(appointed.Order(), Kzru.Voting.VotingRoles.Order());
        Assert.Equal(appointed.Order(), Kzru.Composition.RolesNeedingAppointingAct.Order());
        Assert.DoesNotContain(CommissionRole.Representative, Kzru.Voting.VotingRoles);
        Assert.DoesNotContain(CommissionRole.Invitee, Kzru.Quorum.CountedRoles);
        Assert.Contains(CommissionRole.Representative, Kzru.Composition.SideBoundRoles);
        Assert.DoesNotContain(CommissionRole.Invitee, Kzru.Composition.SideBoundRoles);
        Assert.Equal((2, 3), (Kzru.Quorum.Numerator, Kzru.Quorum.Denominator));
    }

    /// <summary>Every <see cref="RuleRef"/> reachable from the profile, by reflection (a new setting is covered without editing this test).</summary>
    internal static IEnumerable<RuleRef> RuleRefs(object? node)
    {
        switch (node)
        {
            case null or string or Enum or ValueType:
                yield break;
            case RuleRef rule:
                yield return rule;
                yield break;
            case IDictionary dictionary:
                foreach (var value in dictionary.Values)
                {
                    foreach (var r in RuleRefs(value))
                    {
                        yield return r;
                    }
                }

                yield break;
            case IEnumerable items:
                foreach (var item in items)
                {
                    foreach (var r in RuleRefs(item))
                    {
                        yield return r;
                    }
                }

                yield break;
        }

        foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract")
            {
                continue;
            }

            var value = property.GetValue(node);
            if (value is null && property.PropertyType == typeof(RuleRef))
            {
                continue; // optional rule (e.g. AgendaRule.MaterialRule) not set by this profile
            }

            foreach (var r in RuleRefs(value))
            {
                yield return r;
            }
        }
    }

    [GeneratedRegex(@"^KZRU-\d{2}$")]
    private static partial Regex RuleId();

    [GeneratedRegex(@"^cl\. \d+$")]
    private static partial Regex Clause();
}
