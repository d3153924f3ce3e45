using IntergovCommission.Web.Features.Account;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Account;

/// <summary>/Account/Settings: my time zone and which notifications come by e-mail (issue 15 items 5 and 8).</summary>
public sealed class SettingsModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty]
    public SaveMySettings.Command Data { get; set; } = new();

    public GetMySettings.Result Settings { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        Data.TimeZoneId = Settings.TimeZoneId;
        Data.EmailKinds = [.. Settings.EmailKinds];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await mediator.Send(Data, ct);
        TempData["Notice"] = text["Settings.Saved"].Value;
        return RedirectToPage();
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Settings = await mediator.Send(new GetMySettings.Query(), cancellationToken);
}
