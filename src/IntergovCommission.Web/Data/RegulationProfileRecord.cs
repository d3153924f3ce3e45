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

    public RegulationProfile ToProfile() =>
        JsonSerializer.Deserialize<RegulationProfile>(Document, Json)
        ?? throw new InvalidOperationException($"Profile {Code} v{ProfileVersion} is empty.");
}
