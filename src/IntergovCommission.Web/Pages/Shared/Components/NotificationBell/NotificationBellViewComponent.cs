using IntergovCommission.Web.Features.Notifications;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace IntergovCommission.Web.Pages.Shared.Components.NotificationBell;

/// <summary>The bell in the top bar with the count of unread notifications.</summary>
public sealed class NotificationBellViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var result = await mediator.Send(new ListNotifications.Query(Take: 0), HttpContext.RequestAborted);
        return View(result.Unread);
    }
}
