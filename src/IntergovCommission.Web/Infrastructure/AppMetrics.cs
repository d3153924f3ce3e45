using System.Diagnostics.Metrics;

namespace IntergovCommission.Web.Infrastructure;

/// <summary>
/// The app's own metrics (meter "IntergovCommission"), exported at /metrics with the request
/// durations (ASP.NET Core), the database pool (Npgsql) and hub connections when Metrics:Enabled
/// (docs/operations.md).
/// </summary>
public static class AppMetrics
{
    public const string MeterName = "IntergovCommission";
    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> VotesCast = Meter.CreateCounter<long>("intergov.votes.cast", unit: "{vote}", description: "Votes cast or changed (committed)");
    public static readonly UpDownCounter<long> HubConnections = Meter.CreateUpDownCounter<long>("intergov.hub.connections", unit: "{connection}", description: "Open live-session hub connections on this instance");
    public static readonly Counter<long> DocumentsIssued = Meter.CreateCounter<long>("intergov.documents.issued", unit: "{document}", description: "Official documents issued (signed decisions)");
    public static readonly Counter<long> FailedSignIns = Meter.CreateCounter<long>("intergov.signin.failed", unit: "{attempt}", description: "Failed sign-in attempts");
}
