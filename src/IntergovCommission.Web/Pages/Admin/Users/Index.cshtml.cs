using IntergovCommission.Web.Features.Admin;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Admin.Users;

/// <summary>/Admin/Users: every sign-in, with unlock, disable and the Administrator role as one-click actions.</summary>
public sealed class IndexModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty]
    public UserAction Data { get; set; } = new();

    public IReadOnlyList<ListUsers.Item> Items { get; private set; } = [];

    /// <summary>The user whose API tokens are shown (?tokens=), and those tokens.</summary>
    public ListUsers.Item? TokensOf { get; private set; }

    public IReadOnlyList<Features.Tokens.ListAccessTokens.Item> Tokens { get; private set; } = [];

    public sealed class UserAction
    {
        public Guid UserId { get; set; }
        public Guid TokenId { get; set; }
    }

    public async Task OnGetAsync(Guid? tokens, CancellationToken ct)
    {
        await ReloadAsync(ct);
        if (tokens is { } userId)
        {
            Tokens = await mediator.Send(new Features.Tokens.ListUserAccessTokens.Query(userId), ct);
            TokensOf = Items.FirstOrDefault(u => u.Id == userId);
        }
    }

    public async Task<IActionResult> OnPostRevokeTokensAsync(CancellationToken ct)
    {
        var count = await mediator.Send(new Features.Tokens.RevokeUserAccessTokens.Command(Data.UserId), ct);
        var name = (await mediator.Send(new ListUsers.Query(), ct)).FirstOrDefault(u => u.Id == Data.UserId)?.UserName ?? string.Empty;
        TempData["Notice"] = text["Admin.Users.TokensRevoked", name, count].Value;
        return RedirectToPage(new { tokens = Data.UserId });
    }

    public async Task<IActionResult> OnPostRevokeTokenAsync(CancellationToken ct)
    {
        await mediator.Send(new Features.Tokens.RevokeAccessToken.Command(Data.TokenId), ct);
        TempData["Notice"] = text["Admin.Users.TokenRevoked"].Value;
        return RedirectToPage(new { tokens = Data.UserId });
    }

    public Task<IActionResult> OnPostUnlockAsync(CancellationToken ct) =>
        SendAsync(new UnlockUser.Command(Data.UserId), "Admin.Users.Unlocked", ct);

    public Task<IActionResult> OnPostDisableAsync(CancellationToken ct) =>
        SendAsync(new DisableSignIn.Command(Data.UserId), "Admin.Users.DisabledDone", ct);

    /// <summary>The sign-in a grant asks about (no script: the confirmation step; with script a confirm dialog asks first).</summary>
    public ListUsers.Item? ConfirmGrant { get; private set; }

    /// <summary>Making someone an administrator is asked first: it gives the whole system.</summary>
    public async Task<IActionResult> OnPostGrantAsync(bool confirmed, CancellationToken ct)
    {
        if (!confirmed)
        {
            await ReloadAsync(ct);
            ConfirmGrant = Items.FirstOrDefault(u => u.Id == Data.UserId) ?? throw new Infrastructure.Mediator.NotFoundException("User", Data.UserId);
            return Page();
        }

        return await SendAsync(new SetAdministrator.Command(Data.UserId, Grant: true), "Admin.Users.Granted", ct);
    }

    public Task<IActionResult> OnPostRevokeAsync(CancellationToken ct) =>
        SendAsync(new SetAdministrator.Command(Data.UserId, Grant: false), "Admin.Users.Revoked", ct);

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Items = await mediator.Send(new ListUsers.Query(), cancellationToken);

    private async Task<IActionResult> SendAsync(IRequest<MediatR.Unit> command, string noticeKey, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        var name = (await mediator.Send(new ListUsers.Query(), ct)).FirstOrDefault(u => u.Id == Data.UserId)?.UserName ?? string.Empty;
        TempData["Notice"] = text[noticeKey, name].Value;
        return RedirectToPage();
    }
}
