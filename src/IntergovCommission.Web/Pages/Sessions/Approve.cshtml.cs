using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Features.Agenda;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Sessions;

/// <summary>KZRU-11: a co-chair approves the agenda version shown, or returns it with comments; KZRU-12: accepts unscheduled items.</summary>
public sealed class ApproveModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty]
    public AnswerAgenda.Command Data { get; set; } = new();

    public GetSession.Result Session { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Data.SessionId = id;
        await ReloadAsync(ct);
        if (!Session.Viewer.IsCoChair)
        {
            throw Session.Refusal(Capability.ApproveAgenda);
        }

        Data.AgendaVersion = Session.AgendaVersion;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Data.SessionId = id;
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return Page();
        }

        await mediator.Send(Data, ct);
        TempData["Notice"] = text["Agenda.Approve.Done." + Data.Outcome].Value;
        return Redirect($"/Sessions/Details/{id}");
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, Guid itemId, CancellationToken ct)
    {
        Data.SessionId = id;
        await mediator.Send(new AcceptUnscheduledItem.Command { SessionId = id, ItemId = itemId }, ct);
        TempData["Notice"] = text["Agenda.Approve.UnscheduledAccepted"].Value;
        return Redirect($"/Sessions/Approve/{id}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Session = await mediator.Send(new GetSession.Query(Data.SessionId), cancellationToken);
}
