using IntergovCommission.Web.Features.Decisions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Verify;

/// <summary>
/// The public verification page of a decision (the QR code points here; no sign-in): number, date,
/// status, hash and signers; upload a PDF to learn whether it is exactly the issued document.
/// </summary>
[RequestSizeLimit(CheckDecisionDocument.MaxBytes + 64 * 1024)]
public sealed class IndexModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    public Guid Id { get; private set; }

    public VerifyDecision.Result Decision { get; private set; } = null!;

    public CheckDecisionDocument.Result? Check { get; private set; }

    /// <summary>The latest signed checkpoint of the audit trail (issue #14), for anyone to keep.</summary>
    public Features.Audit.GetAuditCheckpoint.Result? AuditCheckpoint { get; private set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        await ReloadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        await ReloadAsync(ct);
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), text["Verify.ChooseFile"]);
            return Page();
        }

        if (Upload.Length > CheckDecisionDocument.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), text["Verify.TooLarge", CheckDecisionDocument.MaxBytes / 1024 / 1024]);
            return Page();
        }

        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        Check = await mediator.Send(new CheckDecisionDocument.Query(id, buffer.ToArray(), null), ct);
        return Page();
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Decision = await mediator.Send(new VerifyDecision.Query(Id), cancellationToken);
        AuditCheckpoint = await mediator.Send(new Features.Audit.GetAuditCheckpoint.Query(), cancellationToken);
    }
}
