using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Records;
using IntergovCommission.Domain.Regulation;

namespace IntergovCommission.Domain.Tests.Records;

public sealed class RetentionTermTests
{
    private static readonly RetentionRule Kzru = Profiles.Kzru.Retention!;

    [Theory]
    [InlineData("2026-11-21", "2029-11-21")]
    [InlineData("2028-02-29", "2031-02-28")]
    [InlineData("2030-12-31", "2033-12-31")]
    public void Records_are_kept_three_years_after_the_flight_tests_KZRU_22(string completed, string until) =>
        Assert.Equal(DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture), RetentionTerm.KeepUntil(DateOnly.Parse(completed, System.Globalization.CultureInfo.InvariantCulture), Kzru));

    [Fact]
    public void The_last_day_is_within_the_term_and_the_day_after_is_not()
    {
        var until = new DateOnly(2029, 11, 21);
        Assert.True(RetentionTerm.IsKept(until, until));
        Assert.False(RetentionTerm.IsKept(until, until.AddDays(1)));
        Assert.True(RetentionTerm.IsKept(null, new DateOnly(2100, 1, 1)), "before the completion is recorded, everything is kept");
    }

    [Fact]
    public void Deleting_within_the_term_is_refused_citing_KZRU_22_and_allowed_after_it()
    {
        var until = new DateOnly(2029, 11, 21);
        var within = Assert.Throws<RuleViolationException>(() => RetentionTerm.RequireOutsideTerm(until, until, Kzru));
        Assert.Equal(("KZRU-22", "Rule.Records.KeptUntil"), (within.RuleId, within.Key));
        var notStarted = Assert.Throws<RuleViolationException>(() => RetentionTerm.RequireOutsideTerm(null, until, Kzru));
        Assert.Equal("Rule.Records.KeptTermNotStarted", notStarted.Key);
        RetentionTerm.RequireOutsideTerm(until, until.AddDays(1), Kzru);
    }
}
