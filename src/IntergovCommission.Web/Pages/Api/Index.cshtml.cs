using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace IntergovCommission.Web.Pages.Api;

/// <summary>The API's endpoints for people, read from the routing table (so it cannot drift from the code).</summary>
public sealed class IndexModel(EndpointDataSource endpoints) : PageModel
{
    public sealed record Row(string Method, string Path, string Summary);

    public IReadOnlyList<Row> Endpoints { get; private set; } = [];

    public void OnGet() => Endpoints = endpoints.Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
        .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
            .Select(m => new Row(m, e.RoutePattern.RawText!, e.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? string.Empty)))
        .OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
        .ToList();
}
