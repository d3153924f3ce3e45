using IntergovCommission.Web.Features.Decisions;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.Decisions;

/// <summary>"Awaiting me": the decisions a person is to sign, or as a co-chair to approve (approvable from the list), and the recent decisions.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public ListMyDecisions.Result List { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        List = await mediator.Send(new ListMyDecisions.Query(), ct);

    /// <summary>From a closed, adopted ballot on the live page to its decision's current version.</summary>
    public async Task<IActionResult> OnGetBallotAsync(Guid ballotId, CancellationToken ct) =>
        Redirect($"/Decisions/Details/{await mediator.Send(new FindDecisionOfBallot.Query(ballotId), ct)}");
}
