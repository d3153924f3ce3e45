using System.Globalization;

namespace IntergovCommission.Benchmarks;

/// <summary>Command-line options of the benchmark.</summary>
public sealed record BenchOptions
{
    public int Voters { get; init; } = 500;
    public int Concurrency { get; init; } = 50;
    public int Changes { get; init; } = 1;
    public int Probes { get; init; } = 100;
    public bool Refetch { get; init; }
    public int? RateLimit { get; init; }
    public int MaxSeconds { get; init; } = 600;
    public string? Output { get; init; }
    public string AppLogLevel { get; init; } = "Warning";

    public const string Usage = """
        Live-session benchmark: the real app (Kestrel) on a throwaway PostgreSQL; N voters each hold a
        hub connection (/hubs/live) and cast, then change, their vote over the API.

        dotnet run -c Release --project tests/IntergovCommission.Benchmarks -- [options]

          --voters N        voting members with a screen each (default 500; the roster grows to N)
          --concurrency C   casts in flight during the load phase (default 50)
          --changes K       times each voter changes its vote after the first cast (default 1)
          --probes P        casts sent one at a time afterwards, each watched on every screen (default 100)
          --refetch         screens re-fetch the live panel on each change, as live.js does in a browser
          --rate-limit R    Api:RateLimit:PermitPerMinute for this app instance (default: the app's, 600)
          --max-seconds S   time limit of the load phase and of the probe phase, each (default 600)
          --out FILE        also append the report (Markdown) to FILE
          --app-log-level L the app's Serilog minimum level (default Warning: one console line per
                            request would measure the console; Information is the production default)
        """;

    public static BenchOptions? Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int(int min)
            {
                var name = args[i];
                var text = Next();
                return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min
                    ? value
                    : throw new ArgumentException($"{name}: \"{text}\" is not a whole number ≥ {min}");
            }

            static string Level(string text) =>
                new[] { "Verbose", "Debug", "Information", "Warning", "Error", "Fatal" }.FirstOrDefault(l => l.Equals(text, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"--app-log-level: \"{text}\" is not one of Verbose, Debug, Information, Warning, Error, Fatal");

            try
            {
                options = args[i] switch
                {
                    "--voters" => options with { Voters = Int(1) },
                    "--concurrency" => options with { Concurrency = Int(1) },
                    "--changes" => options with { Changes = Int(0) },
                    "--probes" => options with { Probes = Int(0) },
                    "--refetch" => options with { Refetch = true },
                    "--rate-limit" => options with { RateLimit = Int(1) },
                    "--max-seconds" => options with { MaxSeconds = Int(1) },
                    "--out" => options with { Output = Next() },
                    "--app-log-level" => options with { AppLogLevel = Level(Next()) },
                    "--help" or "-h" => null,
                    _ => throw new ArgumentException($"unknown option {args[i]}"),
                };
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return null;
            }

            if (options is null)
            {
                return null;
            }
        }

        return options;
    }
}
