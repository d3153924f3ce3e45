using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Commissions;

/// <summary>/Commissions/Create: an administrator creates a commission with its profile and national parts (KZRU-02).</summary>
public sealed class CreateModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    public const int MaxSides = 30;

    [BindProperty]
    public CreateCommission.Command Data { get; set; } = new();

    public IReadOnlyList<ListProfiles.Item> Profiles { get; private set; } = [];

    /// <summary>IANA zone ids this server knows, offered as suggestions (the field takes any valid id).</summary>
    public static IReadOnlyList<string> TimeZones { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Where(z => z.HasIanaId && z.Id.Contains('/', StringComparison.Ordinal))
        .Select(z => z.Id)
        .Order(StringComparer.Ordinal)
        .ToList();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        Data.ProfileId = Profiles.Count > 0 ? Profiles[0].Id : null;
        Data.Sides = [new(), new()];
    }

    /// <summary>Adds a blank side row and shows the form again (nothing is saved).</summary>
    public async Task<IActionResult> OnPostAddSideAsync(CancellationToken ct)
    {
        if (Data.Sides.Count < MaxSides)
        {
            Data.Sides.Add(new CreateCommission.SideInput());
        }

        ModelState.Clear();
        await ReloadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return Page();
        }

        var id = await mediator.Send(Data, ct);
        TempData["Notice"] = text["Admin.Commission.Created", CreateCommission.Normalize(Data.Code)].Value;
        return Redirect($"/Commissions/Roster/{id}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Profiles = await mediator.Send(new ListProfiles.Query(), cancellationToken);
        while (Data.Sides.Count < CreateCommission.MinimumSides)
        {
            Data.Sides.Add(new CreateCommission.SideInput());
        }
    }
}
