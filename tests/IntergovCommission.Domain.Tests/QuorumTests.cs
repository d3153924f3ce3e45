using IntergovCommission.Domain.Regulation;

namespace IntergovCommission.Domain.Tests;

public sealed class QuorumTests
{
    [Theory]
    [InlineData(27, 18)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    [InlineData(6, 4)]
    [InlineData(1, 1)]
    [InlineData(0, 0)]
    public void Quorum_is_the_smallest_count_of_at_least_two_thirds_KZRU_16(int total, int required) =>
        Assert.Equal(required, QuorumCalculator.Required(Profiles.Kzru.Quorum, total));

    [Theory]
    [InlineData(18, true)]
    [InlineData(17, false)]
    public void Session_of_27_is_valid_at_exactly_two_thirds_and_not_one_below_KZRU_16(int present, bool valid)
    {
        var result = QuorumCalculator.Evaluate(Profiles.Kzru.Quorum, present, 27);
        Assert.Equal(valid, result.IsMet);
        Assert.Equal("KZRU-16", result.Rule.Id);
    }
}
