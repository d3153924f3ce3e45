using IntergovCommission.Web.Features.Home;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages;

/// <summary>The home page is the person's own (issue 15 item 5): what needs them now, each with a link straight to it.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public GetMyWork.Result Work { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Work = await mediator.Send(new GetMyWork.Query(), ct);
}
