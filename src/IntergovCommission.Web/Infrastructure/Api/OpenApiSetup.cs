using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IntergovCommission.Web.Infrastructure.Api;

/// <summary>
/// The OpenAPI document at /openapi/v1.json, made fit for generated clients: one schema id per type
/// (the declaring type's name + the type's name, so <c>ListUsers.Item</c> and <c>ListNotifications.Item</c>
/// stay apart), the Bearer scheme declared and applied to every operation, every problem answer
/// documented as <c>application/problem+json</c>, tags with descriptions, the licence and a contact.
/// </summary>
public static class OpenApiSetup
{
    public const string BearerScheme = "Bearer";
    public const string ProblemSchema = "Problem";
    public const string License = "AGPL-3.0-or-later";

    /// <summary>Tag descriptions: a tag used by an endpoint and missing here fails the OpenAPI test.</summary>
    public static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Caller"] = "Who the caller is: the token's (or cookie's) user and their memberships.",
        ["Commissions"] = "Commissions, their roster and regulation profile; an administrator creates a commission.",
        ["Memberships"] = "Appointments to a commission: add, change, end.",
        ["People"] = "A person's details, for the commissions they sit on.",
        ["Sessions"] = "Sessions of a commission: schedule, change, start, close, cancel; the annual work plan.",
        ["Proposals"] = "Agenda proposals of members and their decision by the secretary of the member's side (KZRU-06).",
        ["Agenda"] = "The draft agenda, its approval by the co-chairs (KZRU-11) and the invitees (KZRU-14).",
        ["Live session"] = "Attendance, quorum and the live state of a session in progress.",
        ["Ballots"] = "Votes: open, cast, close, results with roll call, dissenting opinions.",
        ["Materials"] = "Session materials and the session pack (KZRU-13).",
        ["Documents"] = "The agenda and the minutes as PDF.",
        ["Agenda carry-over"] = "Items deferred (KZRU-11) or referred to an expert group (KZRU-20).",
        ["Decisions"] = "Decisions: read, send for signature, sign, approve, correct, the issued PDF.",
        ["Verification"] = "Public verification of an issued decision (no token needed).",
        ["Notifications"] = "The caller's notifications (the bell): read and mark read.",
        ["Access tokens"] = "The caller's personal access tokens: list, rotate (a successor before expiry), revoke one or all.",
        ["Administration"] = "Sign-ins and their tokens, managed by an administrator.",
        ["Working-day calendars"] = "Working-day calendars per country and year (WF-06): read a year, count N working days; an administrator edits them.",
        ["Assignments"] = "Assignments under control (KZRU-05, KZRU-07): the control list, reports with files, accept / return, extensions approved by the side's co-chair.",
        ["Treaties"] = "The register of treaties the commission serves and the annual report on their execution (WF-07): fields (1)-(12), PDF and DOCX.",
        ["Circulation"] = "Drafts sent round for approval (WF-04): each body's answer, or its deemed agreement once 2 working days have passed.",
        ["Records"] = "Keeping the commission's records (KZRU-22): the term, and its basis recorded by a secretary.",
        ["Audit trail"] = "The hash-chained audit trail: its latest signed checkpoint (no token needed), its verification and its rows (administrators; a commission's secretaries for their commission).",
        ["Search"] = "Full-text search over the records the caller may read: decisions, agenda items, proposals, meeting materials and minutes (issue #14).",
    };

    public static IServiceCollection AddIntegrationApiDocument(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOpenApi("v1", options =>
        {
            var defaultInclude = options.ShouldInclude;
            options.ShouldInclude = description => defaultInclude(description)
                && description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.CreateSchemaReferenceId = SchemaId;
            options.AddDocumentTransformer((document, _, _) =>
            {
                Describe(document, configuration);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                Document(operation, context);
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>Nested types are named with the types that declare them: <c>ListUsersItem</c>, <c>CreateAccessTokenCommand</c>.</summary>
    public static string? SchemaId(System.Text.Json.Serialization.Metadata.JsonTypeInfo type)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        if (id is null)
        {
            return null;
        }

        for (var outer = type.Type.DeclaringType; outer is not null; outer = outer.DeclaringType)
        {
            id = outer.Name.Split('`')[0] + id;
        }

        return id;
    }

    private static void Describe(OpenApiDocument document, IConfiguration configuration)
    {
        document.Info ??= new OpenApiInfo();
        document.Info.Title = "IntergovCommission integration API";
        document.Info.Version = "v1";
        document.Info.Description = "The same use cases the web pages send, over JSON. Authenticate with a personal access token "
            + "(`Authorization: Bearer igc_…`, created on /Api/Tokens); errors are RFC 9457 problem documents. See docs/api.md.";
        document.Info.License = new OpenApiLicense { Name = License, Url = new Uri("https://www.gnu.org/licenses/agpl-3.0.html") };
        document.Info.Contact = new OpenApiContact
        {
            Name = configuration["Api:Contact:Name"] is { Length: > 0 } name ? name : "Secretariat of the commission",
            Email = configuration["Api:Contact:Email"] is { Length: > 0 } email ? email : null,
            Url = Uri.TryCreate(configuration["Api:Contact:Url"], UriKind.Absolute, out var url) ? url : null,
        };

        foreach (var server in document.Servers ?? [])
        {
            if (server.Url is { Length: > 1 } u && u.EndsWith('/'))
            {
                server.Url = u.TrimEnd('/');
            }
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "igc_…",
            Description = "A personal access token (created on /Api/Tokens or by rotation). It carries its owner's rights, never more.",
        };
        EnsureProblemSchema(document);

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in (document.Paths ?? []).Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            foreach (var tag in operation.Tags ?? new HashSet<OpenApiTagReference>())
            {
                if (tag.Name is { } tagName)
                {
                    used.Add(tagName);
                }
            }
        }

        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var missing in used.Where(n => document.Tags.All(t => t.Name != n)))
        {
            document.Tags.Add(new OpenApiTag { Name = missing });
        }

        foreach (var tag in document.Tags)
        {
            if (tag.Name is { } n && Tags.TryGetValue(n, out var description))
            {
                tag.Description = description;
            }
        }
    }

    private static void EnsureProblemSchema(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        if (document.Components.Schemas.ContainsKey(ProblemSchema))
        {
            return;
        }

        document.Components.Schemas[ProblemSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details. `errors` names each invalid field (400); `rule` names the regulation rule of a refusal (403, 422).",
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["correlationId"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["rule"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
        };
    }

    private static void Document(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var document = context.Document ?? throw new InvalidOperationException("The operation transformer has no document.");
        EnsureProblemSchema(document);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var method = context.Description.HttpMethod ?? "GET";
        var isRead = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        var path = context.Description.RelativePath ?? string.Empty;

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
        if (anonymous)
        {
            operation.Security.Add(new OpenApiSecurityRequirement()); // the token is optional here
        }

        operation.Responses ??= [];
        var hasInput = operation.RequestBody is not null || (operation.Parameters ?? []).Any(p => p.In == ParameterLocation.Query);
        if (hasInput || !isRead)
        {
            AddProblem(operation, document, "400", "Invalid input: `errors` names each field; nothing was saved.");
        }

        if (!anonymous)
        {
            AddProblem(operation, document, "401", "No token, or an unknown, expired or revoked token.");
            AddProblem(operation, document, "403", "The caller may not do this; `rule` names the regulation rule when one applies.");
        }

        if (path.Contains('{', StringComparison.Ordinal))
        {
            AddProblem(operation, document, "404", "No such resource, or not one the caller may see.");
        }

        if (!isRead)
        {
            AddProblem(operation, document, "409", "Someone saved first (send the version you read again), or a twin request with the same Idempotency-Key is running.");
            AddProblem(operation, document, "422", "The regulation refuses it now; `rule` names the rule.");
        }
        else if (path.EndsWith(".pdf", StringComparison.Ordinal) || path.EndsWith(".zip", StringComparison.Ordinal))
        {
            AddProblem(operation, document, "422", "The document does not exist yet in this state; `rule` names the rule.");
        }

        if (!operation.Responses.ContainsKey("429"))
        {
            operation.Responses["429"] = new OpenApiResponse
            {
                Description = "Too many requests for this user; Retry-After says how many seconds to wait.",
                Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
                {
                    ["Retry-After"] = new OpenApiHeader { Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
                },
            };
        }
    }

    private static void AddProblem(OpenApiOperation operation, OpenApiDocument document, string status, string description)
    {
        if (operation.Responses!.TryGetValue(status, out var existing) && existing.Content?.ContainsKey("application/problem+json") == true)
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
            },
        };
    }
}
