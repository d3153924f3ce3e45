using IntergovCommission.Web.Features.Audit;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;

namespace IntergovCommission.Web.Infrastructure.Api;

/// <summary>Bodies of the audit endpoints.</summary>
public static class AuditApiBodies
{
    /// <param name="Checkpoint">Optional: a checkpoint to hold the chain against (the whole statement, or "length/head" from an issued decision).</param>
    public sealed record VerifyBody(string? Checkpoint);

    /// <param name="CommissionId">One commission's rows (its secretaries may ask); absent: the whole trail (administrators).</param>
    /// <param name="Person">Part of the user name, any case.</param>
    /// <param name="Action">Part of the action (use case) name, any case.</param>
    /// <param name="Entity">An entity type changed by the row, e.g. "Decision".</param>
    /// <param name="From">First UTC day.</param>
    /// <param name="To">Last UTC day.</param>
    /// <param name="Page">Page number from 1 (50 rows a page).</param>
    public sealed record SearchBody(Guid? CommissionId, string? Person, string? Action, string? Entity, DateOnly? From, DateOnly? To, int? Page)
    {
        public ListAuditEntries.Query ToQuery() => new()
        {
            CommissionId = CommissionId,
            Person = Person,
            Action = Action,
            Entity = Entity,
            From = From,
            To = To,
            Page = Page ?? 1,
        };
    }
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
                await m.Send(new GetAuditCheckpoint.Query(), ct) ?? throw new NotFoundException("No checkpoint of the audit chain has been signed yet."))
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetAuditCheckpoint")
            .WithSummary("The latest signed checkpoint of the audit chain: length, head hash, time, signature (RSA/SHA-256 by the document certificate over `text` without its signature line). 404 before the first is signed.");
        audit.MapPost("/search", (AuditApiBodies.SearchBody body, IMediator m, CancellationToken ct) => m.Send(body.ToQuery(), ct))
            .WithName("ListAuditEntries")
            .WithSummary("The audit trail, newest first, 50 a page: the whole trail (an administrator) or one commission's rows (`commissionId`: also its secretaries); filters: part of the user name, part of the action, an entity type changed, UTC dates from/to. Each row's changes field by field. A read: nothing changes.");
        audit.MapPost("/search.csv", async (AuditApiBodies.SearchBody body, IMediator m, CancellationToken ct) =>
                Results.File(await m.Send(new ExportAuditCsv.Query(body.ToQuery()), ct), "text/csv; charset=utf-8", "audit-trail.csv"))
            .WithName("ExportAuditEntriesCsv")
            .WithSummary("The same rows as CSV (UTF-8 with BOM; a cell starting with = + - @ gets a leading apostrophe), up to 100 000 rows. The export is itself audited.");
        audit.MapPost("/verification", (AuditApiBodies.VerifyBody body, IMediator m, CancellationToken ct) =>
                m.Send(new VerifyAuditTrail.Query(body.Checkpoint), ct))
            .WithName("VerifyAuditTrail")
            .WithSummary("An administrator walks the whole audit chain against every kept checkpoint and the one given; the first broken link is named (RowChanged, RowDeleted, RowsCutOff, RowInserted) with its place in the chain.");
    }
}
