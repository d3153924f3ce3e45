using IntergovCommission.Web.Features.Audit;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.Audit;

/// <summary>
/// /Audit: the audit trail, filtered (person, action, entity, dates), each change readable; CSV of
/// the same filter with ?handler=Csv. The whole trail for administrators; ?commissionId= one
/// commission's rows, for its secretaries too (the use case decides).
/// </summary>
public sealed class IndexModel(IMediator mediator, IntergovCommission.Web.Infrastructure.Mediator.IActorAccessor actors) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid? CommissionId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ListAuditEntries.Result? Result { get; private set; }

    public ListAuditEntries.Query Filter => new()
    {
        CommissionId = CommissionId,
        Person = Person,
        Action = Action,
        Entity = Entity,
        From = From,
        To = To,
        Page = PageNumber,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CommissionId is null)
        {
            // The navigation's link for a commission's secretaries: their own commission's trail (an administrator reads the whole one).
            var actor = await actors.GetActorAsync(ct);
            if (!actor.IsAdministrator
                && actor.Memberships.Select(m => m.CommissionId).FirstOrDefault(c => actor.May(c, IntergovCommission.Domain.Regulation.Capability.KeepRecords)) is var own && own != Guid.Empty)
            {
                CommissionId = own;
                return Redirect(QueryFor(PageNumber));
            }
        }

        Result = await mediator.Send(Filter, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var csv = await mediator.Send(new ExportAuditCsv.Query(Filter), ct);
        return File(csv, "text/csv; charset=utf-8", "audit-trail.csv");
    }

    /// <summary>After a refused filter the page shows the form and its messages, no rows.</summary>
    public Task ReloadAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public string QueryFor(int page, string? handler = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["commissionId"] = CommissionId?.ToString(),
            ["person"] = Person,
            ["action"] = Action,
            ["entity"] = Entity,
            ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["p"] = page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["handler"] = handler,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Audit", values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }
}
