using IntergovCommission.Web.Features.Live;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.Sessions;

/// <summary>
/// The room screen: quorum, presiding, the item, the live tally and roll call, the result, in large type, with no
/// controls, no navigation and no account. Someone on the commission opens it signed in; a projector opens it with
/// nobody signed in through a secret screen link (<c>?key=</c>) a secretary created on the desk page.
/// </summary>
[AllowAnonymous]
public sealed class ScreenModel(IMediator mediator) : PageModel
{
    public GetLiveSession.Result State { get; private set; } = null!;

    /// <summary>The secret of a screen link, when the screen is opened without a sign-in.</summary>
    [FromQuery(Name = "key")]
    public string? Key { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(Key) && User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        State = await mediator.Send(new GetRoomScreen.Query(id, Key), ct);
        return Page();
    }

    public async Task<IActionResult> OnGetPanelAsync(Guid id, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(Key) && User.Identity?.IsAuthenticated != true)
        {
            return Unauthorized();
        }

        State = await mediator.Send(new GetRoomScreen.Query(id, Key), ct);
        return Partial("_RoomScreen", State);
    }
}
