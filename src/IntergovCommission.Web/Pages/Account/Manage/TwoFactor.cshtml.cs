using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Account;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Account.Manage;

/// <summary>
/// /Account/Manage/TwoFactor: status; set up (new key as QR code and grouped text, then a code to
/// confirm, then the recovery codes shown once); switch off with a current code.
/// </summary>
public sealed class TwoFactorModel(IMediator mediator, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty]
    public CodeInput Data { get; set; } = new();

    public GetTwoFactorStatus.Result Status { get; private set; } = null!;

    /// <summary>Set while setting up: the key, grouped for typing, and its QR code.</summary>
    public SetupView? Setup { get; private set; }

    /// <summary>Set once, right after the second factor is switched on.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public sealed class CodeInput
    {
        public string? Code { get; set; }

        /// <summary>On enabling: also revoke the user's API access tokens (on by default).</summary>
        public bool RevokeAccessTokens { get; set; } = true;
    }

    public sealed record SetupView(string GroupedKey, string QrDataUri, string OtpAuthUri);

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        var started = await mediator.Send(new BeginAuthenticatorSetup.Command(), ct);
        await RefreshSessionAsync();
        await ReloadAsync(ct);
        Setup = SetupOf(started.UserName, started.Key);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct)
    {
        var result = await mediator.Send(new EnableAuthenticator.Command { Code = Data.Code, RevokeAccessTokens = Data.RevokeAccessTokens }, ct);
        await ReloadAsync(ct);
        if (result.Outcome == CodeCheck.Accepted)
        {
            await RefreshSessionAsync();
            RecoveryCodes = result.RecoveryCodes;
            return Page();
        }

        Refuse(result.Outcome);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        var outcome = await mediator.Send(new DisableAuthenticator.Command { Code = Data.Code }, ct);
        if (outcome == CodeCheck.Accepted)
        {
            await RefreshSessionAsync();
            TempData["Notice"] = text["Account.TwoFactor.Disabled"].Value;
            return RedirectToPage();
        }

        await ReloadAsync(ct);
        Refuse(outcome);
        return Page();
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Status = await mediator.Send(new GetTwoFactorStatus.Query(), cancellationToken);

        // A refused confirmation code shows the same key again, so the app entry already made still works.
        if (HttpMethods.IsPost(Request.Method) && string.Equals(Request.Query["handler"], "Enable", StringComparison.OrdinalIgnoreCase)
            && Status.PendingKey is { } key)
        {
            Setup = SetupOf(Status.UserName, key);
        }
    }

    /// <summary>The security stamp changed with the key or the second factor: renew this session's cookie so only other sessions end.</summary>
    private async Task RefreshSessionAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }
    }

    private void Refuse(CodeCheck outcome)
    {
        Data.Code = null;
        ModelState.Remove("Data.Code");
        ModelState.AddModelError(outcome == CodeCheck.LockedOut ? string.Empty : "Data.Code",
            outcome == CodeCheck.LockedOut ? text["Login.LockedOut"] : text["Account.TwoFactor.WrongCode"]);
    }

    private static SetupView SetupOf(string userName, string key)
    {
        var uri = Authenticator.Uri(userName, key);
        return new SetupView(Authenticator.GroupedKey(key), Authenticator.QrDataUri(uri), uri);
    }
}
