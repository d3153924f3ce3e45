using IntergovCommission.Web.Features.Memberships;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Memberships;

public sealed class AddModel(IMediator mediator, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty]
    public AddMembership.Command Data { get; set; } = new();

    public IReadOnlyList<ListSides.Item> Sides { get; private set; } = [];

    public async Task OnGetAsync(Guid commissionId, Guid? sideId, CancellationToken ct)
    {
        Data.CommissionId = commissionId;
        Data.SideId = sideId;
        await PageGate.RequireAllowedAsync(HttpContext, new AddMembership.Command { CommissionId = commissionId, SideId = sideId }, ct);
        Data.TermStart = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await ReloadAsync(ct);
        Data.AppointingAuthorityRu = Sides.FirstOrDefault(s => s.Id == sideId)?.AppointingAuthority.Ru;
        Data.AppointingAuthorityKk = Sides.FirstOrDefault(s => s.Id == sideId)?.AppointingAuthority.Kk;
    }

    public async Task<IActionResult> OnPostAsync(Guid commissionId, CancellationToken ct)
    {
        Data.CommissionId = commissionId;
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return Page();
        }

        await mediator.Send(Data, ct);
        TempData["Notice"] = text["Membership.Added", Data.FullNameRu ?? string.Empty].Value;
        return Redirect($"/Commissions/Roster/{commissionId}");
    }

    /// <summary>The appointed roles of the commission's profile, with their names.</summary>
    public IReadOnlyList<RoleChoices.Choice> Roles { get; private set; } = [];

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Sides = await mediator.Send(new ListSides.Query(Data.CommissionId), cancellationToken);
        Roles = RoleChoices.For((await mediator.Send(new Features.Commissions.GetProfile.Query(Data.CommissionId), cancellationToken)).Profile);
    }
}
