using IntergovCommission.Domain.Regulation;

namespace IntergovCommission.Domain.Tests;

/// <summary>KZRU-17 (cl. 10): more than half of the voting members present; a tie is not adopted.</summary>
public sealed class MajorityTests
{
    private static readonly VotingRule Kzru = Profiles.Kzru.Voting;
    private static readonly VotingRule OfVotesCast = Kzru with { MajorityBase = MajorityBase.VotesCast };

    [Theory]
    // present, for, against, abstain, adopted, needed, tie
    [InlineData(27, 14, 13, 0, true, 14, false)]
    [InlineData(27, 13, 14, 0, false, 14, false)]
    [InlineData(26, 13, 13, 0, false, 14, true)]
    [InlineData(26, 14, 12, 0, true, 14, false)]
    [InlineData(18, 10, 0, 8, true, 10, false)]
    [InlineData(18, 9, 0, 9, false, 10, false)]       // half of those present is not a majority
    [InlineData(18, 9, 1, 8, false, 10, false)]       // abstentions count against adoption (base is members present)
    [InlineData(18, 8, 8, 2, false, 10, true)]
    [InlineData(2, 1, 1, 0, false, 2, true)]
    [InlineData(2, 2, 0, 0, true, 2, false)]
    [InlineData(1, 1, 0, 0, true, 1, false)]
    [InlineData(1, 0, 0, 1, false, 1, true)]
    public void Majority_of_voting_members_present(int present, int @for, int against, int abstain, bool adopted, int needed, bool tie)
    {
        var result = MajorityCalculator.Evaluate(Kzru, new VoteCount(@for, against, abstain), present);

        Assert.Equal(adopted, result.Adopted);
        Assert.Equal(needed, result.Needed);
        Assert.Equal(present, result.Base);
        Assert.Equal(tie, result.IsTie);
        Assert.Equal("KZRU-17", result.Rule.Id);
    }

    [Theory]
    [InlineData(5, 4, 10, true, 5)]
    [InlineData(5, 5, 10, false, 6)]
    [InlineData(1, 0, 26, true, 1)]
    [InlineData(0, 0, 27, false, 1)]
    [InlineData(3, 4, 0, false, 4)]
    public void Majority_of_votes_cast_ignores_abstentions(int @for, int against, int abstain, bool adopted, int needed)
    {
        var result = MajorityCalculator.Evaluate(OfVotesCast, new VoteCount(@for, against, abstain), @for + against + abstain);

        Assert.Equal(adopted, result.Adopted);
        Assert.Equal(needed, result.Needed);
        Assert.Equal(@for + against, result.Base);
    }

    [Fact]
    public void A_tie_is_not_adopted_under_the_not_adopted_rule_whatever_the_base()
    {
        // TieOutcome.PresidingDecides is not asserted here: a test must not pin a setting to "no effect"
        // (the CIS profile work, issue 12, applies it or removes it).
        foreach (var rule in new[] { Kzru, OfVotesCast })
        {
            for (var n = 0; n <= 20; n++)
            {
                var result = MajorityCalculator.Evaluate(rule, new VoteCount(n, n, 0), 2 * n);
                Assert.False(result.Adopted, $"{rule.MajorityBase}/{rule.Tie}: {n}:{n} must not be adopted");
            }
        }
    }

    [Fact]
    public void Zero_voters_adopt_nothing()
    {
        var byPresent = MajorityCalculator.Evaluate(Kzru, new VoteCount(0, 0, 0), 0);
        var byCast = MajorityCalculator.Evaluate(OfVotesCast, new VoteCount(0, 0, 0), 0);

        Assert.False(byPresent.Adopted);
        Assert.Equal(0, byPresent.Base);
        Assert.False(byCast.Adopted);
        Assert.Equal(0, byCast.Base);
    }

    [Fact]
    public void The_KZRU_profile_votes_by_members_present_and_a_tie_is_not_adopted()
    {
        Assert.Equal(MajorityBase.VotingMembersPresent, Kzru.MajorityBase);
        Assert.Equal(TieOutcome.NotAdopted, Kzru.Tie);
        Assert.Equal(VoteUnit.Member, Kzru.Unit);
    }
}
