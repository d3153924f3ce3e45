using IntergovCommission.Web.Features.Proposals;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Proposals;

/// <summary>The secretary's inbox: proposals of their own side's members only (KZRU-06, KZRU-13); accept or decline with a reason (WF-02).</summary>
public sealed class InboxModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    /// <summary>The decline form of the proposal being declined, kept with the user's input on a refusal.</summary>
    [BindProperty]
    public DeclineProposal.Command Data { get; set; } = new();

    public IReadOnlyList<ProposalRow> Rows { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => ReloadAsync(ct);

    public async Task<IActionResult> OnPostAcceptAsync(AcceptProposal.Command accept, CancellationToken ct)
    {
        await mediator.Send(accept, ct);
        TempData["Notice"] = text["Proposals.Accepted"].Value;
        return Redirect("/Proposals/Inbox");
    }

    public async Task<IActionResult> OnPostDeclineAsync(CancellationToken ct)
    {
        await mediator.Send(Data, ct);
        TempData["Notice"] = text["Proposals.Declined"].Value;
        return Redirect("/Proposals/Inbox");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Rows = await mediator.Send(new ListInbox.Query(All), cancellationToken);
}
