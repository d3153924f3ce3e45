using IntergovCommission.Web.Features.Proposals;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.Proposals;

public sealed class MineModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ProposalRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await mediator.Send(new ListMyProposals.Query(), ct);
}
