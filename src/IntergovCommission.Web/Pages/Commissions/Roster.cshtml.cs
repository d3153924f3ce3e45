using IntergovCommission.Web.Features.Commissions;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.Commissions;

public sealed class RosterModel(IMediator mediator) : PageModel
{
    public GetRoster.Result Roster { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "history")]
    public bool ShowEnded { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct) =>
        Roster = await mediator.Send(new GetRoster.Query(id, ShowEnded), ct);
}
