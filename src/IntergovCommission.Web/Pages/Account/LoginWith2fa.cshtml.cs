using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Account;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Account;

/// <summary>Second sign-in step: the 6-digit code from the authenticator app (wrong codes count towards lockout).</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SignInThrottle.RateLimitPolicy)]
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn, SignInAudit audit, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public sealed class InputModel
    {
        public string? Code { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("./Login", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("./Login", new { ReturnUrl });
        }

        var code = Authenticator.Normalize(Input.Code);
        if (code.Length == 0)
        {
            ModelState.AddModelError("Input.Code", text["Account.TwoFactor.CodeRequired"]);
            return Page();
        }

        var userName = user.UserName ?? "?";
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.RecordAsync(userName, "SignIn.TwoFactor", HttpContext);
            CultureCookie.ApplyAtSignIn(HttpContext, user.PreferredLanguage);
            return LocalRedirect(LocalUrl.Safe(Url, ReturnUrl));
        }

        Input.Code = null;
        if (result.IsLockedOut)
        {
            await audit.RecordAsync(userName, "SignIn.LockedOut", HttpContext);
            ModelState.AddModelError(string.Empty, text["Login.LockedOut"]);
            return Page();
        }

        await audit.RecordAsync(userName, "SignIn.TwoFactorFailed", HttpContext);
        ModelState.AddModelError("Input.Code", text["Account.TwoFactor.WrongCode"]);
        return Page();
    }
}
