using IntergovCommission.Web.Features.Execution;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Execution;

/// <summary>/Execution/Create?commissionId=…: put an assignment under control (KZRU-05, KZRU-07), the deadline as a date or N working days (WF-06).</summary>
public sealed class CreateModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty]
    public CreateAssignment.Command Data { get; set; } = new();

    public GetAssignmentForm.Result Form { get; private set; } = null!;

    public async Task OnGetAsync(Guid commissionId, Guid? decisionId, CancellationToken ct)
    {
        Data.CommissionId = commissionId;
        Data.DecisionId = decisionId;
        await ReloadAsync(ct);
        Data.SideId = Form.Sides.Count > 0 ? Form.Sides[0].Id : Guid.Empty;
        if (Form.Sides.Count > 0 && !Form.Sides[0].CanRecord)
        {
            Data.Source = Domain.Execution.AssignmentSource.CoChairAct;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await mediator.Send(Data, ct);
        TempData["Notice"] = text["Execution.Created", result.Number, Ui.Date(result.DueOn)].Value;
        return Redirect($"/Execution/Details/{result.AssignmentId}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Form = await mediator.Send(new GetAssignmentForm.Query(Data.CommissionId), cancellationToken);
}
