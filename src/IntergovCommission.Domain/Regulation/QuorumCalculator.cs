namespace IntergovCommission.Domain.Regulation;

public sealed record QuorumResult(int Present, int Total, int Required, bool IsMet, RuleRef Rule);

/// <summary>KZRU-16 (cl. 10): a session is valid when at least the profile's fraction of members attend.</summary>
public static class QuorumCalculator
{
    public static int Required(QuorumRule rule, int total)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        // "at least two thirds": the smallest integer n with n / total >= numerator / denominator.
        return (int)((((long)total * rule.Numerator) + rule.Denominator - 1) / rule.Denominator);
    }

    public static QuorumResult Evaluate(QuorumRule rule, int present, int total)
    {
        var required = Required(rule, total);
        return new QuorumResult(present, total, required, total > 0 && present >= required, rule.Rule);
    }
}
