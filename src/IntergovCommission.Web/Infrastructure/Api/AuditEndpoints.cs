using IntergovCommission.Web.Features.Audit;
using MediatR;

namespace IntergovCommission.Web.Infrastructure.Api;

/// <summary>Bodies of the audit endpoints.</summary>
public static class AuditApiBodies
{
    /// <param name="Checkpoint">Optional: a checkpoint to hold the chain against (the whole statement, or "length/head" from an issued decision).</param>
    public sealed record VerifyBody(string? Checkpoint);
}

/// <summary>
/// /api/v1/audit: the latest signed checkpoint of the audit chain (any caller; plain text, the form
/// the checkpoint file and --verify-audit read) and the verification of the chain (an administrator).
/// </summary>
public static class AuditEndpoints
{
    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit trail");
        audit.MapGet("/checkpoint", async (IMediator m, CancellationToken ct) =>
                await m.Send(new GetAuditCheckpoint.Query(), ct) is { } checkpoint ? Results.Ok(checkpoint) : Results.NoContent())
            .AllowAnonymous()
            .WithName("GetAuditCheckpoint")
            .WithSummary("The latest signed checkpoint of the audit chain: length, head hash, time, signature (RSA/SHA-256 by the document certificate over `text` without its signature line). 204 when none was signed yet.");
        audit.MapPost("/verification", (AuditApiBodies.VerifyBody body, IMediator m, CancellationToken ct) =>
                m.Send(new VerifyAuditTrail.Query(body.Checkpoint), ct))
            .WithName("VerifyAuditTrail")
            .WithSummary("An administrator walks the whole audit chain against every kept checkpoint and the one given; the first broken link is named (RowChanged, RowDeleted, RowsCutOff, RowInserted) with its place in the chain.");
    }
}
