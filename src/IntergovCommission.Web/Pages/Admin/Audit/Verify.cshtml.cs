using IntergovCommission.Web.Features.Audit;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.Admin.Audit;

/// <summary>/Admin/Audit/Verify: an administrator checks the audit chain, optionally against a checkpoint they paste.</summary>
public sealed class VerifyModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty]
    public string? Checkpoint { get; set; }

    public GetAuditCheckpoint.Result? Latest { get; private set; }

    public VerifyAuditTrail.Result? Outcome { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => ReloadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        Outcome = await mediator.Send(new VerifyAuditTrail.Query(Checkpoint), ct);
        return Page();
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Latest = await mediator.Send(new GetAuditCheckpoint.Query(), cancellationToken);
}
