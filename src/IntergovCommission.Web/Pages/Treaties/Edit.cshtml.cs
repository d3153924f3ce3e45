using IntergovCommission.Web.Features.Treaties;
using IntergovCommission.Web.Infrastructure.Localization;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IntergovCommission.Web.Pages.Treaties;

/// <summary>/Treaties/Edit?commissionId=… (a new treaty) or /Treaties/Edit/{id} (a correction): fields (1)-(8) and the reporting side (WF-07).</summary>
public sealed class EditModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public SaveTreaty.Command Data { get; set; } = new();

    public ListTreaties.Result Register { get; private set; } = null!;

    public async Task OnGetAsync(Guid commissionId, CancellationToken ct)
    {
        await PageGate.RequireAllowedAsync(HttpContext, new SaveTreaty.Command { TreatyId = Id, CommissionId = commissionId }, ct);
        if (Id is Guid id)
        {
            var t = await mediator.Send(new GetTreaty.Query(id), ct);
            var d = t.Details;
            Data = new SaveTreaty.Command
            {
                TreatyId = id, CommissionId = t.CommissionId, ReportingSideId = t.ReportingSideId, NameRu = d.NameRu, NameKk = d.NameKk, ConcludedOn = d.ConcludedOn,
                SigningActs = d.SigningActs, InForceOn = d.InForceOn, InForceActs = d.InForceActs, Validity = d.Validity, ResponsibleBodies = d.ResponsibleBodies,
                Subject = d.Subject, Version = t.Version,
            };
        }
        else
        {
            Data.CommissionId = commissionId;
        }

        await ReloadAsync(ct);
        if (Data.ReportingSideId == Guid.Empty && Register.Sides.Count > 0)
        {
            Data.ReportingSideId = Register.Sides[0].Id;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Data.TreatyId = Id;
        var result = await mediator.Send(Data, ct);
        TempData["Notice"] = text["Treaties.Saved"].Value;
        return Redirect($"/Treaties?commissionId={Data.CommissionId}#t-{result.TreatyId}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        if (Id is Guid id && Data.CommissionId == Guid.Empty)
        {
            Data.CommissionId = (await mediator.Send(new GetTreaty.Query(id), cancellationToken)).CommissionId;
        }

        Register = await mediator.Send(new ListTreaties.Query(Data.CommissionId), cancellationToken);
    }
}
