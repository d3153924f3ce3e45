using IntergovCommission.Web.Features.Decisions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Decisions;

/// <summary>KZRU-18/22: a secretary corrects the wording; the result is a new version whose route starts again.</summary>
public sealed class CorrectModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty]
    public CorrectDecision.Command Data { get; set; } = new();

    public GetDecision.Result Decision { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Data.DecisionId = id;
        await PageGate.RequireAllowedAsync(HttpContext, new CorrectDecision.Command { DecisionId = id }, ct);
        await ReloadAsync(ct);
        Data.TitleKk = Decision.TitleKk;
        Data.TitleRu = Decision.TitleRu;
        Data.TextKk = Decision.TextKk;
        Data.TextRu = Decision.TextRu;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Data.DecisionId = id;
        var next = await mediator.Send(Data, ct);
        TempData["Notice"] = text["Decisions.Done.Corrected"].Value;
        return Redirect($"/Decisions/Details/{next}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Decision = await mediator.Send(new GetDecision.Query(Data.DecisionId), cancellationToken);
}
