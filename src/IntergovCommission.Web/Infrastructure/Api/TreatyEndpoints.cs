using IntergovCommission.Domain.Approvals;
using IntergovCommission.Domain.Execution;
using IntergovCommission.Domain.Treaties;
using IntergovCommission.Web.Features.Circulation;
using IntergovCommission.Web.Features.Execution;
using IntergovCommission.Web.Features.Treaties;
using MediatR;

namespace IntergovCommission.Web.Infrastructure.Api;

/// <summary>Bodies of the treaty register, treaty report and circulation endpoints.</summary>
public static class TreatyApiBodies
{
    /// <param name="ReportingSideId">The side whose secretariat writes the annual report (for KZRU the Kazakh side).</param>
    /// <param name="Version">The version read with GET (required to correct a treaty).</param>
    public sealed record TreatyBody(Guid ReportingSideId, string? NameRu, string? NameKk, DateOnly? ConcludedOn, string? SigningActs, DateOnly? InForceOn, string? InForceActs,
        string? Validity, string? ResponsibleBodies, string? Subject, uint? Version);

    /// <param name="Measures">Field (9) in words: measures taken, the other party's performance (the figures are the system's).</param>
    /// <param name="Problems">Field (10).</param>
    /// <param name="Proposal">Field (12): Continue, Suspend, Terminate, Extend or Other (then ProposalText).</param>
    /// <param name="Version">The report's version read with GET (null when none was written yet).</param>
    public sealed record TreatyReportBody(string? Measures, string? Problems, TreatyProposal? Proposal, string? ProposalText, uint? Version);

    /// <param name="Answer">Agreed, AgreedWithRemarks or Disagreed (remarks and objections with their text).</param>
    /// <param name="ReceivedOn">The day the written answer came in (default today on the side's clock).</param>
    public sealed record CirculationAnswerBody(ApprovalStanding? Answer, string? Text, DateOnly? ReceivedOn, uint? Version);
}

