using IntergovCommission.Web.Infrastructure.Postgres;
using Npgsql;

namespace IntergovCommission.IntegrationTests;

/// <summary>The private cluster the app starts when no connection string is configured (runs as root here: runuser -u postgres).</summary>
public sealed class LocalPostgresTests
{
    [Fact]
    public async Task Starts_reuses_a_running_server_and_starts_again_after_a_stop()
    {
        var directory = Path.Combine(Path.GetTempPath(), "intergov-localpg-" + Guid.NewGuid().ToString("N")[..8]);
        var dataDirectory = Path.Combine(directory, "cluster");
        var log = new List<string>();
        LocalPostgres? first = null, second = null, third = null;
        try
        {
            first = await LocalPostgres.StartAsync(dataDirectory, log.Add);
            Assert.True(File.Exists(Path.Combine(first.DataDirectory, "PG_VERSION")), "initialised");
            Assert.Contains(log, l => l.StartsWith("Initialised", StringComparison.Ordinal));
            Assert.Equal(1, await SelectOneAsync(first));

            second = await LocalPostgres.StartAsync(dataDirectory, log.Add);
            Assert.Equal(first.Port, second.Port);
            Assert.Equal(first.Password, second.Password);
            Assert.Contains(log, l => l.StartsWith("Reusing", StringComparison.Ordinal));
            Assert.Equal(1, await SelectOneAsync(second));

            await second.EnsureDatabaseAsync("intergov");
            await second.EnsureDatabaseAsync("intergov"); // idempotent
            Assert.Equal(1, await SelectOneAsync(second, "intergov"));

            await first.StopAsync();
            Assert.False(File.Exists(Path.Combine(first.DataDirectory, "postmaster.pid")), "stopped");
            await Assert.ThrowsAnyAsync<Exception>(() => SelectOneAsync(first));

            third = await LocalPostgres.StartAsync(dataDirectory, log.Add);
            Assert.Single(log, l => l.StartsWith("Initialised", StringComparison.Ordinal));
            Assert.Equal(1, await SelectOneAsync(third, "intergov"));
        }
        finally
        {
            foreach (var cluster in new[] { third, first })
            {
                if (cluster is not null)
                {
                    await cluster.StopAsync();
                }
            }

            if (first is not null && first.DataDirectory != dataDirectory)
            {
                Directory.Delete(Path.GetDirectoryName(first.DataDirectory)!, recursive: true);
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task The_app_ending_leaves_the_server_running_while_another_run_still_uses_it_and_the_last_one_stops_it()
    {
        var directory = Path.Combine(Path.GetTempPath(), "intergov-localpg-" + Guid.NewGuid().ToString("N")[..8]);
        var dataDirectory = Path.Combine(directory, "cluster");
        var log = new List<string>();
        LocalPostgres? first = null, second = null;
        try
        {
            first = await LocalPostgres.StartAsync(dataDirectory, log.Add);
            second = await LocalPostgres.StartAsync(dataDirectory, log.Add);
            // Another process: its sessions carry its own application name.
            var otherRun = new NpgsqlConnectionStringBuilder(second.ConnectionString("postgres")) { Pooling = false, ApplicationName = "intergov-other-run" }.ConnectionString;
            await using (var inUse = new NpgsqlConnection(otherRun))
            {
                await inUse.OpenAsync();
                await first.StopUnlessInUseAsync();
                Assert.Contains(log, l => l.StartsWith("PostgreSQL left running", StringComparison.Ordinal));
                Assert.Equal(1, await SelectOneAsync(second));
            }

            await second.StopUnlessInUseAsync();
            Assert.False(File.Exists(Path.Combine(second.DataDirectory, "postmaster.pid")), "the last one stopped it");
        }
        finally
        {
            if (second is not null)
            {
                await second.StopAsync();
            }

            if (first is not null && first.DataDirectory != dataDirectory)
            {
                Directory.Delete(Path.GetDirectoryName(first.DataDirectory)!, recursive: true);
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<int> SelectOneAsync(LocalPostgres cluster, string database = "postgres")
    {
        var connectionString = new NpgsqlConnectionStringBuilder(cluster.ConnectionString(database)) { Pooling = false, Timeout = 5 }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT 1", connection);
        return (int)(await cmd.ExecuteScalarAsync())!;
    }
}
