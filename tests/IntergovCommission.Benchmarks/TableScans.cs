using Npgsql;

namespace IntergovCommission.Benchmarks;

/// <summary>
/// Per-table scan counters of the app's database (pg_stat_user_tables), to see which tables a
/// phase reads whole (sequential scans) and how many rows that reads.
/// </summary>
public static class TableScans
{
    public sealed record Row(string Table, long SeqScans, long SeqRows, long IndexScans);

    public static async Task<Dictionary<string, Row>> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // Backends report their counters when idle for a moment; ask for the freshest view.
        await using (var clear = new NpgsqlCommand("SELECT pg_stat_clear_snapshot()", connection))
        {
            await clear.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand("SELECT relname, coalesce(seq_scan, 0), coalesce(seq_tup_read, 0), coalesce(idx_scan, 0) FROM pg_stat_user_tables", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = new Row(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        }

        return rows;
    }

    /// <summary>The tables with the most rows read by sequential scans between two readings.</summary>
    public static IEnumerable<Row> Top(Dictionary<string, Row> before, Dictionary<string, Row> after, int count) =>
        after.Values
            .Select(a => before.TryGetValue(a.Table, out var b) ? new Row(a.Table, a.SeqScans - b.SeqScans, a.SeqRows - b.SeqRows, a.IndexScans - b.IndexScans) : a)
            .Where(r => r.SeqRows > 0 || r.SeqScans > 0)
            .OrderByDescending(r => r.SeqRows)
            .Take(count);
}
