using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Commissions;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests;

public sealed class RosterSmokeTests
{
    [Fact]
    public async Task Demo_roster_has_27_voting_members_and_a_quorum_of_18()
    {
        await using var app = await TestApp.CreateAsync();
        var commissionId = await app.QueryAsync(db => db.Commissions.Select(c => c.Id).SingleAsync());
        var roster = await app.SendAsAsync("kz.member", new GetRoster.Query(commissionId));
        Assert.Equal(27, roster.VotingMembers);
        Assert.Equal(18, roster.QuorumRequired);
    }
}