/// <summary>
/// /api/v1: the treaty register and the annual treaty-execution report (WF-07), drafts circulated for approval (WF-04), the fixed report
/// dates (WF-05, WF-07).
/// </summary>
public static class TreatyEndpoints
{
    public static void MapTreatyApi(this RouteGroupBuilder api)
    {
        var register = api.MapGroup("/commissions/{commissionId:guid}/treaties").WithTags("Treaties");
        register.MapGet("/", (Guid commissionId, IMediator m, CancellationToken ct) => m.Send(new ListTreaties.Query(commissionId), ct))
            .WithName("ListTreaties").WithSummary("The register of treaties the commission serves (WF-07, fields (1)-(8)), the year whose report is due and its deadline (10 January).");
        register.MapPost("/", async (Guid commissionId, TreatyApiBodies.TreatyBody body, IMediator m, CancellationToken ct) =>
            {
                var result = await m.Send(ToCommand(commissionId, null, body), ct);
                return Results.Created($"/api/v1/treaties/{result.TreatyId}/reports/{TreatyReportRules.CurrentReportYear(DateOnly.FromDateTime(DateTime.UtcNow))}", result);
            })
            .AddEndpointFilter<IdempotencyFilter>()
            .WithName("AddTreaty").WithSummary("A secretary enters a treaty into the register: fields (1)-(8) and the reporting side. Send an Idempotency-Key.");

        var treaties = api.MapGroup("/treaties").WithTags("Treaties");
        treaties.MapPut("/{treatyId:guid}", (Guid treatyId, TreatyApiBodies.TreatyBody body, IMediator m, CancellationToken ct) =>
                m.Send(ToCommand(Guid.Empty, treatyId, body), ct))
            .WithName("CorrectTreaty").WithSummary("A secretary corrects fields (1)-(8) of a treaty, naming the version read (someone else's change first: 409).");
        treaties.MapGet("/{treatyId:guid}/reports/{year:int}", (Guid treatyId, int year, IMediator m, CancellationToken ct) => m.Send(new GetTreatyReport.Query(treatyId, year), ct))
            .WithName("GetTreatyReport").WithSummary("The drafted annual report on a treaty (WF-07): fields (1)-(8), field (9)'s figures from the year's record (sessions, decisions by kind, assignments by side), fields (9)-(10) and (12) as written, the deadline, canWrite.");
        treaties.MapPut("/{treatyId:guid}/reports/{year:int}", (Guid treatyId, int year, TreatyApiBodies.TreatyReportBody body, IMediator m, CancellationToken ct) =>
                m.Send(new SaveTreatyReport.Command
                {
                    TreatyId = treatyId, Year = year, Measures = body.Measures, Problems = body.Problems, Proposal = body.Proposal, ProposalText = body.ProposalText, Version = body.Version,
                }, ct))
            .WithName("WriteTreatyReport").WithSummary("The secretariat of the reporting side (KZRU: the Kazakh side) writes fields (9) in words, (10) and (12); the other side is refused (WF-07). Field (11) is the Ministry of Foreign Affairs'.");
        treaties.MapGet("/{treatyId:guid}/reports/{year:int}/report.pdf", async (Guid treatyId, int year, IMediator m, CancellationToken ct) =>
            {
                var file = await m.Send(new GetTreatyReportFile.Query(treatyId, year, TreatyReportFormat.Pdf), ct);
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithName("TreatyReportPdf").WithSummary("The annual treaty report (annex 1 form, fields (1)-(12)) as a Kazakh and Russian PDF.");
        treaties.MapGet("/{treatyId:guid}/reports/{year:int}/report.docx", async (Guid treatyId, int year, IMediator m, CancellationToken ct) =>
            {
                var file = await m.Send(new GetTreatyReportFile.Query(treatyId, year, TreatyReportFormat.Docx), ct);
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .Produces(StatusCodes.Status200OK, contentType: TreatyReportFile.DocxType)
            .WithName("TreatyReportDocx").WithSummary("The same report as an editable Word document (DOCX).");

        var circulations = api.MapGroup("/commissions/{commissionId:guid}/circulations").WithTags("Circulation");
        circulations.MapGet("/", (Guid commissionId, IMediator m, CancellationToken ct) => m.Send(new GetCirculations.Query(commissionId), ct))
            .WithName("ListCirculations").WithSummary("Drafts sent round for approval (WF-04) with the term (2 working days on the responsible side's calendar) and each body's outcome today: its answer, awaited, or deemed agreed without remarks once the term has passed (derived, not stored).");
        circulations.MapPost("/", async (Guid commissionId, StartCirculation.Command command, IMediator m, CancellationToken ct) =>
            {
                command.CommissionId = commissionId;
                var result = await m.Send(command, ct);
                return Results.Created($"/api/v1/circulations/{result.CirculationId}", result);
            })
            .AddEndpointFilter<IdempotencyFilter>()
            .WithName("StartCirculation").WithSummary("The secretariat of the responsible side records a draft sent round to bodies (sentOn: the day they received it; not in the future); the term is computed (WF-04). Send an Idempotency-Key.");
        var circulation = api.MapGroup("/circulations").WithTags("Circulation");
        circulation.MapGet("/{circulationId:guid}", (Guid circulationId, IMediator m, CancellationToken ct) => m.Send(new GetCirculation.Query(circulationId), ct))
            .WithName("GetCirculation").WithSummary("One circulated draft with each body's outcome today and canAnswer.");
        circulation.MapPost("/{circulationId:guid}/bodies/{bodyId:guid}/answer", async (Guid circulationId, Guid bodyId, TreatyApiBodies.CirculationAnswerBody body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new RecordCirculationAnswer.Command
                {
                    CirculationId = circulationId, BodyId = bodyId, Answer = body.Answer, Text = body.Text, ReceivedOn = body.ReceivedOn, Version = body.Version,
                }, ct);
                return Results.NoContent();
            })
            .WithName("RecordCirculationAnswer").WithSummary("Record a body's written answer and the day it came in; one that came after the term is refused (the body is deemed to agree, WF-04), as is a second answer.");

        api.MapGet("/commissions/{commissionId:guid}/report-dates", (Guid commissionId, IMediator m, CancellationToken ct) => m.Send(new GetReportDates.Query(commissionId), ct))
            .WithTags("Assignments")
            .WithName("ReportDates").WithSummary("The fixed report dates ahead (WF-05: 15 June, 15 December, 10 January; WF-07: 10 January where treaties are registered) with the period each covers and the working days left per side.");
    }

    private static SaveTreaty.Command ToCommand(Guid commissionId, Guid? treatyId, TreatyApiBodies.TreatyBody body) => new()
    {
        TreatyId = treatyId,
        CommissionId = commissionId,
        ReportingSideId = body.ReportingSideId,
        NameRu = body.NameRu,
        NameKk = body.NameKk,
        ConcludedOn = body.ConcludedOn,
        SigningActs = body.SigningActs,
        InForceOn = body.InForceOn,
        InForceActs = body.InForceActs,
        Validity = body.Validity,
        ResponsibleBodies = body.ResponsibleBodies,
        Subject = body.Subject,
        Version = body.Version,
    };
}
