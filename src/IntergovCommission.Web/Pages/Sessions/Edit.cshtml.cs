using IntergovCommission.Domain.Regulation;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Mediator;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Sessions;

public sealed class EditModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty]
    public EditSession.Command Data { get; set; } = new();

    public GetSession.Result Session { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Data.SessionId = id;
        await ReloadAsync(ct);
        if (!Session.Viewer.IsSecretary)
        {
            throw Session.Refusal(Capability.PrepareSessions);
        }

        var s = Session;
        Data = new EditSession.Command
        {
            SessionId = id,
            Version = s.Version,
            Kind = s.Kind,
            Format = s.Format,
            Place = s.Place,
            PlaceKk = s.PlaceKk,
            ConferenceLink = s.ConferenceLink,
            StartLocal = SessionTime.ToLocal(s.StartsAt, s.TimeZoneId),
            TimeZoneId = s.TimeZoneId,
        };
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
        TempData["Notice"] = text["Sessions.Saved"].Value;
        return Redirect($"/Sessions/Details/{id}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Session = await mediator.Send(new GetSession.Query(Data.SessionId), cancellationToken);
}
