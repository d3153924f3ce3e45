using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(SignInThrottle.RateLimitPolicy)]
public sealed class LoginModel(SignInManager<AppUser> signIn, SignInAudit audit, SignInThrottle throttle, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>Identity's limit on a user name; a longer one is refused on the field, never looked up.</summary>
    public const int MaxUserNameLength = 256;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        public string? UserName { get; set; }
        public string? Password { get; set; }

        /// <summary>Posted by the checkbox as "true"; anything else (a forged "maybe") is simply "no".</summary>
        public string? RememberMe { get; set; }

        public bool Remember => string.Equals(RememberMe, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(RememberMe, "on", StringComparison.OrdinalIgnoreCase);
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
        else if (Input.UserName.Trim().Length > MaxUserNameLength || Input.UserName.Any(char.IsControl))
        {
            ModelState.AddModelError("Input.UserName", text["Login.UserNameInvalid", MaxUserNameLength]);
            await audit.RecordAsync(Input.UserName, "SignIn.Failed", HttpContext);
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", text["Login.PasswordRequired"]);
        }

        if (!ModelState.IsValid)
        {
            Input.Password = null;
            return Page();
        }

        var userName = Input.UserName!.Trim();
        var target = LocalUrl.Safe(Url, ReturnUrl);
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (throttle.TryBegin(address, userName) is { } wait)
        {
            await audit.RecordAsync(userName, "SignIn.Throttled", HttpContext);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = SignInThrottle.Seconds(wait);
            ModelState.AddModelError(string.Empty, text["Login.Throttled", SignInThrottle.Seconds(wait)]);
            Input.Password = null;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(userName, Input.Password!, Input.Remember, lockoutOnFailure: true);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            throttle.Succeeded(address, userName);
        }

        if (result.Succeeded)
        {
            await audit.RecordAsync(userName, "SignIn", HttpContext);
            CultureCookie.ApplyAtSignIn(HttpContext, (await signIn.UserManager.FindByNameAsync(userName))?.PreferredLanguage);
            return LocalRedirect(target);
        }

        if (result.RequiresTwoFactor)
        {
            await audit.RecordAsync(userName, "SignIn.PasswordAccepted", HttpContext);
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl = target, RememberMe = Input.Remember });
        }

        await audit.RecordAsync(userName, result.IsLockedOut ? "SignIn.LockedOut" : "SignIn.Failed", HttpContext);
        ModelState.AddModelError(string.Empty, result.IsLockedOut ? text["Login.LockedOut"] : text["Login.Failed"]);
        Input.Password = null;
        return Page();
    }
}
