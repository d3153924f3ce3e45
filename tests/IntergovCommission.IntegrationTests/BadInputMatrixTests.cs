using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntergovCommission.IntegrationTests.Matrix;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace IntergovCommission.IntegrationTests;

/// <summary>
/// Issue 10, "make it impossible to come back": every JSON endpoint (fields from the OpenAPI document) and every form
/// POST (fields of the matrix row), sent malformed JSON, wrong types, NUL and control characters, right-to-left
/// overrides, 1 MB strings, extreme dates and numbers, unknown enum values, missing and unknown page handlers, as a
/// caller who may use the endpoint: never a 5xx; the API answers an RFC 9457 problem naming the field; nothing is stored.
/// Development and Production, one app each.
/// </summary>
public sealed class BadInputMatrixTests(ITestOutputHelper output)
{
    /// <summary>
    /// "fingerprint": what IIdempotencyFingerprint exposes of the sign body to the idempotency filter; it is not input, yet the OpenAPI
    /// document lists it as a property of the request (reported with issue 10's OpenAPI findings).
    /// </summary>
    private static readonly HashSet<string> IgnoredBodyFields = new(StringComparer.OrdinalIgnoreCase) { "fingerprint" };

    private static readonly Caller[] Preference = [Caller.KzSecretary, Caller.KzCoChair, Caller.KzMember, Caller.Admin, Caller.RuSecretary, Caller.Anonymous];

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Hostile_input_never_gets_a_5xx_nor_is_stored_and_the_api_answers_a_problem_naming_the_field(string environment)
    {
        var clock = Stopwatch.StartNew();
        await using var world = await MatrixWorld.CreateAsync(environment);
        var openApi = JsonDocument.Parse(await world.Api(Caller.Anonymous).GetStringAsync("/openapi/v1.json")).RootElement;
        var probes = Probes(world, openApi, EndpointDiscovery.Discover(world.App.Services), out var uncovered);
        var problems = new List<string>(uncovered);
        var before = await CountsAsync(world);
        var previous = before;
        foreach (var probe in probes)
        {
            Answer answer;
            try
            {
                answer = await SendAsync(world, probe);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                problems.Add($"{probe.Endpoint} · {Subject(probe)} · {probe.What}: the request failed: {ex.Message}");
                continue;
            }

            await ForgiveFailedPasswordsAsync(world);
            var now = await CountsAsync(world);
            // Sign-in and sign-out are audited by design (a failed attempt is a fact to keep): their audit rows are not stored input.
            var stored = Grown(previous, now, ignoreAudit: probe.Endpoint.StartsWith("PAGE POST /Account/Log", StringComparison.Ordinal));
            previous = now;
            var wrong = Judge(probe, answer);
            if (stored.Length > 0 && probe.CountsAsHostile)
            {
                wrong.Add($"stored ({stored})");
            }

            wrong.AddRange(MatrixClient.UntranslatedMessages(answer).Select(m => $"a message reached the person untranslated: “{m}”"));

            if (wrong.Count > 0)
            {
                problems.Add($"{probe.Endpoint} · {Subject(probe)} · {probe.What} as {probe.Caller}: {string.Join("; ", wrong)} — got {answer} {answer.ContentType} — {answer.Short.ReplaceLineEndings(" ")}");
            }
        }

        output.WriteLine($"{environment}: {probes.Count} hostile requests in {clock.Elapsed.TotalSeconds:0.0} s; {problems.Count} wrong.");
        Assert.True(problems.Count == 0, $"{environment}: {problems.Count} of {probes.Count} hostile requests were answered wrongly:\n" + string.Join('\n', problems));
    }

    private static string Subject(HostileProbe probe) => probe.Field is null ? "body" : $"field {probe.Field}";

    /// <summary>What is wrong with the answer to one hostile request (empty: nothing).</summary>
    private static List<string> Judge(HostileProbe probe, Answer answer)
    {
        var wrong = new List<string>();
        if (answer.Status >= 500)
        {
            wrong.Add("a server error");
            return wrong;
        }

        if (!probe.IsApi)
        {
            return wrong; // a page answers the form again with its messages (200), a refusal page or a redirect: only “no 5xx, nothing stored” is asserted
        }

        if (answer.Status < 400)
        {
            wrong.Add("accepted");
            return wrong;
        }

        if (answer.ContentType != "application/problem+json")
        {
            wrong.Add("not an RFC 9457 problem document");
        }

        if (probe.Field is { } field && answer.Status is not (401 or 403 or 404))
        {
            var named = answer.Status is 400 or 422 && ErrorKeys(answer.Body).Any(k => Names(k, field));
            if (!named)
            {
                wrong.Add(answer.Status is 400 or 422 ? $"the problem does not name “{field}”" : $"not refused on “{field}” (the value passed validation)");
            }
        }

        return wrong;
    }

