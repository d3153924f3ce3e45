using IntergovCommission.Web.Features.Records;
using MediatR;

namespace IntergovCommission.Web.Infrastructure.Api;

/// <summary>Bodies of the records endpoints.</summary>
public static class RecordsApiBodies
{
    /// <param name="CompletedOn">The date the flight tests were completed.</param>
    /// <param name="Act">The act that states it: authority, number, date.</param>
    public sealed record CompletionBody(DateOnly? CompletedOn, string? Act);

    /// <param name="DecisionId">The commission's issued decision that sets the term.</param>
    /// <param name="KeepUntil">The last day the records are kept.</param>
    /// <param name="Act">The decision's wording of the term.</param>
    public sealed record TermDecisionBody(Guid DecisionId, DateOnly? KeepUntil, string? Act);

    public sealed record KeptUntil(DateOnly KeepUntil);

    /// <param name="From">First day of the period (sessions that started in it).</param>
    /// <param name="To">Last day of the period.</param>
    public sealed record PeriodBody(DateOnly? From, DateOnly? To);

    /// <param name="From">First day of the period.</param>
    /// <param name="To">Last day of the period.</param>
    /// <param name="ByDecision">The decision that orders the disposal.</param>
    /// <param name="ArchiveSha256">SHA-256 of the archive made before it (the X-Archive-Sha256 header of the archive export).</param>
    public sealed record DisposalBody(DateOnly? From, DateOnly? To, string? ByDecision, string? ArchiveSha256);

    public sealed record Recorded(Guid Id);
}

/// <summary>/api/v1/commissions/{id}/retention: how long the commission's records are kept (KZRU-22) and its basis, recorded by a secretary.</summary>
public static class RecordsEndpoints
{
    public static void MapRecordsApi(this RouteGroupBuilder api)
    {
        var retention = api.MapGroup("/commissions/{commissionId:guid}/retention").WithTags("Records");
        retention.MapGet("/", (Guid commissionId, IMediator m, CancellationToken ct) => m.Send(new GetRecordRetention.Query(commissionId), ct))
            .WithName("GetRecordRetention")
            .WithSummary("KZRU-22: the last day the commission's records are kept (null while the flight tests' completion is not recorded) and its basis: anyone who reads the commission's records.");
        retention.MapPost("/completion", async (Guid commissionId, RecordsApiBodies.CompletionBody body, IMediator m, CancellationToken ct) =>
                new RecordsApiBodies.KeptUntil(await m.Send(new RecordFlightTestsCompletion.Command { CommissionId = commissionId, CompletedOn = body.CompletedOn, Act = body.Act }, ct)))
            .WithName("RecordFlightTestsCompletion")
            .WithSummary("KZRU-22: a secretary records the date the flight tests were completed, with the act; the records are kept that many years after it (the profile's rule).");
        retention.MapPost("/term-decision", async (Guid commissionId, RecordsApiBodies.TermDecisionBody body, IMediator m, CancellationToken ct) =>
                new RecordsApiBodies.KeptUntil(await m.Send(new SetRetentionTermByDecision.Command { CommissionId = commissionId, DecisionId = body.DecisionId, KeepUntil = body.KeepUntil, Act = body.Act }, ct)))
            .WithName("SetRetentionTermByDecision")
            .WithSummary("KZRU-22: a secretary records another term set by an issued decision of the commission; it becomes the term in force.");
        var commission = api.MapGroup("/commissions/{commissionId:guid}").WithTags("Records");
        commission.MapPost("/archive", async (Guid commissionId, RecordsApiBodies.PeriodBody body, HttpResponse response, IMediator m, CancellationToken ct) =>
            {
                var archive = await m.Send(new ExportRecordsArchive.Query(commissionId, body.From, body.To), ct);
                response.Headers["X-Archive-Sha256"] = archive.Sha256;
                return Results.File(archive.Zip, "application/zip", archive.FileName);
            })
            .WithName("ExportRecordsArchive")
            .WithSummary("KZRU-22: a ZIP of the period's records (issued decision PDFs, minutes, materials) with manifest.json (SHA-256 of each file), manifest.json.sig (signed by the document certificate) and the certificate; a secretary or an administrator; audited.");
        commission.MapPost("/disposal-acts", async (Guid commissionId, RecordsApiBodies.DisposalBody body, IMediator m, CancellationToken ct) =>
                new RecordsApiBodies.Recorded(await m.Send(new RecordDisposalAct.Command { CommissionId = commissionId, From = body.From, To = body.To, ByDecision = body.ByDecision, ArchiveSha256 = body.ArchiveSha256 }, ct)))
            .WithName("RecordDisposalAct")
            .WithSummary("KZRU-22: a secretary records the disposal of the period's records after their term; refused (422, rule KZRU-22) while any is within it.");
    }
}
