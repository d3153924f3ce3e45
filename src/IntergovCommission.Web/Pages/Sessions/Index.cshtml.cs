using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Sessions;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.Sessions;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public ListSessions.Result List { get; private set; } = null!;

    /// <summary>
    /// Without a commission (a bookmark, a typed address): the sessions of the person's only
    /// commission, or the list of their commissions to choose from.
    /// </summary>
    public async Task<IActionResult> OnGetAsync(Guid commissionId, CancellationToken ct)
    {
        if (commissionId == Guid.Empty)
        {
            var mine = await mediator.Send(new ListCommissions.Query(), ct);
            return mine.Count == 1
                ? RedirectToPage("/Sessions/Index", new { commissionId = mine[0].Id })
                : RedirectToPage("/Commissions/Index");
        }

        List = await mediator.Send(new ListSessions.Query(commissionId), ct);
        return Page();
    }
}
