using IntergovCommission.Web.Features.Sessions;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.Sessions;

/// <summary>/Sessions/Plan?commissionId=…&amp;year=…: the annual work plan (year defaults to the current one).</summary>
public sealed class PlanModel(IMediator mediator, TimeProvider clock) : PageModel
{
    public GetWorkPlan.Result Plan { get; private set; } = null!;

    public async Task OnGetAsync(Guid commissionId, int? year, CancellationToken ct) =>
        Plan = await mediator.Send(new GetWorkPlan.Query(commissionId, year ?? clock.GetUtcNow().Year), ct);
}
