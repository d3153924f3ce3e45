using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IntergovCommission.Testing;

/// <summary>
/// Real PostgreSQL for tests: one throwaway cluster per test run (started from the machine's
/// binaries, deleted at the end), or the server named by INTERGOV_TEST_DATABASE. A template
/// database is migrated once; each test gets its own database copied from it, so tests are
/// isolated and may run in parallel.
/// </summary>
public static class TestDatabase
{
    public const string EnvironmentVariable = "INTERGOV_TEST_DATABASE";
    private const string Template = "intergov_template";
    private static readonly Lazy<Task<Server>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private sealed record Server(Func<string, string> ConnectionString, LocalPostgres? Cluster, string? Directory);

    /// <summary>A fresh, migrated database (reference data included, no demo data) for one test.</summary>
    public static async Task<string> CreateAsync(string? name = null)
    {
        var server = await Shared.Value;
        var database = name ?? "t_" + Guid.NewGuid().ToString("N")[..20];
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\" TEMPLATE {Template}", connection);
        await create.ExecuteNonQueryAsync();
        return server.ConnectionString(database);
    }

    /// <summary>An empty database (no migrations) for migration tests.</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        var server = await Shared.Value;
        var database = "e_" + Guid.NewGuid().ToString("N")[..20];
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await create.ExecuteNonQueryAsync();
        return server.ConnectionString(database);
    }

    /// <summary>
    /// Stops the throwaway cluster and deletes its folder (once; nothing to do when the run used
    /// INTERGOV_TEST_DATABASE or never needed a database). Called by <see cref="PostgresTestFramework"/>
    /// when the test run ends, while the test host still waits for it.
    /// </summary>
    public static void Shutdown()
    {
        if (!Shared.IsValueCreated || !Shared.Value.IsCompletedSuccessfully || Interlocked.Exchange(ref _shutDown, 1) == 1)
        {
            return;
        }

        var server = Shared.Value.Result;
        if (server.Cluster is null || server.Directory is null)
        {
            return;
        }

        try
        {
            server.Cluster.StopAsync().GetAwaiter().GetResult();
            System.IO.Directory.Delete(server.Directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            Console.Error.WriteLine($"Test cluster clean-up: {ex.Message}");
        }
    }

    private static int _shutDown;

    private static async Task<Server> StartAsync()
    {
        Server server;
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            server = new Server(db => new NpgsqlConnectionStringBuilder(configured) { Database = db }.ConnectionString, null, null);
        }
        else
        {
            var directory = Path.Combine(Path.GetTempPath(), "intergov-tests-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8]);
            var cluster = await LocalPostgres.StartAsync(Path.Combine(directory, "cluster"), _ => { });
            server = new Server(cluster.ConnectionString, cluster, directory);
            // Normally PostgresTestFramework shuts the cluster down when the run ends; this is the
            // fallback for an assembly that does not use it (the test host may be killed before it finishes).
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Shutdown();
        }

        await using (var connection = new NpgsqlConnection(server.ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Template}", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Template}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var templateConnection = new NpgsqlConnectionStringBuilder(server.ConnectionString(Template)) { Pooling = false }.ConnectionString;
        await new DatabaseMigrator(NullLogger<DatabaseMigrator>.Instance).MigrateAsync(templateConnection);
        await TestApp.SeedReferenceDataAsync(templateConnection);
        NpgsqlConnection.ClearAllPools();
        return server;
    }
}
