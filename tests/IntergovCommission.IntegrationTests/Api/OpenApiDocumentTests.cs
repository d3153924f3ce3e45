using System.Text.Json;
using IntergovCommission.Testing;

namespace IntergovCommission.IntegrationTests.Api;

/// <summary>
/// The OpenAPI document is what generated clients are built from: unique schema ids, the Bearer
/// scheme on every operation, a summary and the problem answers of every operation, the licence.
/// (The same properties the Redocly CLI's recommended rules check, without Node.)
/// </summary>
public sealed class OpenApiDocumentTests
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    private static async Task<JsonDocument> ServedDocumentAsync()
    {
        await using var app = await TestApp.CreateAsync(seedDemo: false);
        using var client = app.CreateClient();
        var text = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        if (Environment.GetEnvironmentVariable("IGC_OPENAPI_OUT") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, text); // for `redocly lint` by hand
        }

        return JsonDocument.Parse(text);
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement root) =>
        root.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)).Select(o => (p.Name, o.Name, o.Value)));

    [Fact]
    public async Task Every_operation_declares_the_bearer_scheme_a_summary_and_a_4xx_problem_answer()
    {
        using var document = await ServedDocumentAsync();
        var root = document.RootElement;
        var operations = Operations(root).ToList();
        Assert.True(operations.Count > 60, $"only {operations.Count} operations");
        Assert.Equal("http", root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("type").GetString());

        var faults = new List<string>();
        foreach (var (path, method, operation) in operations)
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            if (!path.StartsWith("/api/v1/", StringComparison.Ordinal))
            {
                faults.Add($"{name}: not under /api/v1");
            }

            if (!operation.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
            {
                faults.Add($"{name}: no summary");
            }

            if (!operation.TryGetProperty("operationId", out _))
            {
                faults.Add($"{name}: no operationId");
            }

            if (!operation.TryGetProperty("security", out var security)
                || !security.EnumerateArray().Any(r => r.TryGetProperty("Bearer", out _)))
            {
                faults.Add($"{name}: no Bearer security");
            }

            var problems = operation.GetProperty("responses").EnumerateObject()
                .Where(r => r.Name.StartsWith('4') && r.Value.TryGetProperty("content", out var c) && c.TryGetProperty("application/problem+json", out _))
                .ToList();
            if (problems.Count == 0)
            {
                faults.Add($"{name}: no 4xx application/problem+json answer");
            }

            if (operation.TryGetProperty("tags", out var tags) && tags.GetArrayLength() == 0)
            {
                faults.Add($"{name}: no tag");
            }
        }

        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    [Fact]
    public async Task Schema_ids_are_unique_per_type_and_readable()
    {
        using var document = await ServedDocumentAsync();
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToList();
        // The bare names several types used to share: each now carries its declaring type.
        foreach (var ambiguous in new[] { "Command", "Result", "Row", "Item", "Query", "Body" })
        {
            Assert.DoesNotContain(ambiguous, schemas);
        }

        Assert.Contains("ListUsersItem", schemas);
        Assert.Contains("ListAccessTokensItem", schemas);
        Assert.Contains("ListCommissionsItem", schemas);
        Assert.Contains("SessionApiBodiesProposalBody", schemas);
        // A colliding name would come out de-duplicated with a number ("Item2"); none does.
        Assert.All(schemas, s => Assert.Matches("^[A-Za-z][A-Za-z0-9]*[A-Za-z]$", s));

        // Two types with the same name in different use cases get different ids.
        var options = System.Text.Json.JsonSerializerOptions.Web;
        Assert.NotEqual(
            Web.Infrastructure.Api.OpenApiSetup.SchemaId(options.GetTypeInfo(typeof(Web.Features.Admin.ListUsers.Item))),
            Web.Infrastructure.Api.OpenApiSetup.SchemaId(options.GetTypeInfo(typeof(Web.Features.Commissions.ListCommissions.Item))));
    }

    [Fact]
    public async Task Document_has_licence_contact_tag_descriptions_and_a_server_without_trailing_slash()
    {
        using var document = await ServedDocumentAsync();
        var root = document.RootElement;
        var info = root.GetProperty("info");
        Assert.Equal("AGPL-3.0-or-later", info.GetProperty("license").GetProperty("name").GetString());
        Assert.False(string.IsNullOrWhiteSpace(info.GetProperty("contact").GetProperty("name").GetString()));

        var used = Operations(root).SelectMany(o => o.Operation.TryGetProperty("tags", out var t) ? t.EnumerateArray().Select(x => x.GetString()!) : []).ToHashSet(StringComparer.Ordinal);
        var described = root.GetProperty("tags").EnumerateArray()
            .Where(t => t.TryGetProperty("description", out var d) && !string.IsNullOrWhiteSpace(d.GetString()))
            .Select(t => t.GetProperty("name").GetString()!).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(used.Except(described));

        if (root.TryGetProperty("servers", out var servers))
        {
            Assert.All(servers.EnumerateArray(), s => Assert.False(s.GetProperty("url").GetString()!.EndsWith('/') && s.GetProperty("url").GetString() != "/"));
        }
    }
}
