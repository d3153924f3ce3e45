using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Account;

/// <summary>Second sign-in step without the phone: one of the recovery codes, each good once (wrong codes count towards lockout).</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SignInThrottle.RateLimitPolicy)]
public sealed class LoginWithRecoveryCodeModel(SignInManager<AppUser> signIn, SignInAudit audit, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        public string? RecoveryCode { get; set; }
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

        var code = (Input.RecoveryCode ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (code.Length == 0)
        {
            ModelState.AddModelError("Input.RecoveryCode", text["Account.Recovery.CodeRequired"]);
            return Page();
        }

        var users = signIn.UserManager;
        var userName = user.UserName ?? "?";
        Input.RecoveryCode = null;
        if (await users.IsLockedOutAsync(user))
        {
            await audit.RecordAsync(userName, "SignIn.LockedOut", HttpContext);
            ModelState.AddModelError(string.Empty, text["Login.LockedOut"]);
            return Page();
        }

        var failuresBefore = await users.GetAccessFailedCountAsync(user);
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            await audit.RecordAsync(userName, "SignIn.RecoveryCode", HttpContext);
            CultureCookie.Apply(Response, user.PreferredLanguage);
            return LocalRedirect(LocalUrl.Safe(Url, ReturnUrl));
        }

        // Recovery codes fall under the same lockout as passwords and app codes; count the failure
        // here unless Identity already did.
        var fresh = await users.FindByIdAsync(user.Id.ToString()) ?? user;
        if (!result.IsLockedOut && await users.GetAccessFailedCountAsync(fresh) <= failuresBefore && !await users.IsLockedOutAsync(fresh))
        {
            await users.AccessFailedAsync(fresh);
        }

        if (result.IsLockedOut || await users.IsLockedOutAsync(fresh))
        {
            await audit.RecordAsync(userName, "SignIn.LockedOut", HttpContext);
            ModelState.AddModelError(string.Empty, text["Login.LockedOut"]);
            return Page();
        }

        await audit.RecordAsync(userName, "SignIn.RecoveryCodeFailed", HttpContext);
        ModelState.AddModelError("Input.RecoveryCode", text["Account.Recovery.WrongCode"]);
        return Page();
    }
}