    private static bool Names(string key, string field)
    {
        var k = key.TrimStart('$', '.');
        return string.Equals(k, field, StringComparison.OrdinalIgnoreCase)
            || k.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase) || k.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase)
            || k.EndsWith("." + field, StringComparison.OrdinalIgnoreCase);
    }

    private static List<string> ErrorKeys(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
                ? errors.EnumerateObject().Select(e => e.Name).ToList()
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static List<HostileProbe> Probes(MatrixWorld world, JsonElement openApi, IReadOnlyList<DiscoveredEndpoint> discovered, out List<string> uncovered)
    {
        uncovered = [];
        var probes = new List<HostileProbe>();
        var rows = AuthorizationMatrix.Cases.GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var endpoint in discovered)
        {
            if (!rows.TryGetValue(endpoint.Key, out var row))
            {
                uncovered.Add($"{endpoint.Key}: no row in AuthorizationMatrix, so no request to make hostile; add one.");
                continue;
            }

            var caller = Preference.FirstOrDefault(c => row.Allowed.Contains(c) && row.Open?.Contains(c) != true, Caller.KzSecretary);
            if (endpoint.Kind == EndpointDiscovery.Api)
            {
                var url = world.Fill(row.Url);
                foreach (var (name, type) in HostileInputs.QueryParameters(openApi, endpoint.Route, endpoint.Method))
                {
                    // A URL cannot carry 1 MB (Kestrel answers 414 to a request line over 8 KB before the app runs):
                    // a query parameter gets a long string that fits in the URL and must be refused naming it.
                    foreach (var (what, value) in HostileInputs.ForType(type).Where(v => v.Value is JsonValue)
                                 .Select(v => v.What == "1 MB string" ? (v.What, (JsonNode?)JsonValue.Create(new string('x', 4000))) : v))
                    {
                        var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
                        var withoutParameter = System.Text.RegularExpressions.Regex.Replace(url, $"([?&]){name}=[^&]*&?", "$1").TrimEnd('?', '&');
                        separator = withoutParameter.Contains('?', StringComparison.Ordinal) ? "&" : "?";
                        probes.Add(new HostileProbe(endpoint.Key, caller, endpoint.Method, $"{withoutParameter}{separator}{name}={Uri.EscapeDataString(value!.GetValue<object>().ToString()!)}", null, null, name, what, true));
                    }
                }

                if (row.Body is not null && row.Body.StartsWith("multipart:", StringComparison.Ordinal))
                {
                    // An assignment report (issue 13) carries its text and any files (none is fine); the materials upload needs its file.
                    probes.AddRange(endpoint.Key.EndsWith("/reports", StringComparison.Ordinal)
                        ? MultipartProbes(endpoint.Key, caller, url, true, new() { ["text"] = "Отчёт" }, ["text"], row.FreshSession, fileRequired: false)
                        : MultipartProbes(endpoint.Key, caller, url, true, new() { ["title"] = "Справка" }, ["title", "submittedByPersonId"], row.FreshSession));
                    continue;
                }

                if (row.Body is null || !row.Body.StartsWith('{'))
                {
                    continue;
                }

                var baseBody = JsonNode.Parse(world.Fill(row.Body))!.AsObject();
                foreach (var (what, contentType, body) in HostileInputs.WholeBody)
                {
                    probes.Add(new HostileProbe(endpoint.Key, caller, endpoint.Method, url, contentType, body, null, what, true));
                }

                var fields = HostileInputs.BodyFields(openApi, endpoint.Route, endpoint.Method);
                foreach (var (name, value) in baseBody)
                {
                    if (!fields.Keys.Any(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)))
                    {
                        fields[name] = HostileInputs.Infer(value);
                    }
                }

                foreach (var (name, type) in fields.Where(f => !IgnoredBodyFields.Contains(f.Key)))
                {
                    foreach (var (what, value) in HostileInputs.ForType(type))
                    {
                        var body = JsonNode.Parse(baseBody.ToJsonString())!.AsObject();
                        body[name] = value?.DeepClone();
                        probes.Add(new HostileProbe(endpoint.Key, caller, endpoint.Method, url, "application/json", body.ToJsonString(), name, $"{what} ({type.Kind})", true));
                    }
                }
            }
            else if (endpoint.Kind == EndpointDiscovery.Page && endpoint.Method == "POST")
            {
                var url = world.Fill(row.Url);
                var path = url.Split('?')[0];
                if (row.Body is not null && row.Body.StartsWith("multipart:", StringComparison.Ordinal))
                {
                    var fields = MatrixClient.Form(world.Fill(row.Body["multipart:".Length..])).ToDictionary(f => f.Key, f => f.Value);
                    fields["Data.Title"] = "Справка";
                    probes.AddRange(MultipartProbes(endpoint.Key, caller, url, false, fields, ["Data.Title", "Data.SubmittedByPersonId"], row.FreshSession));
                }

                var form = row.Body is null || row.Body.StartsWith("multipart:", StringComparison.Ordinal) ? [] : MatrixClient.Form(world.Fill(row.Body)).ToList();
                var formText = string.Join('&', form.Select(f => $"{f.Key}={f.Value}"));
                probes.Add(new HostileProbe(endpoint.Key, caller, "POST", path, "form", formText, null, "no ?handler=", false, row.FreshSession));
                probes.Add(new HostileProbe(endpoint.Key, caller, "POST", path + "?handler=NoSuchHandler", "form", formText, null, "unknown ?handler=", false, row.FreshSession));
                foreach (var (field, original) in form.DistinctBy(f => f.Key))
                {
                    if (original.Length > 0 && path.Contains(original, StringComparison.OrdinalIgnoreCase))
                    {
                        continue; // the route's id wins over a form field carrying it again
                    }

                    var typed = IsTyped(original);
                    foreach (var value in HostileInputs.FormValues)
                    {
                        var mutated = string.Join('&', form.Select(f => f.Key == field ? $"{f.Key}={Uri.EscapeDataString(value)}" : $"{f.Key}={Uri.EscapeDataString(f.Value)}"));
                        var hostile = typed || HostileInputs.HostileText.Contains(value);
                        probes.Add(new HostileProbe(endpoint.Key, caller, "POST", url, "form-encoded", mutated, field, Describe(value) + (typed ? " (typed field)" : string.Empty), false, row.FreshSession) { CountsAsHostile = hostile });
                    }
                }
            }
        }

        // The requests issue 10 names outside the tables' own fields.
        var tooLong = new string('u', 300);
        probes.Add(new HostileProbe("PAGE POST /Account/Login", Caller.Anonymous, "POST", "/Account/Login?ReturnUrl=%2FCommissions%3Fq%3D%C3%A9", "form-encoded", "Input.UserName=kz.member&Input.Password=wrong&ReturnUrl=/Commissions?q=%C3%A9", "ReturnUrl", "non-ASCII return address, wrong password", false));
        probes.Add(new HostileProbe("PAGE POST /Account/Login", Caller.Anonymous, "POST", "/Account/Login?ReturnUrl=%2FCommissions%3Fq%3D%C3%A9", "form-encoded", $"Input.UserName=ru.member&Input.Password={Uri.EscapeDataString(IntergovCommission.Web.Data.DemoDataSeeder.DemoPassword)}&ReturnUrl=/Commissions?q=%C3%A9", "ReturnUrl", "non-ASCII return address, right password", false, FreshSession: true));
        const string western = "America/New_York";
        probes.Add(new HostileProbe("API PUT /api/v1/sessions/{sessionId:guid}/", Caller.KzSecretary, "PUT", world.Fill("/api/v1/sessions/{draftSession}"), "application/json",
            world.Fill($$"""{"version":{stale},"kind":"Regular","format":"Mixed","place":"Astana","conferenceLink":"https://vc.example.kz/imc","startLocal":"9999-12-31T23:00:00","timeZoneId":"{{western}}"}"""), "startLocal", "9999-12-31T23:00 in a western zone", true));
        probes.Add(new HostileProbe("API POST /api/v1/commissions/{commissionId:guid}/sessions/", Caller.KzSecretary, "POST", world.Fill("/api/v1/commissions/{commission}/sessions"), "application/json",
            $$"""{"kind":"Regular","format":"Mixed","place":"Astana","conferenceLink":"https://vc.example.kz/imc","startLocal":"9999-12-31T23:00:00","timeZoneId":"{{western}}"}""", "startLocal", "9999-12-31T23:00 in a western zone", true));
        probes.Add(new HostileProbe("PAGE POST /Account/Login", Caller.Anonymous, "POST", "/Account/Login", "form-encoded", $"Input.UserName={tooLong}&Input.Password=wrong", "Input.UserName", "user name of 300 characters", false));
        probes.Add(new HostileProbe("PAGE POST /Account/Login", Caller.Anonymous, "POST", "/Account/Login", "form-encoded", "Input.UserName=matrix.nobody&Input.Password=wrong&Input.RememberMe=maybe", "Input.RememberMe", "RememberMe=maybe", false));
        probes.Add(new HostileProbe("PAGE GET /Language", Caller.Anonymous, "GET", "/Language?culture=ru&returnUrl=%2FCommissions%3Fq%3D%C3%A9", null, null, "returnUrl", "non-ASCII return address", false));
        probes.Add(new HostileProbe("PAGE GET /Language", Caller.KzMember, "GET", "/Language?culture=xx-NOPE&returnUrl=https%3A%2F%2Fevil.example%2F", null, null, "returnUrl", "unknown culture, foreign return address", false));
        probes.Add(new HostileProbe("PAGE POST /Api/Tokens?handler=Create", Caller.KzMember, "POST", "/Api/Tokens?handler=Create", "form-encoded", "Data.Name=probe&Data.ExpiresInDays=abc", "Data.ExpiresInDays", "ExpiresInDays=abc", false));
        probes.Add(new HostileProbe("PAGE POST /Api/Tokens?handler=Create", Caller.KzMember, "POST", "/Api/Tokens?handler=Create", "form-encoded", "Data.Name=probe&Data.ExpiresInDays=99999999999", "Data.ExpiresInDays", "ExpiresInDays=99999999999", false));
        probes.Add(new HostileProbe("PAGE POST /Sessions/Live", Caller.KzSecretary, "POST", world.Fill("/Sessions/Live/{session}"), "form-encoded", "", null, "no ?handler=", false));
        probes.Add(new HostileProbe("PAGE POST /Account/Manage/TwoFactor", Caller.KzMember, "POST", "/Account/Manage/TwoFactor", "form-encoded", "", null, "no ?handler=", false));
        probes.Add(new HostileProbe("API GET /api/v1/nothing-here", Caller.KzMember, "GET", "/api/v1/nothing-here", null, null, null, "unmatched API route", true));
        return probes;
    }

    /// <summary>A form value that is an id, a number, a date, a yes/no or an enum name: any other value is the wrong type for it.</summary>
    private static bool IsTyped(string value) =>
        Guid.TryParse(value, out _) || long.TryParse(value, out _) || bool.TryParse(value, out _)
        || DateTime.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _)
        || value is "InPerson" or "Video" or "Absent" or "For" or "Against" or "Abstain" or "Other" or "Regular" or "Mixed" or "Approved" or "Member" or "Cancel" or "Sign";

    /// <summary>An upload of a small valid PDF whose other fields carry hostile values, one field at a time; and one without its file.</summary>
    private static IEnumerable<HostileProbe> MultipartProbes(string endpoint, Caller caller, string url, bool isApi, Dictionary<string, string> fields, string[] targets, bool fresh, bool fileRequired = true)
    {
        if (fileRequired)
        {
            yield return new HostileProbe(endpoint, caller, "POST", url, "multipart", JsonSerializer.Serialize(fields.Append(new("$nofile", "1")).ToDictionary()), isApi ? "file" : null, "upload without its file", isApi, fresh);
        }

        foreach (var target in targets)
        {
            foreach (var value in target.EndsWith("PersonId", StringComparison.OrdinalIgnoreCase) ? HostileInputs.HostileText.Append("not-a-guid") : HostileInputs.HostileText)
            {
                var mutated = new Dictionary<string, string>(fields) { [target] = value };
                yield return new HostileProbe(endpoint, caller, "POST", url, "multipart", JsonSerializer.Serialize(mutated), target, Describe(value), isApi, fresh);
            }
        }
    }

    private static string Describe(string value) => value switch
    {
        { Length: > 1000 } => "1 MB string",
        "a\u0000b" => "NUL character",
        "abc\u202Edef" => "right-to-left override",
        "a\u0007\u001bb" => "control characters",
        _ => value,
    };

    private static async Task<Answer> SendAsync(MatrixWorld world, HostileProbe probe)
    {
        HttpClient client;
        var antiforgery = string.Empty;
        if (probe.IsApi)
        {
            client = world.Api(probe.Caller);
        }
        else if (probe.FreshSession)
        {
            (client, _, antiforgery) = await world.FreshWebAsync(probe.Caller);
        }
        else
        {
            (client, _, antiforgery) = world.Web(probe.Caller);
        }

        using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Url);
        if (probe.ContentType == "multipart")
        {
            var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(probe.Body!)!;
            var multipart = new MultipartFormDataContent();
            if (!fields.Remove("$nofile"))
            {
                var file = new ByteArrayContent(MatrixClient.TinyPdf);
                file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
                multipart.Add(file, probe.IsApi ? "file" : "Upload", "probe.pdf");
            }

            foreach (var (name, value) in fields)
            {
                multipart.Add(new StringContent(value), name);
            }

            if (!probe.IsApi)
            {
                multipart.Add(new StringContent(antiforgery), "__RequestVerificationToken");
            }

            request.Content = multipart;
        }
        else if (probe.ContentType == "form")
        {
            request.Content = new FormUrlEncodedContent(MatrixClient.Form(probe.Body!).Append(new("__RequestVerificationToken", antiforgery)));
        }
        else if (probe.ContentType == "form-encoded")
        {
            var body = probe.Body!.Length == 0 ? string.Empty : probe.Body + "&";
            request.Content = new StringContent(body + "__RequestVerificationToken=" + Uri.EscapeDataString(antiforgery), Encoding.UTF8, "application/x-www-form-urlencoded");
        }
        else if (probe.ContentType is not null)
        {
            request.Content = new StringContent(probe.Body ?? string.Empty, Encoding.UTF8, probe.ContentType);
        }

        return await MatrixClient.SendAsync(client, request);
    }

    /// <summary>
    /// Wrong passwords and codes are part of the hostile input (sign, approve, change password), and five of them lock the
    /// account and its tokens for 15 minutes; the suite forgives them after each request so the next one still reaches the app.
    /// (An administrator's lock, far in the future, stays.)
    /// </summary>
    private static Task<int> ForgiveFailedPasswordsAsync(MatrixWorld world) => world.App.QueryAsync(db =>
    {
        var soon = DateTimeOffset.UtcNow.AddHours(1);
        return db.Users.Where(u => u.AccessFailedCount > 0 || (u.LockoutEnd != null && u.LockoutEnd < soon))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null));
    });

    private static Task<Dictionary<string, int>> CountsAsync(MatrixWorld world) => world.App.QueryAsync(async db => new Dictionary<string, int>
    {
        // Commands only: a refused form shows the page again, and reading an unissued draft there is itself an audited read (issue #14).
        ["audit"] = await db.AuditEntries.CountAsync(a => !a.Action.EndsWith(".Query")),
        ["people"] = await db.People.CountAsync(),
        ["memberships"] = await db.Memberships.CountAsync(),
        ["sessions"] = await db.Sessions.CountAsync(),
        ["agenda items"] = await db.AgendaItems.CountAsync(),
        ["invitees"] = await db.InvitedPersons.CountAsync(),
        ["proposals"] = await db.AgendaProposals.CountAsync(),
        ["materials"] = await db.Materials.CountAsync(),
        ["votes"] = await db.Votes.CountAsync(),
        ["dissents"] = await db.DissentingOpinions.CountAsync(),
        ["decisions"] = await db.Decisions.CountAsync(),
        ["api tokens"] = await db.ApiTokens.CountAsync(),
        ["users"] = await db.Users.CountAsync(),
        ["assignments"] = await db.Assignments.CountAsync(),
        ["assignment reports"] = await db.AssignmentReports.CountAsync(),
        ["deadline extensions"] = await db.DeadlineExtensions.CountAsync(),
        ["calendar days"] = await db.CalendarDays.CountAsync(),
    });

    private static string Grown(Dictionary<string, int> before, Dictionary<string, int> after, bool ignoreAudit) =>
        string.Join(", ", after.Where(a => a.Value != before[a.Key] && !(ignoreAudit && a.Key == "audit")).Select(a => $"{a.Key} {before[a.Key]} → {a.Value}"));
}
