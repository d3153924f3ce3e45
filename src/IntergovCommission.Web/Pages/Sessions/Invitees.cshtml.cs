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

/// <summary>KZRU-07, KZRU-14: the secretaries keep the invited persons, their items and topics.</summary>
public sealed class InviteesModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty]
    public SaveInvitee.Command Data { get; set; } = new();

    public GetSession.Result Session { get; private set; } = null!;

    public IReadOnlyList<ListInviteeCandidates.Candidate> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? inviteeId, CancellationToken ct)
    {
        Data.SessionId = id;
        await ReloadAsync(ct);
        if (!Session.Viewer.IsSecretary)
        {
            throw Session.Refusal(Capability.PrepareSessions);
        }

        Data.Version = Session.Version;
        if (inviteeId is not null && Session.Invitees.FirstOrDefault(i => i.Id == inviteeId) is { } invitee)
        {
            Data.InviteeId = invitee.Id;
            Data.FullName = invitee.FullName;
            Data.Organisation = invitee.Organisation;
            Data.PersonId = invitee.PersonId;
            Data.OrganisationKk = invitee.OrganisationKk;
            Data.Topics = invitee.Topics;
            Data.TopicsKk = invitee.TopicsKk;
            Data.ItemIds = [.. invitee.ItemIds];
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
        TempData["Notice"] = text["Agenda.Invitees.Saved"].Value;
        return Redirect($"/Sessions/Invitees/{id}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid inviteeId, uint version, CancellationToken ct)
    {
        Data.SessionId = id;
        await mediator.Send(new RemoveInvitee.Command { SessionId = id, InviteeId = inviteeId, Version = version }, ct);
        TempData["Notice"] = text["Agenda.Invitees.Removed"].Value;
        return Redirect($"/Sessions/Invitees/{id}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Session = await mediator.Send(new GetSession.Query(Data.SessionId), cancellationToken);
        Candidates = Session.Viewer.IsSecretary ? await mediator.Send(new ListInviteeCandidates.Query(Data.SessionId), cancellationToken) : [];
    }
}
