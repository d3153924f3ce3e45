using IntergovCommission.Web.Features.Execution;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.Execution;

/// <summary>
/// /Execution?commissionId=…: the control page of a commission (KZRU-07): everything on control, due within N working days, overdue
/// (derived on each side's calendar), filters by side, state and organisation, counts, groups by organisation and responsible person.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid CommissionId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? SideId { get; set; }

    [BindProperty(SupportsGet = true)]
    public ControlFilter Filter { get; set; } = ControlFilter.Unfinished;

    [BindProperty(SupportsGet = true)]
    public int DueWithin { get; set; } = 5;

    [BindProperty(SupportsGet = true)]
    public string? Organisation { get; set; }

    public ListAssignments.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!Enum.IsDefined(Filter))
        {
            Filter = ControlFilter.Unfinished;
        }

        DueWithin = Math.Clamp(DueWithin, 1, 100);
        Organisation = string.IsNullOrWhiteSpace(Organisation) || Organisation.Length > 500 ? null : Organisation;
        Result = await mediator.Send(new ListAssignments.Query(CommissionId, SideId, Filter, DueWithin, Organisation), ct);
    }

    public string FilterUrl(ControlFilter filter) =>
        $"/Execution?commissionId={CommissionId}&filter={filter}&dueWithin={DueWithin}" + (SideId is Guid side ? $"&sideId={side}" : string.Empty);
}
