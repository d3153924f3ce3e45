using System.Diagnostics;
using System.Globalization;

namespace IntergovCommission.Benchmarks;

/// <summary>Percentiles of a set of durations (nearest-rank), in milliseconds.</summary>
public sealed class Stats
{
    private readonly double[] _sorted;

    public Stats(IEnumerable<double> milliseconds)
    {
        _sorted = milliseconds.ToArray();
        Array.Sort(_sorted);
    }

    public int Count => _sorted.Length;

    public double Percentile(double p)
    {
        if (_sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100.0 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    public double Mean => _sorted.Length == 0 ? double.NaN : _sorted.Average();

    public static double Ms(long fromTicks, long toTicks) => (toTicks - fromTicks) * 1000.0 / Stopwatch.Frequency;

    public static string F(double value) => double.IsNaN(value) ? "–" : value.ToString(value >= 100 ? "F0" : "F1", CultureInfo.InvariantCulture);

    /// <summary>One row of the results table: name, samples, p50, p95, p99, max, mean.</summary>
    public string Row(string name) =>
        $"| {name} | {Count} | {F(Percentile(50))} | {F(Percentile(95))} | {F(Percentile(99))} | {F(Max)} | {F(Mean)} |";

    public const string Header = "| latency (ms) | samples | p50 | p95 | p99 | max | mean |\n|---|---:|---:|---:|---:|---:|---:|";
}
