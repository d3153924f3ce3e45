using IntergovCommission.Web.Features.Proposals;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Proposals;

/// <summary>A member proposes an agenda item to their own side's secretary (KZRU-06); the deadline is shown (KZRU-12).</summary>
public sealed class CreateModel(IMediator mediator, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel, IReloadablePage
{
    [BindProperty]
    public SubmitProposal.Command Data { get; set; } = new();

    public GetSession.Result Session { get; private set; } = null!;

    public bool LateNow => clock.GetUtcNow() > Session.ProposalDeadline;

    public async Task OnGetAsync(Guid sessionId, CancellationToken ct)
    {
        Data.SessionId = sessionId;
        await PageGate.RequireAllowedAsync(HttpContext, new SubmitProposal.Command { SessionId = sessionId }, ct);
        await ReloadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return Page();
        }

        var sent = await mediator.Send(Data, ct);
        await ReloadAsync(ct); // the moment is shown in the session's own zone
        TempData["Notice"] = sent.IsLate
            ? text["Proposals.SentLate", sent.SideCode, Ui.Moment(sent.ReceivedAt, Session.TimeZoneId)].Value
            : text["Proposals.Sent", sent.SideCode].Value;
        return Redirect("/Proposals/Mine");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Session = await mediator.Send(new GetSession.Query(Data.SessionId), cancellationToken);
}
