using IntergovCommission.Domain.Common;
using IntergovCommission.Web.Features.Memberships;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Memberships;

public sealed class EndModel(IMediator mediator, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty]
    public EndMembership.Command Data { get; set; } = new();

    public LocalizedText PersonName { get; private set; } = LocalizedText.Empty;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        var current = await mediator.Send(new GetMembership.Query(id), ct);
        Data = new EndMembership.Command
        {
            MembershipId = id,
            CommissionId = current.CommissionId,
            Version = current.Version,
            EndedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
        };
        PersonName = current.PersonName;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Data.MembershipId = id;
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return Page();
        }

        await mediator.Send(Data, ct);
        TempData["Notice"] = text["Membership.Ended"].Value;
        return Redirect($"/Commissions/Roster/{Data.CommissionId}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var current = await mediator.Send(new GetMembership.Query(Data.MembershipId), cancellationToken);
        PersonName = current.PersonName;
        Data.CommissionId = current.CommissionId;
    }
}
