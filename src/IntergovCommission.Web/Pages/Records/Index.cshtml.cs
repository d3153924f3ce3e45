using IntergovCommission.Web.Features.Records;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Records;

/// <summary>/Records?commissionId=: until when the commission's records are kept (KZRU-22), and the form a secretary records the flight tests' completion with.</summary>
public sealed class IndexModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid CommissionId { get; set; }

    [BindProperty]
    public RecordFlightTestsCompletion.Command Data { get; set; } = new();

    public GetRecordRetention.Result Retention { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty]
    public RecordDisposalAct.Command Disposal { get; set; } = new();

    public Task OnGetAsync(CancellationToken ct) => ReloadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var keepUntil = await mediator.Send(Data with { CommissionId = CommissionId }, ct);
        TempData["Notice"] = text["Records.Recorded", Ui.Date(keepUntil)].Value;
        return Redirect($"/Records?commissionId={CommissionId}");
    }

    /// <summary>The archive of the period (sessions that started in it) as a ZIP.</summary>
    public async Task<IActionResult> OnGetArchiveAsync(CancellationToken ct)
    {
        var archive = await mediator.Send(new ExportRecordsArchive.Query(CommissionId, From, To), ct);
        Response.Headers["X-Archive-Sha256"] = archive.Sha256;
        return File(archive.Zip, "application/zip", archive.FileName);
    }

    /// <summary>Records the disposal act of the period; refused within the term (KZRU-22).</summary>
    public async Task<IActionResult> OnPostDisposeAsync(CancellationToken ct)
    {
        await mediator.Send(Disposal with { CommissionId = CommissionId }, ct);
        TempData["Notice"] = text["Records.Disposed"].Value;
        return Redirect($"/Records?commissionId={CommissionId}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Retention = await mediator.Send(new GetRecordRetention.Query(CommissionId), cancellationToken);
}
