using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace IntergovCommission.IntegrationTests.Matrix;

/// <summary>What one request answered.</summary>
internal sealed record Answer(int Status, string? Location, string? ContentType, string Body)
{
    public string Short => Body.Length <= 200 ? Body : Body[..200];

    /// <summary>The "rule" of a problem document, if the answer is one.</summary>
    public string? Rule
    {
        get
        {
            if (ContentType is not ("application/problem+json" or "application/json") || Body.Length == 0)
            {
                return null;
            }

            try
            {
                using var json = System.Text.Json.JsonDocument.Parse(Body);
                return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && json.RootElement.TryGetProperty("rule", out var rule) ? rule.GetString() : null;
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }

    public override string ToString() => $"{Status}{(Location is null ? string.Empty : " → " + Location)}{(Rule is { } rule ? " rule " + rule : string.Empty)}";
}

/// <summary>Sends a table row's request as a caller: the API with the caller's token, pages with their cookie session and antiforgery token.</summary>
internal static partial class MatrixClient
{
    /// <summary>
    /// Messages of an answer that reached the person untranslated: the matrices run in Russian (the app's default
    /// language), so a refusal or field message without a single Cyrillic letter came from an English literal that
    /// has no resource. This checks the real exception sites the requests reach, not the source text.
    /// </summary>
    public static IEnumerable<string> UntranslatedMessages(Answer answer)
    {
        var messages = new List<string>();
        if (answer.ContentType == "application/problem+json" && answer.Body.Length > 0)
        {
            try
            {
                using var json = System.Text.Json.JsonDocument.Parse(answer.Body);
                var root = json.RootElement;
                foreach (var name in new[] { "title", "detail" })
                {
                    if (root.TryGetProperty(name, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String)
                    {
                        messages.Add(value.GetString()!);
                    }
                }

                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == System.Text.Json.JsonValueKind.Object)
                {
                    messages.AddRange(errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(m => m.GetString() ?? string.Empty));
                }
            }
            catch (System.Text.Json.JsonException)
            {
                return [];
            }
        }
        else if (answer.ContentType == "text/html")
        {
            messages.AddRange(PageMessage().Matches(answer.Body).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()));
        }

        return messages.Where(m => m.Length > 0 && !m.Any(c => c is >= '\u0400' and <= '\u04FF'));
    }

    [System.Text.RegularExpressions.GeneratedRegex("(?:class=\"field-error[^\"]*\"[^>]*|data-testid=\"refusal\")>([^<]+)<")]
    private static partial System.Text.RegularExpressions.Regex PageMessage();

    public static readonly byte[] TinyPdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% probe\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static async Task<Answer> SendAsync(MatrixWorld world, MatrixCase row, Caller caller)
    {
        if (row.Method is "WS" or "LP")
        {
            var sessionId = Guid.Parse(world.Fill(row.Url));
            var error = row.Method == "WS" ? await world.JoinHubAsync(caller, sessionId) : await world.JoinHubLongPollingAsync(caller, sessionId);
            return new Answer(error is null ? 200 : 403, null, null, error ?? "joined");
        }

        var isApi = row.Key.StartsWith(EndpointDiscovery.Api, StringComparison.Ordinal);
        HttpClient client;
        string antiforgery;
        if (isApi)
        {
            client = world.Api(caller);
            antiforgery = string.Empty;
        }
        else if (row.FreshSession)
        {
            (client, _, antiforgery) = await world.FreshWebAsync(caller);
        }
        else
        {
            (client, _, antiforgery) = world.Web(caller);
        }

        using var request = new HttpRequestMessage(new HttpMethod(row.Method), world.Fill(row.Url));
        request.Content = Content(world, row.Body, isApi, antiforgery);
        var answer = await SendAsync(client, request);
        if (isApi && row.FreshSession)
        {
            // The row revokes the caller's own tokens (DELETE /tokens): the next rows get a new one.
            await world.ReconnectApiAsync(caller);
        }

        return answer;
    }

    public static async Task<Answer> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new Answer((int)response.StatusCode, response.Headers.Location?.OriginalString, response.Content.Headers.ContentType?.MediaType, body);
    }

    private static HttpContent? Content(MatrixWorld world, string? body, bool isApi, string antiforgery)
    {
        if (body is null)
        {
            return null;
        }

        if (body == "pdf:")
        {
            var pdf = new ByteArrayContent(TinyPdf);
            pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            return pdf;
        }

        if (body.StartsWith("multipart:", StringComparison.Ordinal))
        {
            var multipart = new MultipartFormDataContent();
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes("plain text, not a document"));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            multipart.Add(file, isApi ? "file" : "Upload", "note.txt");
            multipart.Add(new StringContent("Probe"), isApi ? "title" : "Data.Title");
            foreach (var (name, value) in Form(world.Fill(body["multipart:".Length..])))
            {
                multipart.Add(new StringContent(value), name);
            }

            if (!isApi)
            {
                multipart.Add(new StringContent(antiforgery), "__RequestVerificationToken");
            }

            return multipart;
        }

        if (isApi)
        {
            return new StringContent(world.Fill(body), Encoding.UTF8, "application/json");
        }

        return new FormUrlEncodedContent(Form(world.Fill(body)).Append(new("__RequestVerificationToken", antiforgery)));
    }

    public static IEnumerable<KeyValuePair<string, string>> Form(string fields) =>
        fields.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            return at < 0 ? new KeyValuePair<string, string>(pair, string.Empty) : new KeyValuePair<string, string>(pair[..at], pair[(at + 1)..]);
        });

    /// <summary>Allowed, refused or neither (a 5xx, a 429, or a 400/409 where the request was meant to be complete).</summary>
    public static bool? Allowed(Answer answer, Mode mode, string[]? refusalRules = null)
    {
        if (answer.Status == 422 && refusalRules is not null && answer.Rule is { } rule && refusalRules.Contains(rule))
        {
            return false;
        }

        if (answer.Status >= 500)
        {
            return null;
        }

        if (answer.Status is 401 or 403 or 404)
        {
            return false;
        }

        if (answer.Status is >= 300 and < 400 && answer.Location is { } location
            && (location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) || location.Contains("/Error/403", StringComparison.Ordinal)
                || location.Contains("AccessDenied", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (answer.Status is >= 200 and < 400)
        {
            return true;
        }

        return (mode, answer.Status) switch
        {
            (Mode.Probe, 400 or 409 or 422) => true,
            (Mode.Real, 422) => false,
            _ => null,
        };
    }
}
