using System.Diagnostics;
using System.Text;
using IntergovCommission.IntegrationTests.Matrix;
using Xunit.Abstractions;

namespace IntergovCommission.IntegrationTests;

/// <summary>
/// Issue 10, "make it impossible to come back": every endpoint and page handler the app serves (discovered from its
/// EndpointDataSource) × every kind of caller, against the table in <see cref="AuthorizationMatrix"/>, over real HTTP,
/// in Development and in Production. One app per environment; every wrong cell is listed in one failure.
/// </summary>
public sealed class AuthorizationMatrixTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Every_endpoint_and_page_handler_answers_every_kind_of_caller_as_the_regulation_says(string environment)
    {
        var clock = Stopwatch.StartNew();
        await using var world = await MatrixWorld.CreateAsync(environment);
        var problems = new List<string>();
        problems.AddRange(CoverageProblems(EndpointDiscovery.Discover(world.App.Services), AuthorizationMatrix.Cases));

        var cells = 0;
        foreach (var row in AuthorizationMatrix.Cases)
        {
            // Refused callers first: an allowed caller's success (a person linked, a vote recorded) must not turn a later
            // wrongly allowed request into a refusal of the repeat ("already a member").
            foreach (var caller in Enum.GetValues<Caller>().OrderBy(c => row.Allowed.Contains(c)))
            {
                cells++;
                Answer answer;
                try
                {
                    answer = await MatrixClient.SendAsync(world, row, caller);
                }
                catch (Exception ex) when (ex is HttpRequestException or System.Net.WebSockets.WebSocketException or OperationCanceledException or System.Text.Json.JsonException)
                {
                    problems.Add($"{row.Title} as {caller}: the request failed: {ex.GetType().Name}: {ex.Message}");
                    continue;
                }

                foreach (var message in MatrixClient.UntranslatedMessages(answer))
                {
                    problems.Add($"{row.Title} as {caller}: a message reached the person untranslated: “{message}”");
                }

                var allowed = MatrixClient.Allowed(answer, row.Mode, row.RefusalRules);
                var open = row.Open?.Contains(caller) == true;
                var expected = row.Allowed.Contains(caller);
                if (allowed is null || (!open && allowed != expected))
                {
                    var want = open ? "no 5xx (open point)" : expected ? "allowed" : "refused";
                    problems.Add($"{row.Title} as {caller}: expected {want}, got {answer} ({row.Why}) — {answer.Short.ReplaceLineEndings(" ")}");
                }
            }
        }

        output.WriteLine($"{environment}: {AuthorizationMatrix.Cases.Count} cases × {Enum.GetValues<Caller>().Length} callers = {cells} cells in {clock.Elapsed.TotalSeconds:0.0} s; {problems.Count} wrong.");
        Assert.True(problems.Count == 0, $"{environment}: {problems.Count} of {cells} cells are wrong:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void A_served_endpoint_without_a_row_and_a_row_without_an_endpoint_are_both_named()
    {
        DiscoveredEndpoint[] discovered =
        [
            new("API GET /api/v1/me", EndpointDiscovery.Api, "GET", "/api/v1/me", null),
            new("PAGE POST /Sessions/Live?handler=Adjourn", EndpointDiscovery.Page, "POST", "/Sessions/Live", "Adjourn"),
        ];
        var cases = AuthorizationMatrix.Cases.Where(c => c.Key is "API GET /api/v1/me" or "API GET /api/v1/tokens/").ToList();

        var problems = CoverageProblems(discovered, cases).ToList();

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("PAGE POST /Sessions/Live?handler=Adjourn: the app serves it but the matrix has no row", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("API GET /api/v1/tokens/: a row of the matrix for an endpoint the app no longer serves", problems[1], StringComparison.Ordinal);
    }

    internal static IEnumerable<string> CoverageProblems(IReadOnlyList<DiscoveredEndpoint> discovered, IReadOnlyList<MatrixCase> cases)
    {
        var rows = cases.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var served = discovered.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var endpoint in discovered.Where(d => !rows.Contains(d.Key)))
        {
            yield return $"{endpoint.Key}: the app serves it but the matrix has no row for it; add one to AuthorizationMatrix with who may call it (regulation clause).";
        }

        foreach (var key in rows.Where(r => !served.Contains(r)))
        {
            yield return $"{key}: a row of the matrix for an endpoint the app no longer serves; remove or rename it.";
        }
    }
}
