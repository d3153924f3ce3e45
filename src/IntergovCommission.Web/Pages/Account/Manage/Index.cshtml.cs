using IntergovCommission.Web.Features.Account;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Account.Manage;

/// <summary>/Account/Manage: the user's own display name and interface language; links to password and second factor.</summary>
public sealed class IndexModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty]
    public UpdateProfile.Command Data { get; set; } = new();

    public GetMyAccount.Result Account { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        Data.DisplayName = Account.DisplayName;
        Data.PreferredLanguage = Account.PreferredLanguage;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return Page();
        }

        await mediator.Send(Data, ct);
        CultureCookie.Apply(Response, Data.PreferredLanguage);
        TempData["Notice"] = text["Account.Manage.Saved"].Value;
        return RedirectToPage();
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Account = await mediator.Send(new GetMyAccount.Query(), cancellationToken);
}
