using IntergovCommission.Web.Features.Circulation;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Circulation;

/// <summary>/Circulation?commissionId=…: drafts sent round for approval (WF-04), each body's outcome today, and the form to record a new one.</summary>
public sealed class IndexModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid CommissionId { get; set; }

    [BindProperty]
    public StartCirculation.Command Data { get; set; } = new();

    /// <summary>The bodies, one per line (the form's text area).</summary>
    [BindProperty]
    public string? BodiesText { get; set; }

    public GetCirculations.Result Result { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken ct) => ReloadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Data.CommissionId = CommissionId;
        Data.Bodies = [.. (BodiesText ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        var result = await mediator.Send(Data, ct);
        TempData["Notice"] = text["Circulation.Started", result.Number, Ui.Date(result.DueOn)].Value;
        return Redirect($"/Circulation/Details/{result.CirculationId}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Result = await mediator.Send(new GetCirculations.Query(CommissionId), cancellationToken);
        if (Data.SideId == Guid.Empty)
        {
            Data.SideId = Result.Sides.FirstOrDefault(s => s.CanCirculate)?.Id ?? Guid.Empty;
        }
    }
}
