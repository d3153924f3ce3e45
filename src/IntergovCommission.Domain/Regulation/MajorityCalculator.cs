namespace IntergovCommission.Domain.Regulation;

public sealed record VoteCount(int For, int Against, int Abstain);

public sealed record MajorityResult(bool Adopted, int Needed, int Base, bool IsTie, RuleRef Rule);

/// <summary>KZRU-17 (cl. 10): simple majority as the profile defines it.</summary>
public static class MajorityCalculator
{
    public static MajorityResult Evaluate(VotingRule rule, VoteCount votes, int votingMembersPresent)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(votes);
        var @base = rule.MajorityBase == MajorityBase.VotingMembersPresent
            ? votingMembersPresent
            : votes.For + votes.Against;
        var needed = (@base / 2) + 1;
        var isTie = votes.For == votes.Against;
        var adopted = @base > 0 && votes.For >= needed;
        return new MajorityResult(adopted, needed, @base, isTie, rule.Rule);
    }
}
