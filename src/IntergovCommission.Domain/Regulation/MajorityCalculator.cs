namespace IntergovCommission.Domain.Regulation;

public sealed record VoteCount(int For, int Against, int Abstain);

public sealed record MajorityResult(bool Adopted, int Needed, int Base, bool IsTie, RuleRef Rule);

/// <summary>KZRU-17 (cl. 10): simple majority as the profile defines it.</summary>
public static class MajorityCalculator
{
    /// <param name="presidingVotedFor">The presiding person's vote, read only when the profile gives them the casting vote on a tie.</param>
    public static MajorityResult Evaluate(VotingRule rule, VoteCount votes, int votingMembersPresent, bool? presidingVotedFor = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(votes);
        var @base = rule.MajorityBase == MajorityBase.VotingMembersPresent
            ? votingMembersPresent
            : votes.For + votes.Against;
        var needed = (@base / 2) + 1;
        var isTie = votes.For == votes.Against;
        var adopted = @base > 0 && votes.For >= needed;
        if (!adopted && isTie && votes.For > 0 && rule.Tie == TieOutcome.PresidingDecides && presidingVotedFor == true)
        {
            // A tie with the presiding person's casting vote: their side of the tie carries.
            adopted = true;
        }
        return new MajorityResult(adopted, needed, @base, isTie, rule.Rule);
    }
}
