using IntergovCommission.Web.Features.Admin;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Admin.Users;

/// <summary>/Admin/Users/Create: a new sign-in, linked to a person on a roster or to none, with an initial password.</summary>
public sealed class CreateModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty]
    public CreateUser.Command Data { get; set; } = new();

    public IReadOnlyList<ListPeopleWithoutAccount.Item> People { get; private set; } = [];

    public async Task OnGetAsync(Guid? personId, CancellationToken ct)
    {
        Data.PersonId = personId;
        await ReloadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return Page();
        }

        await mediator.Send(Data, ct);
        TempData["Notice"] = text["Admin.Users.Created", Data.UserName?.Trim() ?? string.Empty].Value;
        return RedirectToPage("./Index");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        People = await mediator.Send(new ListPeopleWithoutAccount.Query(), cancellationToken);
}
