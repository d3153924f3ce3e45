using IntergovCommission.Web.Features.Execution;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.Execution;

/// <summary>/Execution/Mine: the signed-in person's own assignments, what they must report (WF-05).</summary>
public sealed class MineModel(IMediator mediator) : PageModel
{
    public ListAssignments.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await mediator.Send(new ListAssignments.Query(null, Filter: ControlFilter.All, Mine: true), ct);
}
