using IntergovCommission.Web.Features.Live;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.Sessions;

/// <summary>The big-screen view for the room: current vote, quorum, live tally and roll call; no controls.</summary>
public sealed class ScreenModel(IMediator mediator) : PageModel
{
    public GetLiveSession.Result State { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => State = await mediator.Send(new GetLiveSession.Query(id), ct);

    public async Task<IActionResult> OnGetPanelAsync(Guid id, CancellationToken ct)
    {
        State = await mediator.Send(new GetLiveSession.Query(id), ct);
        ViewData["Screen"] = true;
        return Partial("_LivePanel", State);
    }
}
