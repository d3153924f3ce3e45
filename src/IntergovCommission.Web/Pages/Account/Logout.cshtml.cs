using IntergovCommission.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<AppUser> signIn, SignInAudit audit) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await audit.RecordAsync(User.Identity?.Name ?? "?", "SignOut", HttpContext);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
