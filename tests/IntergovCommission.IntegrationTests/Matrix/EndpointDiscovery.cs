using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IntergovCommission.IntegrationTests.Matrix;

/// <summary>What the app serves, read from the app itself, so a new endpoint or page handler cannot hide from the matrix tests.</summary>
internal sealed record DiscoveredEndpoint(string Key, string Kind, string Method, string Route, string? PageHandler)
{
    public override string ToString() => Key;
}

internal static partial class EndpointDiscovery
{
    public const string Hub = "HUB";
    public const string Api = "API";
    public const string Page = "PAGE";
    public const string Other = "OTHER";

    /// <summary>
    /// Every RouteEndpoint of the app's EndpointDataSource: minimal API routes with each HTTP method; for Razor Pages,
    /// one entry per handler method of the page model (OnGet, OnPostClose… → GET, POST ?handler=Close), found by reflection;
    /// the SignalR hub as one entry (its negotiate and connect routes).
    /// </summary>
    public static IReadOnlyList<DiscoveredEndpoint> Discover(IServiceProvider services)
    {
        var found = new Dictionary<string, DiscoveredEndpoint>(StringComparer.Ordinal);
        var pageModels = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract)
            .ToDictionary(t => t.FullName!, StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            var page = endpoint.Metadata.OfType<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>().FirstOrDefault();
            if (page is not null)
            {
                var typeName = "IntergovCommission.Web.Pages" + page.ViewEnginePath.Replace('/', '.') + "Model";
                Assert.True(pageModels.TryGetValue(typeName, out var model), $"Page {page.ViewEnginePath} has no page model {typeName} (the matrix finds handlers by reflection on it).");
                foreach (var method in model!.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                {
                    var match = HandlerName().Match(method.Name);
                    if (!match.Success)
                    {
                        continue;
                    }

                    var verb = match.Groups[1].Value.ToUpperInvariant();
                    var handler = match.Groups[2].Value;
                    var key = $"{Page} {verb} {page.ViewEnginePath}" + (handler.Length == 0 ? string.Empty : $"?handler={handler}");
                    found.TryAdd(key, new DiscoveredEndpoint(key, Page, verb, page.ViewEnginePath, handler.Length == 0 ? null : handler));
                }

                continue;
            }

            if (route.StartsWith("/hubs/", StringComparison.Ordinal))
            {
                var hubKey = $"{Hub} {route.Replace("/negotiate", string.Empty, StringComparison.Ordinal)} Join";
                found.TryAdd(hubKey, new DiscoveredEndpoint(hubKey, Hub, "WS", route, null));
                continue;
            }

            var methods = endpoint.Metadata.OfType<HttpMethodMetadata>().FirstOrDefault()?.HttpMethods ?? ["ANY"];
            foreach (var method in methods)
            {
                var kind = route.StartsWith("/api/", StringComparison.Ordinal) ? Api : Other;
                var key = $"{kind} {method} {route}";
                found.TryAdd(key, new DiscoveredEndpoint(key, kind, method, route, null));
            }
        }

        return found.Values.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex("^On(Get|Post|Put|Delete|Patch)(\\w*?)(Async)?$")]
    private static partial Regex HandlerName();
}
