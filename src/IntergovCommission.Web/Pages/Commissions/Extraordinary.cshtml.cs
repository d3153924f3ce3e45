using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Features.Council;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.Commissions;

/// <summary>CIS-04: proposals of extraordinary sessions: propose one for your state, answer the others', see the majority.</summary>
public sealed class ExtraordinaryModel(IMediator mediator) : PageModel, IReloadablePage
{
    public ListExtraordinaryProposals.Result Result { get; private set; } = null!;

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public ProposeExtraordinarySession.Command Proposal { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    public async Task<IActionResult> OnPostProposeAsync(CancellationToken ct)
    {
        Proposal.CommissionId = Id;
        await mediator.Send(Proposal, ct);
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid proposalId, SupportAnswer answer, CancellationToken ct)
    {
        await mediator.Send(new AnswerExtraordinaryProposal.Command(proposalId, answer), ct);
        return RedirectToPage(new { id = Id });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Result = await mediator.Send(new ListExtraordinaryProposals.Query(Id), cancellationToken);
}
