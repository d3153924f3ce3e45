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
    }
}
