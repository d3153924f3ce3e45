using IntergovCommission.Web.Features.Commissions;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.Commissions;

public sealed class ProfileModel(IMediator mediator) : PageModel
{
    public GetProfile.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Result = await mediator.Send(new GetProfile.Query(id), ct);
}
