using IntergovCommission.Domain.Decisions;
using IntergovCommission.Web.Features.Decisions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Decisions;

/// <summary>One decision: its text side by side, the route, who has signed and who is awaited; sign, approve, send for signature, download.</summary>
public sealed class DetailsModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty]
    public SignDecision.Command Data { get; set; } = new();

    public GetDecision.Result Decision { get; private set; } = null!;

    /// <summary>KZRU-22: until when the commission's records, this decision included, are kept.</summary>
    public Features.Records.GetRecordRetention.Result? Retention { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Data.DecisionId = id;
        await ReloadAsync(ct);
    }

    public async Task<IActionResult> OnPostSignAsync(Guid id, string? returnTo, CancellationToken ct)
    {
        Data.DecisionId = id;
        var result = await mediator.Send(Data, ct);
        TempData["Notice"] = text[result.Recorded
            ? result.State == DecisionState.Issued ? "Decisions.Done.Issued" : Data.Kind == SignatureKind.Approve ? "Decisions.Done.Approved" : "Decisions.Done.Signed"
            : "Decisions.Done.Already"].Value;
        return Redirect(returnTo == "/Decisions" ? "/Decisions" : $"/Decisions/Details/{id}");
    }

    public async Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct)
    {
        Data.DecisionId = id;
        await mediator.Send(new StartSigning.Command(id), ct);
        TempData["Notice"] = text["Decisions.Done.Started"].Value;
        return Redirect($"/Decisions/Details/{id}");
    }

    /// <summary>CIS-12: the secretariat records that the issued decision was sent to every member.</summary>
    [BindProperty]
    public Features.Council.RecordDistribution.Command Distribution { get; set; } = new();

    public async Task<IActionResult> OnPostDistributionAsync(Guid id, CancellationToken ct)
    {
        Data.DecisionId = id;
        Distribution.DecisionId = id;
        await mediator.Send(Distribution, ct);
        TempData["Notice"] = text["Council.Distribution.Saved"].Value;
        return Redirect($"/Decisions/Details/{id}");
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken ct)
    {
        Data.DecisionId = id; // a refusal (not issued yet) shows the decision page with the message
        var pdf = await mediator.Send(new GetDecisionPdf.Query(id), ct);
        return File(pdf.Content, "application/pdf", pdf.FileName);
    }

    /// <summary>Issue 15 item 7: the PDF as it will be issued, marked as a draft, for the people on the signing route.</summary>
    public async Task<IActionResult> OnGetDraftAsync(Guid id, CancellationToken ct)
    {
        Data.DecisionId = id;
        var pdf = await mediator.Send(new GetDecisionDraftPdf.Query(id), ct);
        return File(pdf.Content, "application/pdf", pdf.FileName);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Decision = await mediator.Send(new GetDecision.Query(Data.DecisionId), cancellationToken);
        Retention = await mediator.Send(new Features.Records.GetRecordRetention.Query(Decision.CommissionId), cancellationToken);
        Data.ContentHash = Decision.ContentHash;
        Data.Confirmation = null; // a password is never sent back to the page
    }
}
