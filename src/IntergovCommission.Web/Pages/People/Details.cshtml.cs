using IntergovCommission.Web.Features.People;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.People;

public sealed class DetailsModel(IMediator mediator) : PageModel
{
    public GetPerson.Result Person { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Person = await mediator.Send(new GetPerson.Query(id), ct);
}
