using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Voting;

namespace IntergovCommission.Domain.Tests.Voting;

public sealed class BallotTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(5));

    private static Ballot Open() => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1, 1, "Шешім мәтіні", "Текст решения", Guid.NewGuid(), T0);

    private static Ballot WithVotes(int yes, int no, int abstain)
    {
        var ballot = Open();
        for (var i = 0; i < yes; i++) { ballot.Cast(Guid.NewGuid(), Guid.NewGuid(), VoteChoice.For, T0, null); }
        for (var i = 0; i < no; i++) { ballot.Cast(Guid.NewGuid(), Guid.NewGuid(), VoteChoice.Against, T0, null); }
        for (var i = 0; i < abstain; i++) { ballot.Cast(Guid.NewGuid(), Guid.NewGuid(), VoteChoice.Abstain, T0, null); }
        return ballot;
    }

    [Theory]
    // for, against, abstain, voters present, adopted — KZRU-17: more than half of the voting members present.
    [InlineData(10, 0, 0, 18, true)]
    [InlineData(9, 0, 0, 18, false)]
    [InlineData(9, 9, 0, 18, false)]
    [InlineData(10, 2, 6, 18, true)]
    [InlineData(9, 2, 7, 18, false)]
    [InlineData(14, 13, 0, 27, true)]
    [InlineData(13, 13, 1, 27, false)]
    [InlineData(0, 0, 0, 0, false)]
    public void Result_is_adopted_only_by_more_than_half_of_the_voting_members_present_KZRU_17(int yes, int no, int abstain, int present, bool adopted)
    {
        var ballot = WithVotes(yes, no, abstain);
        var result = ballot.Close(Guid.NewGuid(), T0.AddMinutes(5), present, Profiles.Kzru.Voting);
        Assert.Equal(adopted, result.Adopted);
        Assert.Equal(adopted, ballot.Adopted);
        Assert.Equal(yes, ballot.ForCount);
        Assert.Equal(BallotState.Closed, ballot.State);
    }

    [Fact]
    public void Tie_is_not_adopted_KZRU_17()
    {
        var ballot = WithVotes(9, 9, 0);
        var result = ballot.Close(Guid.NewGuid(), T0, 18, Profiles.Kzru.Voting);
        Assert.True(result.IsTie);
        Assert.False(result.Adopted);
    }

    [Fact]
    public void Member_may_change_the_vote_until_close_and_it_counts_once()
    {
        var ballot = Open();
        var member = Guid.NewGuid();
        ballot.Cast(Guid.NewGuid(), member, VoteChoice.Against, T0, null);
        var vote = ballot.Cast(Guid.NewGuid(), member, VoteChoice.For, T0.AddSeconds(10), null);
        Assert.Single(ballot.Votes);
        Assert.Equal(VoteChoice.For, vote.Choice);
        Assert.Equal(1, vote.Changes);
        Assert.Equal(new VoteCount(1, 0, 0), ballot.Tally());
    }

    [Fact]
    public void Vote_after_close_is_refused_and_the_result_does_not_change_KZRU_17()
    {
        var ballot = WithVotes(10, 0, 0);
        ballot.Close(Guid.NewGuid(), T0, 18, Profiles.Kzru.Voting);
        var ex = Assert.Throws<RuleViolationException>(() => ballot.Cast(Guid.NewGuid(), Guid.NewGuid(), VoteChoice.Against, T0.AddMinutes(1), null));
        Assert.Equal("KZRU-17", ex.RuleId);
        Assert.Equal(10, ballot.ForCount);
        Assert.Equal(0, ballot.AgainstCount);
        Assert.True(ballot.Adopted);
    }

    [Fact]
    public void Text_voted_on_is_frozen_with_its_hash()
    {
        var ballot = Open();
        Assert.Equal(Ballot.HashText("Шешім мәтіні", "Текст решения"), ballot.TextHash);
        Assert.NotEqual(Ballot.HashText("Шешім мәтіні", "Текст решения."), ballot.TextHash);
        Assert.NotEqual(Ballot.HashText("Текст решения", "Шешім мәтіні"), ballot.TextHash);
    }

    [Fact]
    public void Closing_twice_is_refused()
    {
        var ballot = WithVotes(1, 0, 0);
        ballot.Close(Guid.NewGuid(), T0, 1, Profiles.Kzru.Voting);
        Assert.Throws<RuleViolationException>(() => ballot.Close(Guid.NewGuid(), T0, 1, Profiles.Kzru.Voting));
    }

    [Fact]
    public void Vote_recorded_by_the_secretary_is_marked_in_the_roll_call()
    {
        var ballot = Open();
        var secretary = Guid.NewGuid();
        var vote = ballot.Cast(Guid.NewGuid(), Guid.NewGuid(), VoteChoice.Abstain, T0, secretary);
        Assert.Equal(secretary, vote.RecordedByMembershipId);
    }
}
