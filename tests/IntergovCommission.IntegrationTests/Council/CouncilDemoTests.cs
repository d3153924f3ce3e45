using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Testing;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Council;

/// <summary>The demo (what `dotnet run` gives) has the council beside the KZRU commission: one session held with an issued decision, one in preparation.</summary>
public sealed class CouncilDemoTests
{
    [Fact]
    public async Task The_demo_council_has_a_session_held_with_a_decision_issued_and_one_in_preparation()
    {
        await using var app = await TestApp.CreateAsync(settings: new Dictionary<string, string?> { ["Demo:Council"] = "true", ["Demo:Sessions"] = "true" });
        var council = await app.QueryAsync(db => db.Commissions.Where(c => c.Code == "CIS-IP").Select(c => c.Id).SingleAsync());
        var states = await app.QueryAsync(db => db.Sessions.Where(s => s.CommissionId == council).Select(s => s.State).ToListAsync());
        Assert.Contains(SessionState.Closed, states);
        Assert.Contains(SessionState.Draft, states);
        Assert.Equal(DecisionState.Issued, await app.QueryAsync(db => db.Decisions.Where(d => d.CommissionId == council).Select(d => d.State).SingleAsync()));
        // The KZRU demo stays as it is.
        Assert.Equal(2, await app.QueryAsync(db => db.Commissions.CountAsync()));
        Assert.True(await app.QueryAsync(db => db.Sessions.AnyAsync(s => s.State == SessionState.InProgress && s.CommissionId != council)));
    }
}
