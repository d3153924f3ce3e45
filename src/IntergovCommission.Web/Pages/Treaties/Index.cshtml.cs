using IntergovCommission.Web.Features.Treaties;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.Treaties;

/// <summary>/Treaties?commissionId=…: the register of treaties the commission serves (WF-07) and the year whose report is due.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid CommissionId { get; set; }

    public ListTreaties.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Result = await mediator.Send(new ListTreaties.Query(CommissionId), ct);
}
