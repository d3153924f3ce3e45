using IntergovCommission.Web.Features.Commissions;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.Commissions;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ListCommissions.Item> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await mediator.Send(new ListCommissions.Query(), ct);
}
