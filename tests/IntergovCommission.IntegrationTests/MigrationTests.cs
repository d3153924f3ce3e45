using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IntergovCommission.IntegrationTests;

/// <summary>The SQL migrations on real PostgreSQL: recorded with checksums, idempotent, tamper-evident, safe to run concurrently.</summary>
public sealed class MigrationTests
{
    private static DatabaseMigrator NewMigrator() => new(NullLogger<DatabaseMigrator>.Instance);

    [Fact]
    public async Task From_an_empty_database_every_script_is_applied_and_recorded_with_its_checksum()
    {
        var connectionString = await TestDatabase.CreateEmptyAsync();

        var applied = await NewMigrator().MigrateAsync(connectionString);

        Assert.NotEmpty(DatabaseMigrator.Scripts);
        Assert.Equal(DatabaseMigrator.Scripts.Count, applied);
        var recorded = await AppliedAsync(connectionString);
        Assert.Equal(DatabaseMigrator.Scripts.Select(s => (s.Number, s.Name, s.Checksum)), recorded);
        Assert.All(recorded, r => Assert.Matches("^[0-9a-f]{64}$", r.Checksum));
        Assert.Equal(DatabaseMigrator.Scripts.Select(s => s.Number).Order(), DatabaseMigrator.Scripts.Select(s => s.Number));

        // The schema is really there, the audit trail's guard included.
        await using var connection = await OpenAsync(connectionString);
        Assert.Equal(1L, await ScalarAsync<long>(connection, "SELECT count(*) FROM pg_trigger WHERE tgname = 'audit_entries_no_update_or_delete'"));
        Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT count(*) FROM memberships"));
        Assert.True(await DatabaseMigrator.IsUpToDateAsync(connection, CancellationToken.None));
    }

    [Fact]
    public async Task A_second_run_applies_nothing_and_changes_nothing()
    {
        var connectionString = await TestDatabase.CreateEmptyAsync();
        await NewMigrator().MigrateAsync(connectionString);
        var before = await AppliedWithTimesAsync(connectionString);

        var applied = await NewMigrator().MigrateAsync(connectionString);

        Assert.Equal(0, applied);
        Assert.Equal(before, await AppliedWithTimesAsync(connectionString));
    }

    [Fact]
    public async Task An_empty_database_is_not_up_to_date()
    {
        var connectionString = await TestDatabase.CreateEmptyAsync();
        await using var connection = await OpenAsync(connectionString);
        Assert.False(await DatabaseMigrator.IsUpToDateAsync(connection, CancellationToken.None));
    }

    [Fact]
    public async Task A_changed_checksum_stops_the_migration_with_a_clear_message()
    {
        var connectionString = await TestDatabase.CreateEmptyAsync();
        await NewMigrator().MigrateAsync(connectionString);
        var first = DatabaseMigrator.Scripts[0];
        await ExecuteAsync(connectionString, $"UPDATE schema_migrations SET checksum = 'deadbeef' WHERE number = {first.Number}");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => NewMigrator().MigrateAsync(connectionString));

        Assert.Contains($"Migration {first.Number} ({first.Name}) was changed after it was applied", ex.Message, StringComparison.Ordinal);
        Assert.Contains("deadbeef", ex.Message, StringComparison.Ordinal);
        Assert.Contains(first.Checksum, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Add a new migration", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_migration_the_application_does_not_know_stops_the_migration()
    {
        var connectionString = await TestDatabase.CreateEmptyAsync();
        await NewMigrator().MigrateAsync(connectionString);
        await ExecuteAsync(connectionString, "INSERT INTO schema_migrations (number, name, checksum) VALUES (9999, '9999_from_the_future', 'abc')");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => NewMigrator().MigrateAsync(connectionString));

        Assert.Contains("9999", ex.Message, StringComparison.Ordinal);
        Assert.Contains("does not know", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_migrators_started_at_once_both_succeed_and_each_script_is_applied_once()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(await TestDatabase.CreateEmptyAsync()) { Pooling = false }.ConnectionString;
        using var go = new ManualResetEventSlim(false);

        var runs = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            go.Wait();
            return await NewMigrator().MigrateAsync(connectionString);
        })).ToList();
        go.Set();
        var applied = await Task.WhenAll(runs);

        // One applied everything, the other found it done (the advisory lock serialised them).
        Assert.Equal([0, DatabaseMigrator.Scripts.Count], applied.Order());
        var recorded = await AppliedAsync(connectionString);
        Assert.Equal(DatabaseMigrator.Scripts.Select(s => s.Number), recorded.Select(r => r.Number));
    }

    private static async Task<List<(int Number, string Name, string Checksum)>> AppliedAsync(string connectionString)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var cmd = new NpgsqlCommand("SELECT number, name, checksum FROM schema_migrations ORDER BY number", connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<(int, string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    private static async Task<List<string>> AppliedWithTimesAsync(string connectionString)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var cmd = new NpgsqlCommand("SELECT number || ' ' || name || ' ' || checksum || ' ' || applied_at::text FROM schema_migrations ORDER BY number", connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    internal static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    internal static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    internal static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
