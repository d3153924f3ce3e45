using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, SignInAudit audit, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.UserName))
        {
            ModelState.AddModelError("Input.UserName", text["Login.UserNameRequired"]);
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", text["Login.PasswordRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var userName = Input.UserName!.Trim();
        var result = await signIn.PasswordSignInAsync(userName, Input.Password!, Input.RememberMe, lockoutOnFailure: true);
        var target = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
        if (result.Succeeded)
        {
            await audit.RecordAsync(userName, "SignIn", HttpContext);
            CultureCookie.ApplyAtSignIn(HttpContext, (await signIn.UserManager.FindByNameAsync(userName))?.PreferredLanguage);
            return LocalRedirect(target);
        }

        if (result.RequiresTwoFactor)
        {
            await audit.RecordAsync(userName, "SignIn.PasswordAccepted", HttpContext);
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl = target, Input.RememberMe });
        }

        await audit.RecordAsync(userName, result.IsLockedOut ? "SignIn.LockedOut" : "SignIn.Failed", HttpContext);
        ModelState.AddModelError(string.Empty, result.IsLockedOut ? text["Login.LockedOut"] : text["Login.Failed"]);
        Input.Password = null;
        return Page();
    }
}
