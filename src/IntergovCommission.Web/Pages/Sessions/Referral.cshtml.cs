using IntergovCommission.Web.Features.Agenda;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Sessions;

/// <summary>
/// KZRU-20: one expert-group referral: members, task, deadline; a secretary or a co-chair records
/// the group's proposal and puts the question on a later session's draft agenda (KZRU-11).
/// </summary>
public sealed class ReferralModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty]
    public ReturnFromExpertGroup.Command Data { get; set; } = new();

    public GetReferral.Result Referral { get; private set; } = null!;

    [FromRoute]
    public Guid Id { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        Data.TargetSessionId = Referral.Sessions.Count > 0 ? Referral.Sessions[0].Id : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Data.ReferralId = Id;
        await mediator.Send(Data, ct);
        await ReloadAsync(ct);
        var place = Referral.Referral.ReturnedTo;
        TempData["Notice"] = text["Referral.Done", place?.SessionNumber ?? 0].Value;
        return Redirect(place is null ? $"/Sessions/Referral/{Id}" : $"/Sessions/Details/{place.SessionId}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Referral = await mediator.Send(new GetReferral.Query(Id), cancellationToken);
}
