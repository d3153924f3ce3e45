using System.Text.Json;
using System.Text.Json.Nodes;

namespace IntergovCommission.IntegrationTests.Matrix;

/// <summary>One hostile request: what it targets, and the field it should be refused on (null: the body as a whole).</summary>
internal sealed record HostileProbe(string Endpoint, Caller Caller, string Method, string Url, string? ContentType, string? Body, string? Field, string What, bool IsApi, bool FreshSession = false)
{
    /// <summary>Whether storing what this request carries would be wrong (a plain word in a free-text form field is not hostile).</summary>
    public bool CountsAsHostile { get; init; } = true;
}

/// <summary>
/// The hostile values issue 10 lists, and the fields of each JSON body read from the app's OpenAPI document
/// (/openapi/v1.json: request body schema, its properties' types, formats and enums; query parameters).
/// </summary>
internal static class HostileInputs
{
    public static readonly string Megabyte = new('x', 1024 * 1024);

    public static IEnumerable<(string What, JsonNode? Value)> ForType(FieldType type) => type.Kind switch
    {
        "date-time" => [("0001-01-01", "0001-01-01T00:00:00"), ("9999-12-31T23:00", "9999-12-31T23:00:00"), ("not a date", "yesterday"), ("wrong type (number)", 20260101)],
        "date" => [("0001-01-01", "0001-01-01"), ("9999-12-31", "9999-12-31"), ("not a date", "yesterday")],
        "uuid" => [("not a uuid", "not-a-guid"), ("wrong type (number)", 12)],
        "enum" => [("unknown enum value", "NoSuchValue"), ("enum as a huge number", 99999), ("NUL in enum", "For\u0000")],
        "integer" or "number" => [("not a number", "abc"), ("huge number", JsonNode.Parse("99999999999999999999")), ("negative", -5), ("1e30", JsonNode.Parse("1e30"))],
        "boolean" => [("not a boolean", "maybe")],
        "array" => [("not an array", "not-an-array"), ("array of junk", new JsonArray("not-a-guid", "\u0000"))],
        _ => [("NUL character", "a\u0000b"), ("control characters", "a\u0007\u001bb"), ("right-to-left override", "abc\u202Edef"), ("1 MB string", Megabyte), ("wrong type (object)", new JsonObject { ["x"] = 1 })],
    };

    public static readonly (string What, string ContentType, string Body)[] WholeBody =
    [
        ("malformed JSON", "application/json", "{\"a\":"),
        ("JSON array instead of an object", "application/json", "[]"),
        ("JSON null", "application/json", "null"),
        ("empty body", "application/json", ""),
        ("wrong content type", "text/plain", "{}"),
        ("NUL byte in the JSON text", "application/json", "{\u0000}"),
    ];

    public static readonly string[] HostileText = ["a\u0000b", "abc\u202Edef", "a\u0007\u001bb", new('x', 1024 * 1024)];

    public static readonly string[] FormValues = ["a\u0000b", "abc\u202Edef", "a\u0007\u001bb", "9999-12-31T23:00", "0001-01-01", "abc", "maybe", "99999999999", "-5", Megabyte];

    /// <summary>The JSON request body's fields of one operation (path with constraints removed, lower-case method), empty when none.</summary>
    public static Dictionary<string, FieldType> BodyFields(JsonElement document, string route, string method)
    {
        var fields = new Dictionary<string, FieldType>(StringComparer.Ordinal);
        if (Operation(document, route, method) is not { } operation
            || !operation.TryGetProperty("requestBody", out var body)
            || !body.TryGetProperty("content", out var content)
            || !content.TryGetProperty("application/json", out var json)
            || !json.TryGetProperty("schema", out var schema))
        {
            return fields;
        }

        var resolved = Resolve(document, schema);
        if (resolved.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                fields[property.Name] = TypeOf(document, property.Value);
            }
        }

        return fields;
    }

    public static Dictionary<string, FieldType> QueryParameters(JsonElement document, string route, string method)
    {
        var result = new Dictionary<string, FieldType>(StringComparer.Ordinal);
        if (Operation(document, route, method) is { } operation && operation.TryGetProperty("parameters", out var parameters))
        {
            foreach (var parameter in parameters.EnumerateArray())
            {
                var p = parameter.TryGetProperty("$ref", out _) ? Resolve(document, parameter) : parameter;
                if (p.GetProperty("in").GetString() == "query" && p.TryGetProperty("schema", out var schema))
                {
                    result[p.GetProperty("name").GetString()!] = TypeOf(document, schema);
                }
            }
        }

        return result;
    }

    public static string OpenApiPath(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, "\\{(\\w+):[^}]+\\}", "{$1}").TrimEnd('/') is { Length: > 0 } path ? path : "/";

    private static JsonElement? Operation(JsonElement document, string route, string method)
    {
        var paths = document.GetProperty("paths");
        var path = OpenApiPath(route);
        foreach (var candidate in new[] { path, path + "/" })
        {
            if (paths.TryGetProperty(candidate, out var item) && item.TryGetProperty(method.ToLowerInvariant(), out var operation))
            {
                return operation;
            }
        }

        return null;
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        for (var depth = 0; depth < 10; depth++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                var node = document;
                foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
                {
                    node = node.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
                }

                schema = node;
                continue;
            }

            var composed = false;
            foreach (var keyword in new[] { "oneOf", "anyOf", "allOf" })
            {
                if (schema.TryGetProperty(keyword, out var options))
                {
                    foreach (var option in options.EnumerateArray())
                    {
                        if (!(option.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"))
                        {
                            schema = option;
                            composed = true;
                            break;
                        }
                    }
                }

                if (composed)
                {
                    break;
                }
            }

            if (!composed)
            {
                return schema;
            }
        }

        return schema;
    }

    private static FieldType TypeOf(JsonElement document, JsonElement schema)
    {
        var resolved = Resolve(document, schema);
        if (resolved.TryGetProperty("enum", out _))
        {
            return new FieldType("enum");
        }

        var type = resolved.TryGetProperty("type", out var t)
            ? t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()).FirstOrDefault(x => x != "null") : t.GetString()
            : null;
        var format = resolved.TryGetProperty("format", out var f) ? f.GetString() : null;
        return (type, format) switch
        {
            ("string", "date-time") => new FieldType("date-time"),
            ("string", "date") => new FieldType("date"),
            ("string", "uuid") => new FieldType("uuid"),
            ("integer", _) => new FieldType("integer"),
            ("number", _) => new FieldType("number"),
            ("boolean", _) => new FieldType("boolean"),
            ("array", _) => new FieldType("array"),
            _ when format is "int32" or "int64" => new FieldType("integer"),
            _ => new FieldType("string"),
        };
    }

    /// <summary>The type of a field as the base body shows it, when the OpenAPI document does not list it.</summary>
    public static FieldType Infer(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() is JsonValueKind.Number => new FieldType("integer"),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => new FieldType("boolean"),
        JsonValue v when Guid.TryParse(v.ToString(), out _) => new FieldType("uuid"),
        JsonValue v when DateTime.TryParse(v.ToString(), System.Globalization.CultureInfo.InvariantCulture, out _) && v.ToString().Contains('T', StringComparison.Ordinal) => new FieldType("date-time"),
        JsonValue v when DateOnly.TryParse(v.ToString(), System.Globalization.CultureInfo.InvariantCulture, out _) => new FieldType("date"),
        JsonArray => new FieldType("array"),
        _ => new FieldType("string"),
    };
}

internal sealed record FieldType(string Kind);
