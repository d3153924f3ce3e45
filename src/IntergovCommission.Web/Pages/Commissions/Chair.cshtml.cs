using IntergovCommission.Web.Features.Council;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.Commissions;

/// <summary>CIS-03: the rotating chair: past and current terms, the co-chairs, and recording the next term (the system proposes it).</summary>
public sealed class ChairModel(IMediator mediator) : PageModel, IReloadablePage
{
    public GetChairmanships.Result Result { get; private set; } = null!;

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public RecordChairmanship.Command Term { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        if (Result.Proposal is { } proposal)
        {
            Term = new RecordChairmanship.Command { SideId = proposal.SideId, StartsOn = proposal.StartsOn, EndsOn = proposal.EndsOn };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Term.CommissionId = Id;
        await mediator.Send(Term, ct);
        TempData["Notice"] = "saved";
        return RedirectToPage(new { id = Id });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Result = await mediator.Send(new GetChairmanships.Query(Id), cancellationToken);
}
