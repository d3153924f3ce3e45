using System.Globalization;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Search;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IntergovCommission.Web.Pages.Search;

/// <summary>
/// /Search?q=…: one search over what the person may read (decisions, agenda items, proposals,
/// materials, minutes), ranked, the matching passage marked; filters by commission, session, year and kind.
/// The header's search box sends here.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? CommissionId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? SessionId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public SearchKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public SearchRecords.Result? Result { get; private set; }

    public IReadOnlyList<ListCommissions.Item> Commissions { get; private set; } = [];

    public IReadOnlyList<ListSessions.Item> Sessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        if (Text is not null || Request.Query.ContainsKey("q"))
        {
            Result = await mediator.Send(new SearchRecords.Query
            {
                Text = Text,
                CommissionId = CommissionId,
                SessionId = SessionId,
                Year = Year,
                Kind = Kind,
                Page = PageNumber,
            }, ct);
        }
    }

    /// <summary>The filter choices: the person's commissions, and the sessions of the one chosen.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Commissions = await mediator.Send(new ListCommissions.Query(), cancellationToken);
        if (CommissionId is { } commissionId && Commissions.Any(c => c.Id == commissionId))
        {
            Sessions = (await mediator.Send(new ListSessions.Query(commissionId), cancellationToken)).Sessions;
        }
    }

    public string QueryFor(int page)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Text,
            ["commissionId"] = CommissionId?.ToString(),
            ["sessionId"] = SessionId?.ToString(),
            ["year"] = Year?.ToString(CultureInfo.InvariantCulture),
            ["kind"] = Kind?.ToString(),
            ["p"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Search", values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }
}
