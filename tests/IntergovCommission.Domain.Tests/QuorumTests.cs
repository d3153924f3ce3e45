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

    [Theory]
    // present, total, met
    [InlineData(0, 0, false)]
    [InlineData(0, 1, false)]
    [InlineData(1, 1, true)]
    [InlineData(1, 2, false)]
    [InlineData(2, 2, true)]
    [InlineData(1, 3, false)]
    [InlineData(2, 3, true)]
    [InlineData(3, 4, true)]
    [InlineData(2, 4, false)]
    [InlineData(20, 30, true)]
    [InlineData(19, 30, false)]
    [InlineData(27, 27, true)]
    public void Quorum_boundaries_KZRU_16(int present, int total, bool met)
    {
        var result = QuorumCalculator.Evaluate(Profiles.Kzru.Quorum, present, total);
        Assert.Equal(met, result.IsMet);
        Assert.Equal(present, result.Present);
        Assert.Equal(total, result.Total);
    }

    [Fact]
    public void An_empty_commission_never_has_a_quorum()
    {
        var result = QuorumCalculator.Evaluate(Profiles.Kzru.Quorum, 0, 0);
        Assert.False(result.IsMet);
        Assert.Equal(0, result.Required);
    }

    [Fact]
    public void A_negative_roster_size_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => QuorumCalculator.Required(Profiles.Kzru.Quorum, -1));

    [Fact]
    public void Required_is_never_below_two_thirds_and_one_less_would_be()
    {
        for (var total = 1; total <= 300; total++)
        {
            var required = QuorumCalculator.Required(Profiles.Kzru.Quorum, total);
            Assert.True(3 * required >= 2 * total, $"{required} of {total} is less than two thirds");
            Assert.True(3 * (required - 1) < 2 * total, $"{required - 1} of {total} would already be two thirds");
        }
    }
}
