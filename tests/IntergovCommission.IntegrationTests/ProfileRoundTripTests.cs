using System.Text.Json;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests;

/// <summary>The KZRU profile stored as a JSON document comes back exactly as shipped.</summary>
public sealed class ProfileRoundTripTests
{
    [Fact]
    public void The_KZRU_profile_round_trips_through_its_JSON_document_unchanged()
    {
        var record = new RegulationProfileRecord(Guid.NewGuid(), Profiles.Kzru, DateTimeOffset.UtcNow);

        var back = record.ToProfile();

        Assert.Equivalent(Profiles.Kzru, back, strict: true);
        Assert.Equal(Profiles.Kzru.Signing.RouteByKind.OrderBy(kv => kv.Key), back.Signing.RouteByKind.OrderBy(kv => kv.Key));
        Assert.Equal(Profiles.Kzru.Name, back.Name);
        Assert.Equal(record.Document, new RegulationProfileRecord(record.Id, back, record.CreatedAt).Document);
        Assert.Equal("KZRU", record.Code);
        Assert.Equal(1, record.ProfileVersion);
    }

    [Fact]
    public void Enums_are_stored_by_name_so_the_document_reads_without_the_code()
    {
        var document = JsonDocument.Parse(new RegulationProfileRecord(Guid.NewGuid(), Profiles.Kzru, DateTimeOffset.UtcNow).Document).RootElement;

        Assert.Equal("VotingMembersPresent", document.GetProperty("voting").GetProperty("majorityBase").GetString());
        Assert.Equal("Full", document.GetProperty("signing").GetProperty("routeByKind").GetProperty("ComplexOperation").GetString());
        Assert.Equal("KZRU-16", document.GetProperty("quorum").GetProperty("rule").GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_profile_stored_in_PostgreSQL_jsonb_comes_back_unchanged()
    {
        await using var app = await TestApp.CreateAsync(seedDemo: false);

        var stored = await app.QueryAsync(db => db.RegulationProfiles.AsNoTracking().SingleAsync(p => p.Code == "KZRU" && p.ProfileVersion == 1));

        Assert.Equivalent(Profiles.Kzru, stored.ToProfile(), strict: true);
    }
}
