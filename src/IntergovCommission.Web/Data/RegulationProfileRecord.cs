using System.Text.Json;
using System.Text.Json.Serialization;
using IntergovCommission.Domain.Regulation;

namespace IntergovCommission.Web.Data;

/// <summary>A stored, versioned regulation profile: the document is the profile as JSON.</summary>
public sealed class RegulationProfileRecord
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    private RegulationProfileRecord() { Code = string.Empty; Document = "{}"; }

    public RegulationProfileRecord(Guid id, RegulationProfile profile, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Id = id;
        Code = profile.Code;
        ProfileVersion = profile.Version;
        Document = JsonSerializer.Serialize(profile, Json);
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; }
    public int ProfileVersion { get; private set; }
    public string Document { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public RegulationProfile ToProfile()
    {
        var profile = JsonSerializer.Deserialize<RegulationProfile>(Document, Json)
            ?? throw new InvalidOperationException($"Profile {Code} v{ProfileVersion} is empty.");
        if (profile.Capabilities.Count == 0 && Profiles.ByCode(Code) is { } shipped && shipped.Version == ProfileVersion)
        {
            // A document stored before "who may act" was written into profiles (it was code then, the same table):
            // the shipped document of the same code and version supplies it.
            profile = profile with { Capabilities = shipped.Capabilities, Roles = shipped.Roles };
        }
        else if (Profiles.ByCode(Code) is { } current && current.Version == ProfileVersion
            && current.Capabilities.Select(g => g.Capability).Except(profile.Capabilities.Select(g => g.Capability)).ToList() is { Count: > 0 } added)
        {
            // A capability the product gained after this document was stored (e.g. the treaty register, WF-07): its
            // grants come from the shipped document of the same code and version; what the stored document says stays.
            profile = profile with { Capabilities = [.. profile.Capabilities, .. current.Capabilities.Where(g => added.Contains(g.Capability))] };
        }

        if (Profiles.ByCode(Code) is { } source && source.Version == ProfileVersion)
        {
            profile = WithParticipation(profile, source);
        }

        ProfileSchema.Validate(profile);
        return profile;
    }

    /// <summary>
    /// A document stored before participation, document role names and the conduct rules were profile data (KZRU-14/15,
    /// CIS-02/07 were code then): the shipped document of the same code and version supplies what it lacks; what the
    /// stored document says stays.
    /// </summary>
    private static RegulationProfile WithParticipation(RegulationProfile stored, RegulationProfile shipped)
    {
        var roles = stored.Roles.Select(r => shipped.RoleOf(r.Role) is { } s
            ? r with { Participation = r.Participation ?? s.Participation, DocumentName = r.DocumentName ?? s.DocumentName }
            : r).ToList();
        return stored with { Roles = roles, Conduct = stored.Conduct ?? shipped.Conduct };
    }
}
