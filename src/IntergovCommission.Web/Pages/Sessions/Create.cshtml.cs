using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Sessions;

public sealed class CreateModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty]
    public CreateSession.Command Data { get; set; } = new();

    public ListSessions.Result List { get; private set; } = null!;

    public async Task OnGetAsync(Guid commissionId, CancellationToken ct)
    {
        Data.CommissionId = commissionId;
        await PageGate.RequireAllowedAsync(HttpContext, new CreateSession.Command { CommissionId = commissionId }, ct);
        await ReloadAsync(ct);
        Data.TimeZoneId = List.Zones.Count > 0 ? List.Zones[0].TimeZoneId : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return Page();
        }

        var created = await mediator.Send(Data, ct);
        TempData["Notice"] = text["Sessions.Created", created.Number].Value;
        return Redirect($"/Sessions/Details/{created.SessionId}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        List = await mediator.Send(new ListSessions.Query(Data.CommissionId), cancellationToken);
}
