using IntergovCommission.Web.Features.Notifications;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.Notifications;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public ListNotifications.Result Result { get; private set; } = new(0, []);

    public async Task OnGetAsync(CancellationToken ct) => Result = await mediator.Send(new ListNotifications.Query(), ct);

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken ct)
    {
        await mediator.Send(new MarkNotificationsRead.Command(id), ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await mediator.Send(new MarkNotificationsRead.Command(null), ct);
        return RedirectToPage();
    }
}
