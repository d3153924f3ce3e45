using IntergovCommission.Web.Features.Search;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace IntergovCommission.Web.Infrastructure.Api;

/// <summary>/api/v1/search: the search of the /Search page, with the same filters and the same visibility.</summary>
public static class SearchEndpoints
{
    public static void MapSearchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/search", (
                [FromQuery] string? text,
                [FromQuery] Guid? commissionId,
                [FromQuery] Guid? sessionId,
                [FromQuery] int? year,
                [FromQuery] SearchKind? kind,
                [FromQuery] int? page,
                IMediator m,
                CancellationToken ct) =>
                m.Send(new SearchRecords.Query { Text = text, CommissionId = commissionId, SessionId = sessionId, Year = year, Kind = kind, Page = page ?? 1 }, ct))
            .WithTags("Search")
            .WithName("SearchRecords")
            .WithSummary("Full-text search over what the caller may read: decisions (number, title, text in both languages), agenda items, proposals, meeting materials (title, text of PDF/DOCX) and minutes of held meetings. "
                + "Every word must occur: Russian words in any form (stemming), Kazakh words by their beginning, any case, Kazakh letters folded (қ=к, ә=а, …). "
                + "Filters: commissionId, sessionId, year (the meeting's year), kind (Decision, Item, Proposal, Material, Minutes). Ranked; 20 a page (`page` from 1, `hasMore`). "
                + "Each hit has `passage`: pieces of plain text, `match` true for the words found (render each piece escaped). Visibility follows the pages: an invitee finds only their items' materials; another commission's records never appear.");
    }
}
