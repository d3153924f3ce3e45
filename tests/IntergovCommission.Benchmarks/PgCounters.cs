using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace IntergovCommission.Benchmarks;

/// <summary>
/// What PostgreSQL counted for one database: statements (pg_stat_statements, connection resets
/// included) and write transactions (transaction ids assigned), so a benchmark prints them per request.
/// </summary>
public sealed partial class PgCounters(string connectionString)
{
    public readonly record struct Sample(long Statements, long Commits, IReadOnlyDictionary<string, long> ByQuery);

    public async Task EnsureAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<Sample> ReadAsync()
    {
        // Counters reach pg_stat_database when a backend is idle; give them a moment.
        await Task.Delay(600);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var byQuery = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT query, calls FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = current_database()", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var query = reader.GetString(0);
                if (query.Contains("pg_stat_", StringComparison.Ordinal))
                {
                    continue;
                }

                byQuery[query] = byQuery.GetValueOrDefault(query) + reader.GetInt64(1);
            }
        }

        // Write transactions: transaction ids handed out (a read-only transaction gets none), cluster-wide; nothing
        // else writes to this cluster while the benchmark measures.
        await using var commits = new NpgsqlCommand("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint", connection);
        var committed = (long)(await commits.ExecuteScalarAsync())!;
        return new Sample(byQuery.Values.Sum(), committed, byQuery);
    }

    public static IEnumerable<(string Query, long Calls)> Delta(Sample before, Sample after) =>
        after.ByQuery.Select(q => (q.Key, q.Value - before.ByQuery.GetValueOrDefault(q.Key))).Where(q => q.Item2 > 0).OrderByDescending(q => q.Item2);

    /// <summary>
    /// pgbench on the same cluster, the row a cast stores: INSERT … ON CONFLICT (ballot, voter) DO
    /// UPDATE, one transaction each, <paramref name="clients"/> clients for <paramref name="seconds"/>.
    /// </summary>
    public static async Task<(double Tps, double CpuSecondsPostgres)> PgbenchUpsertAsync(string connectionString, int clients, int seconds, int voters, CpuMeter cpu)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var database = builder.Database + "_pgbench";
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\"", admin);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        await using (var setup = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = database, Pooling = false }.ConnectionString))
        {
            await setup.OpenAsync();
            await using var table = new NpgsqlCommand("CREATE TABLE votes (ballot_id uuid NOT NULL, voter int NOT NULL, choice int NOT NULL, cast_at timestamptz NOT NULL, PRIMARY KEY (ballot_id, voter))", setup);
            await table.ExecuteNonQueryAsync();
        }

        var script = Path.Combine(Path.GetTempPath(), $"intergov-pgbench-{Environment.ProcessId}.sql");
        await File.WriteAllTextAsync(script, string.Create(CultureInfo.InvariantCulture, $"""
            \set v random(1, {voters})
            \set c random(0, 2)
            INSERT INTO votes (ballot_id, voter, choice, cast_at) VALUES ('0191d3a0-0000-7000-8000-000000000001', :v, :c, now()) ON CONFLICT (ballot_id, voter) DO UPDATE SET choice = excluded.choice, cast_at = excluded.cast_at;
            """));
        var start = new ProcessStartInfo("pgbench") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-h", builder.Host!, "-p", builder.Port.ToString(CultureInfo.InvariantCulture), "-U", builder.Username!, "-n", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", seconds.ToString(CultureInfo.InvariantCulture), "-f", script, database })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PGPASSWORD"] = builder.Password;
        var before = cpu.Read();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pgbench did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var after = cpu.Read();
        File.Delete(script);
        var match = TpsPattern().Match(output);
        if (process.ExitCode != 0 || !match.Success)
        {
            throw new InvalidOperationException($"pgbench failed ({process.ExitCode}): {output}\n{error}");
        }

        return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), after.Postgres - before.Postgres);
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsPattern();
}
