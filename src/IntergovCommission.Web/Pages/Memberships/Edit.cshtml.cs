using IntergovCommission.Domain.Common;
using IntergovCommission.Web.Features.Memberships;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Memberships;

public sealed class EditModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty]
    public EditMembership.Command Data { get; set; } = new();

    public LocalizedText PersonName { get; private set; } = LocalizedText.Empty;

    public IReadOnlyList<ListSides.Item> Sides { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var current = await mediator.Send(new GetMembership.Query(id), ct);
        if (current.IsEnded)
        {
            return Redirect($"/People/Details/{current.PersonId}");
        }

        Data = current.Form;
        await ReloadAsync(ct);
        return Page();
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
        TempData["Notice"] = text["Membership.Saved"].Value;
        return Redirect($"/Commissions/Roster/{Data.CommissionId}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var current = await mediator.Send(new GetMembership.Query(Data.MembershipId), cancellationToken);
        Data.CommissionId = current.CommissionId; // never bound from the form: the membership's own commission
        PersonName = current.PersonName;
        Sides = await mediator.Send(new ListSides.Query(current.CommissionId), cancellationToken);
        Roles = RoleChoices.For((await mediator.Send(new Features.Commissions.GetProfile.Query(current.CommissionId), cancellationToken)).Profile);
    }

    /// <summary>The appointed roles of the commission's profile, with their names.</summary>
    public IReadOnlyList<RoleChoices.Choice> Roles { get; private set; } = [];
}
