using System.Runtime.InteropServices;
using Npgsql;

namespace IntergovCommission.Benchmarks;

/// <summary>What the figures were measured on: CPU, memory, OS, .NET and PostgreSQL.</summary>
public static class MachineInfo
{
    public static async Task<IReadOnlyList<(string Name, string Value)>> DescribeAsync(string connectionString)
    {
        var cpuModel = ReadField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memKb = ReadField("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var memory = long.TryParse(memKb, out var kb) ? $"{kb / 1024.0 / 1024.0:F1} GiB" : "unknown";
        var os = ReadOsRelease() ?? RuntimeInformation.OSDescription;
        string postgres;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT version()", connection);
            postgres = (string)(await command.ExecuteScalarAsync())!;
        }

        return
        [
            ("CPU", $"{Environment.ProcessorCount} × {cpuModel}"),
            ("Memory", memory),
            ("OS", $"{os} (kernel {Environment.OSVersion.Version})"),
            (".NET", RuntimeInformation.FrameworkDescription + (System.Runtime.GCSettings.IsServerGC ? ", server GC" : ", workstation GC")),
            ("PostgreSQL", postgres.Split(" on ")[0]),
        ];
    }

    private static string? ReadField(string path, string field)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return File.ReadLines(path)
            .Where(l => l.StartsWith(field, StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault();
    }

    private static string? ReadOsRelease() =>
        File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").Where(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal)).Select(l => l["PRETTY_NAME=".Length..].Trim('"')).FirstOrDefault()
            : null;
}
