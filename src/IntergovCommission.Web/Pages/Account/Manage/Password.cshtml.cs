using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Account;
using IntergovCommission.Web.Infrastructure.Localization;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Account.Manage;

/// <summary>/Account/Manage/Password: current password, then a new one meeting the policy.</summary>
public sealed class PasswordModel(IMediator mediator, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public ChangePassword.Command Data { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            await mediator.Send(Data, ct);

            // The security stamp changed: renew this session's cookie so only other sessions end.
            if (await signIn.UserManager.GetUserAsync(User) is { } user)
            {
                await signIn.RefreshSignInAsync(user);
            }

            TempData["Notice"] = text["Account.Password.Changed"].Value;
            return RedirectToPage("./Index");
        }

        return Page();
    }
}
