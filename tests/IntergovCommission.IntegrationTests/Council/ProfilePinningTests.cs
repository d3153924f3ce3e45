using IntergovCommission.Domain.Regulation;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntergovCommission.IntegrationTests.Council;

/// <summary>A session pins the profile version it started under: a newer version of the commission's profile does not change its rules midway.</summary>
public sealed class ProfilePinningTests
{
    [Fact]
    public async Task A_started_session_keeps_the_profile_version_it_started_under()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, _) = await LiveScenario.StartedSessionAsync(app);
        var before = await app.SendAsAsync("kz.secretary", new GetLiveSession.Query(sessionId));

        // A version 2 of the profile with a quorum of every member; the commission moves to it.
        var stricter = Profiles.Kzru with { Version = 2, Quorum = Profiles.Kzru.Quorum with { Numerator = 1, Denominator = 1 } };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommissionDbContext>();
            var record = new RegulationProfileRecord(Guid.CreateVersion7(), stricter, DateTimeOffset.UtcNow);
            db.RegulationProfiles.Add(record);
            var commission = await db.Commissions.SingleAsync();
            commission.ChangeProfile(record.Id);
            await db.SaveChangesAsync();
        }

        var after = await app.SendAsAsync("kz.secretary", new GetLiveSession.Query(sessionId));
        Assert.Equal(before.Quorum.Required, after.Quorum.Required);
        Assert.True(after.Quorum.Required < after.Quorum.Total);

        // A session that starts now runs under version 2.
        var (next, _) = await LiveScenario.StartedSessionAsync(app);
        var nextLive = await app.SendAsAsync("kz.secretary", new GetLiveSession.Query(next));
        Assert.Equal(nextLive.Quorum.Total, nextLive.Quorum.Required);
    }
}
