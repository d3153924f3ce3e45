using IntergovCommission.Web.Features.Admin;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Admin.Users;

/// <summary>/Admin/Users/ResetPassword/{id}: an administrator sets a new password for a user.</summary>
public sealed class ResetPasswordModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty]
    public ResetUserPassword.Command Data { get; set; } = new();

    public ListUsers.Item? Target { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Data.UserId = id;
        await ReloadAsync(ct);
        return Target is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Data.UserId = id;
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return Page();
        }

        await mediator.Send(Data, ct);
        await ReloadAsync(ct);
        TempData["Notice"] = text["Admin.Users.PasswordReset", Target?.UserName ?? string.Empty].Value;
        return RedirectToPage("./Index");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Target = (await mediator.Send(new ListUsers.Query(), cancellationToken)).FirstOrDefault(u => u.Id == Data.UserId);
}
