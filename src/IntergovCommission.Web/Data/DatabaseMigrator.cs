using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace IntergovCommission.Web.Data;

/// <summary>One numbered SQL script embedded in the assembly (Data/Migrations/NNNN_name.sql).</summary>
public sealed record MigrationScript(int Number, string Name, string Sql)
{
    public string Checksum { get; } = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n")))).ToLowerInvariant();
}

/// <summary>
/// Applies the embedded SQL migrations in order, in one transaction, under a PostgreSQL advisory
/// lock so that several app instances starting together apply each script once. Every applied
/// script is recorded with its checksum; a changed applied script stops the start-up.
/// </summary>
public sealed class DatabaseMigrator(ILogger<DatabaseMigrator> logger)
{
    private const long AdvisoryLockKey = 0x1_4E7E_C0DE;

    public static IReadOnlyList<MigrationScript> Scripts { get; } = LoadScripts();

    private static List<MigrationScript> LoadScripts()
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        const string prefix = "IntergovCommission.Web.Data.Migrations.";
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var name = resource[prefix.Length..^4];
            var number = int.Parse(name.Split('_')[0].TrimStart('_'), System.Globalization.CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            scripts.Add(new MigrationScript(number, name, reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Number.CompareTo(b.Number));
        if (scripts.Select(s => s.Number).Distinct().Count() != scripts.Count)
        {
            throw new InvalidOperationException("Two migration scripts share a number.");
        }

        return scripts;
    }

    public async Task<int> MigrateAsync(string connectionString, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, tx, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
        await ExecuteAsync(connection, tx, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                number integer PRIMARY KEY,
                name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, ct);

        var applied = new Dictionary<int, (string Name, string Checksum)>();
        await using (var read = new NpgsqlCommand("SELECT number, name, checksum FROM schema_migrations", connection, tx))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                applied[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
            }
        }

        foreach (var (number, record) in applied)
        {
            var script = Scripts.FirstOrDefault(s => s.Number == number)
                ?? throw new InvalidOperationException($"The database has migration {number} ({record.Name}), which this version of the application does not know. Run a newer version.");
            if (script.Checksum != record.Checksum)
            {
                throw new InvalidOperationException($"Migration {number} ({record.Name}) was changed after it was applied (checksum {record.Checksum} in the database, {script.Checksum} in the application). Add a new migration instead of editing an applied one.");
            }
        }

        var count = 0;
        foreach (var script in Scripts.Where(s => !applied.ContainsKey(s.Number)))
        {
            logger.LogInformation("Applying migration {Number} {Name}", script.Number, script.Name);
            await ExecuteAsync(connection, tx, script.Sql, ct);
            await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (number, name, checksum) VALUES (@n, @name, @c)", connection, tx);
            record.Parameters.AddWithValue("n", script.Number);
            record.Parameters.AddWithValue("name", script.Name);
            record.Parameters.AddWithValue("c", script.Checksum);
            await record.ExecuteNonQueryAsync(ct);
            count++;
        }

        await tx.CommitAsync(ct);
        return count;
    }

    /// <summary>True when every embedded script is applied (readiness).</summary>
    public static async Task<bool> IsUpToDateAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM schema_migrations", connection);
        try
        {
            var count = Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            return count == Scripts.Count;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return false;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
