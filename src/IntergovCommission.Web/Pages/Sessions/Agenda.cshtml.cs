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

/// <summary>The secretaries build the draft agenda (KZRU-07): add, edit, reorder (plain POST buttons), remove, send for approval (KZRU-11).</summary>
public sealed class AgendaModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty]
    public SaveAgendaItem.Command Data { get; set; } = new();

    public GetSession.Result Session { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? itemId, CancellationToken ct)
    {
        Data.SessionId = id;
        await ReloadAsync(ct);
        if (!Session.Viewer.IsSecretary)
        {
            throw Session.Refusal(Capability.PrepareSessions);
        }

        Data.Version = Session.Version;
        if (itemId is not null && Session.Items.FirstOrDefault(i => i.Id == itemId) is { } item)
        {
            Data.ItemId = item.Id;
            Data.TitleRu = item.Title.Ru;
            Data.TitleKk = item.Title.Kk;
            Data.Rapporteurs = item.Rapporteurs;
            Data.RapporteursKk = item.RapporteursKk;
            Data.DecisionKind = item.DecisionKind;
            Data.DraftDecisionRu = item.DraftDecision.Ru;
            Data.DraftDecisionKk = item.DraftDecision.Kk;
        }

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
        return Done(id, Data.ItemId is null ? "Agenda.ItemAdded" : "Agenda.ItemSaved");
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid itemId, int direction, uint version, CancellationToken ct)
    {
        Data.SessionId = id;
        await mediator.Send(new MoveAgendaItem.Command { SessionId = id, ItemId = itemId, Direction = direction, Version = version }, ct);
        return Done(id, "Agenda.Moved");
    }

    /// <summary>The item a removal asks about (no script: the confirmation step; with script a confirm dialog asks first).</summary>
    public GetSession.ItemView? ConfirmRemove { get; private set; }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid itemId, uint version, bool confirmed, CancellationToken ct)
    {
        Data.SessionId = id;
        var command = new RemoveAgendaItem.Command { SessionId = id, ItemId = itemId, Version = version };
        if (!confirmed)
        {
            // Removing an item cannot be undone: asked first, of someone who may remove it.
            await PageGate.RequireAllowedAsync(HttpContext, command, ct);
            await ReloadAsync(ct);
            ConfirmRemove = Session.Items.FirstOrDefault(i => i.Id == itemId) ?? throw new NotFoundException("Agenda item", itemId);
            Data.Version = Session.Version;
            return Page();
        }

        await mediator.Send(command, ct);
        return Done(id, "Agenda.Removed");
    }

    public async Task<IActionResult> OnPostSendAsync(Guid id, uint version, CancellationToken ct)
    {
        Data.SessionId = id;
        await mediator.Send(new SendAgendaForApproval.Command { SessionId = id, Version = version }, ct);
        TempData["Notice"] = text["Agenda.Sent"].Value;
        return Redirect($"/Sessions/Details/{id}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Session = await mediator.Send(new GetSession.Query(Data.SessionId), cancellationToken);

    private RedirectResult Done(Guid id, string notice)
    {
        TempData["Notice"] = text[notice].Value;
        return Redirect($"/Sessions/Agenda/{id}");
    }
}
