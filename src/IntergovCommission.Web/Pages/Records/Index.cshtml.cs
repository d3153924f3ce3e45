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

    public Task OnGetAsync(CancellationToken ct) => ReloadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var keepUntil = await mediator.Send(Data with { CommissionId = CommissionId }, ct);
        TempData["Notice"] = text["Records.Recorded", Ui.Date(keepUntil)].Value;
        return Redirect($"/Records?commissionId={CommissionId}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Retention = await mediator.Send(new GetRecordRetention.Query(CommissionId), cancellationToken);
}
