using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Sessions;

public sealed class DetailsModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    /// <summary>Open, close or cancel (with a reason).</summary>
    [BindProperty]
    public ChangeSessionState.Command Data { get; set; } = new();

    public GetSession.Result Session { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Data.SessionId = id;
        await ReloadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Data.SessionId = id;
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return Page();
        }

        await mediator.Send(Data, ct);
        TempData["Notice"] = text["Sessions.StepDone." + Data.Step].Value;
        return Redirect($"/Sessions/Details/{id}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Session = await mediator.Send(new GetSession.Query(Data.SessionId), cancellationToken);
}
