using IntergovCommission.Domain.Decisions;
using IntergovCommission.Web.Features.Decisions;
using IntergovCommission.Web.Features.Materials;
using MediatR;

namespace IntergovCommission.Web.Infrastructure.Api;

/// <summary>Bodies of the decision endpoints: the hash the signer was shown and the re-confirmation.</summary>
public static class DecisionApiBodies
{
    /// <param name="ContentHash">The content hash the signer read (GET /decisions/{id}); a signature binds to it.</param>
    /// <param name="Confirmation">The signer's password, or the authenticator code when two-factor sign-in is on (never stored).</param>
    public sealed record SignBody(string? ContentHash, string? Confirmation) : IIdempotencyFingerprint
    {
        public object Fingerprint => new { ContentHash };
    }

    public sealed record CorrectionBody(string? TitleKk, string? TitleRu, string? TextKk, string? TextRu, string? Reason);

    public sealed record VerifyHashBody(string? Sha256);

    public sealed record ReferralBody(string? Task, DateOnly? Deadline, IReadOnlyList<Guid>? MemberIds);

    public sealed record GroupProposalBody(Guid? TargetSessionId, string? ProposalKk, string? ProposalRu, string? DraftDecisionKk, string? DraftDecisionRu);
}

/// <summary>
/// /api/v1 endpoints for decisions (read, send for signature, sign, approve, correct, PDF), their public
/// verification by hash or by file, and session materials (upload, list, download): the pages' use cases.
/// </summary>
public static class DecisionEndpoints
{
    public static void MapDecisionApi(this RouteGroupBuilder api)
    {
        var decisions = api.MapGroup("/decisions").WithTags("Decisions");
        decisions.MapGet("/mine", (IMediator m, CancellationToken ct) => m.Send(new ListMyDecisions.Query(), ct))
            .WithName("MyDecisions").WithSummary("Decisions awaiting my signature or approval, and recent decisions of my commissions.");
        api.MapGet("/sessions/{sessionId:guid}/decisions", (Guid sessionId, IMediator m, CancellationToken ct) => m.Send(new ListSessionDecisions.Query(sessionId), ct))
            .WithTags("Decisions").WithName("SessionDecisions").WithSummary("The decisions made at a session (current versions).");
        decisions.MapGet("/{decisionId:guid}", (Guid decisionId, IMediator m, CancellationToken ct) => m.Send(new GetDecision.Query(decisionId), ct))
            .WithName("GetDecision").WithSummary("A decision: both texts, route, signatures and awaited signers, roll call, dissenting opinions, versions.");
        decisions.MapPost("/{decisionId:guid}/start-signing", async (Guid decisionId, IMediator m, CancellationToken ct) =>
                Results.Ok(new { decisionId, contentHash = await m.Send(new StartSigning.Command(decisionId), ct) }))
            .WithName("StartSigning").WithSummary("A secretary sends the decision for signature: the content hash is fixed and the route chosen by kind (KZRU-18, KZRU-21).");
        decisions.MapPost("/{decisionId:guid}/signatures", (Guid decisionId, DecisionApiBodies.SignBody body, IMediator m, CancellationToken ct) =>
                SignAsync(m, decisionId, SignatureKind.Sign, body, ct))
            .AddEndpointFilter<IdempotencyFilter>()
            .WithName("SignDecision").WithSummary("Sign the content hash after re-confirming with your password or authenticator code (KZRU-18/21). Signing twice changes nothing. Send an Idempotency-Key.");
        decisions.MapPost("/{decisionId:guid}/approvals", (Guid decisionId, DecisionApiBodies.SignBody body, IMediator m, CancellationToken ct) =>
                SignAsync(m, decisionId, SignatureKind.Approve, body, ct))
            .AddEndpointFilter<IdempotencyFilter>()
            .WithName("ApproveDecision").WithSummary("A co-chair approves after every signature (KZRU-04, KZRU-18); the last approval issues the signed PDF. Send an Idempotency-Key.");
        decisions.MapPost("/{decisionId:guid}/corrections", async (Guid decisionId, DecisionApiBodies.CorrectionBody body, IMediator m, CancellationToken ct) =>
            {
                var id = await m.Send(new CorrectDecision.Command
                {
                    DecisionId = decisionId, TitleKk = body.TitleKk, TitleRu = body.TitleRu, TextKk = body.TextKk, TextRu = body.TextRu, Reason = body.Reason,
                }, ct);
                return Results.Created($"/api/v1/decisions/{id}", new { id });
            })
            .WithName("CorrectDecision").WithSummary("A secretary corrects the wording: a new version whose route starts again; the old one is kept (KZRU-18, KZRU-22).");
        decisions.MapGet("/{decisionId:guid}/pdf", async (Guid decisionId, IMediator m, CancellationToken ct) =>
            {
                var pdf = await m.Send(new GetDecisionPdf.Query(decisionId), ct);
                return Results.File(pdf.Content, "application/pdf", pdf.FileName);
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithName("DecisionPdf").WithSummary("The issued PDF, byte for byte as issued (signed by the server's certificate).");

        // Verification is public, as the QR code's page is.
        var verify = api.MapGroup("/verify").WithTags("Verification").AllowAnonymous();
        verify.MapGet("/decisions/{decisionId:guid}", (Guid decisionId, IMediator m, CancellationToken ct) => m.Send(new VerifyDecision.Query(decisionId), ct))
            .WithName("VerifyDecision").WithSummary("Public facts of a decision: number, date, status, content hash, signers (the text only for the commission's people).");
        verify.MapPost("/hash", (DecisionApiBodies.VerifyHashBody body, IMediator m, CancellationToken ct) => m.Send(new CheckDecisionDocument.Query(null, null, body.Sha256), ct))
            .WithName("VerifyByHash").WithSummary("Is there an issued decision whose PDF has this SHA-256?");
        verify.MapPost("/document", async (HttpRequest request, Guid? decisionId, IMediator m, CancellationToken ct) =>
            {
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, ct);
                if (buffer.Length > CheckDecisionDocument.MaxBytes)
                {
                    return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large to be an issued decision.");
                }

                return Results.Ok(await m.Send(new CheckDecisionDocument.Query(decisionId, buffer.ToArray(), null), ct));
            })
            .Accepts<byte[]>("application/pdf")
            .WithName("VerifyDocument").WithSummary("Send the PDF bytes (Content-Type: application/pdf): is it exactly an issued decision (optionally: this decision)?");

        var documents = api.MapGroup("/sessions/{sessionId:guid}").WithTags("Documents");
        documents.MapGet("/agenda.pdf", async (Guid sessionId, IMediator m, CancellationToken ct) =>
                PdfResult(await m.Send(new Features.Documents.GetAgendaPdf.Query(sessionId), ct)))
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithName("AgendaPdf").WithSummary("The agenda approved by both co-chairs, as a bilingual PDF (KZRU-11).");
        documents.MapGet("/minutes.pdf", async (Guid sessionId, IMediator m, CancellationToken ct) =>
                PdfResult(await m.Send(new Features.Documents.GetMinutesPdf.Query(sessionId), ct)))
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithName("MinutesPdf").WithSummary("The minutes of a session in progress or held: attendance, quorum, items, votes, decisions, dissent.");

        // Items that do not end in a decision: referred to an expert group (KZRU-20) or deferred (KZRU-11).
        var carryOver = api.MapGroup("/sessions/{sessionId:guid}/items/{itemId:guid}").WithTags("Agenda carry-over");
        carryOver.MapPost("/referral", async (Guid sessionId, Guid itemId, DecisionApiBodies.ReferralBody body, IMediator m, CancellationToken ct) =>
            {
                var id = await m.Send(new Features.Live.ReferToExpertGroup.Command
                {
                    SessionId = sessionId, AgendaItemId = itemId, Task = body.Task, Deadline = body.Deadline, MemberIds = body.MemberIds?.ToList() ?? [],
                }, ct);
                return Results.Created($"/api/v1/referrals/{id}", new { id });
            })
            .AddEndpointFilter<IdempotencyFilter>()
            .WithName("ReferToExpertGroup").WithSummary("A presiding co-chair refers the item to an expert group: members, task, deadline (KZRU-20).");
        carryOver.MapPost("/deferral", async (Guid sessionId, Guid itemId, IMediator m, CancellationToken ct) =>
                Results.Ok(await m.Send(new Features.Agenda.DeferAgendaItem.Command { SessionId = sessionId, AgendaItemId = itemId }, ct)))
            .WithName("DeferItem").WithSummary("The presiding co-chair or a secretary defers an item not reached to the next session's draft agenda (KZRU-11).");
        var referrals = api.MapGroup("/referrals/{referralId:guid}").WithTags("Agenda carry-over");
        referrals.MapGet("/", (Guid referralId, IMediator m, CancellationToken ct) => m.Send(new Features.Agenda.GetReferral.Query(referralId), ct))
            .WithName("GetReferral").WithSummary("An expert-group referral: the item, the group, the task and deadline, and where its proposal went.");
        referrals.MapPost("/proposal", async (Guid referralId, DecisionApiBodies.GroupProposalBody body, IMediator m, CancellationToken ct) =>
            {
                var itemId = await m.Send(new Features.Agenda.ReturnFromExpertGroup.Command
                {
                    ReferralId = referralId, TargetSessionId = body.TargetSessionId, ProposalKk = body.ProposalKk, ProposalRu = body.ProposalRu,
                    DraftDecisionKk = body.DraftDecisionKk, DraftDecisionRu = body.DraftDecisionRu,
                }, ct);
                return Results.Created($"/api/v1/sessions/{body.TargetSessionId}", new { agendaItemId = itemId });
            })
            .WithName("ReturnFromExpertGroup").WithSummary("A secretary or co-chair records the group's proposal onto a later session's draft agenda (KZRU-20).");

        var materials = api.MapGroup("/sessions/{sessionId:guid}").WithTags("Materials");
        materials.MapGet("/materials", (Guid sessionId, IMediator m, CancellationToken ct) => m.Send(new GetSessionPack.Query(sessionId), ct))
            .WithName("SessionMaterials").WithSummary("The session pack: every material of every item, with versions and SHA-256 (KZRU-13).");
        materials.MapGet("/pack.zip", async (Guid sessionId, IMediator m, CancellationToken ct) =>
            {
                // As the page does: written to a temporary file one material at a time, streamed, deleted when the response ends.
                var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                try
                {
                    var name = await m.Send(new WriteSessionPackZip.Query(sessionId, temp), ct);
                    temp.Position = 0;
                    return Results.File(temp, "application/zip", name);
                }
                catch
                {
                    await temp.DisposeAsync();
                    throw;
                }
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .WithName("SessionPackZip").WithSummary("The whole session pack as one ZIP: an index of the agenda and every material, one folder per item (KZRU-11, KZRU-13).");
        materials.MapPost("/items/{itemId:guid}/materials", async (Guid sessionId, Guid itemId, IFormFile file, [Microsoft.AspNetCore.Mvc.FromForm] string? title,
                [Microsoft.AspNetCore.Mvc.FromForm] Guid? submittedByPersonId, IMediator m, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                var result = await m.Send(new UploadMaterial.Command
                {
                    SessionId = sessionId, ItemId = itemId, Title = title, SubmittedByPersonId = submittedByPersonId, FileName = file.FileName, Content = content,
                }, ct);
                return Results.Created($"/api/v1/sessions/{sessionId}/materials/{result.MaterialId}", result);
            })
            .DisableAntiforgery()
            .AddEndpointFilter<IdempotencyFilter>()
            .WithName("UploadMaterial").WithSummary("Upload a material for an agenda item as multipart/form-data (file, title, submittedByPersonId); type judged by content (KZRU-13). Send an Idempotency-Key.");
        materials.MapGet("/materials/{materialId:guid}", async (Guid sessionId, Guid materialId, IMediator m, CancellationToken ct) =>
            {
                var file = await m.Send(new DownloadMaterial.Query(sessionId, materialId), ct);
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .WithName("DownloadMaterial").WithSummary("Download one material's file.");
    }

    private static IResult PdfResult(Features.Documents.PdfFile file) => Results.File(file.Content, Features.Documents.PdfFile.ContentType, file.FileName);

    private static async Task<IResult> SignAsync(IMediator m, Guid decisionId, SignatureKind kind, DecisionApiBodies.SignBody body, CancellationToken ct)
    {
        var result = await m.Send(new SignDecision.Command { DecisionId = decisionId, Kind = kind, ContentHash = body.ContentHash, Confirmation = body.Confirmation }, ct);
        return Results.Ok(new { decisionId, recorded = result.Recorded, state = result.State });
    }
}
