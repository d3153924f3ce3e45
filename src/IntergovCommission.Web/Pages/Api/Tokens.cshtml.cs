using IntergovCommission.Web.Features.Tokens;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Api;

/// <summary>The signed-in user's personal access tokens: create (the secret shown once), list, revoke.</summary>
public sealed class TokensModel(IMediator mediator, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty]
    public CreateAccessToken.Command Data { get; set; } = new();

    public IReadOnlyList<ListAccessTokens.Item> Tokens { get; private set; } = [];

    public string? NewSecret { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public Task OnGetAsync(CancellationToken ct) => ReloadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var created = await mediator.Send(Data, ct);
        NewSecret = created.Secret; // shown in this response only, never stored in clear
        Data = new CreateAccessToken.Command();
        ModelState.Clear();
        await ReloadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId, CancellationToken ct)
    {
        await mediator.Send(new RevokeAccessToken.Command(tokenId), ct);
        TempData["Notice"] = text["Api.Tokens.RevokedNotice"].Value;
        return RedirectToPage();
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Tokens = await mediator.Send(new ListAccessTokens.Query(), cancellationToken);
}
