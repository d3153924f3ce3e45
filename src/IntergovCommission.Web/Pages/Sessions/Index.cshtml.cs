using IntergovCommission.Web.Features.Sessions;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.Sessions;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public ListSessions.Result List { get; private set; } = null!;

    public async Task OnGetAsync(Guid commissionId, CancellationToken ct) =>
        List = await mediator.Send(new ListSessions.Query(commissionId), ct);
}
