using System.Text.RegularExpressions;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IntergovCommission.IntegrationTests;

/// <summary>
/// The EF model and the SQL migrations describe the same schema: the DDL the model implies and
/// the migrations are applied to two empty databases and their catalogues compared. An entity
/// property, index or key added without a migration (or a migration the model does not know)
/// fails here.
/// </summary>
public sealed partial class SchemaAgreementTests
{
    [Fact]
    public async Task The_migrations_create_exactly_the_schema_the_EF_model_implies()
    {
        var fromModel = await TestDatabase.CreateEmptyAsync();
        var fromMigrations = await TestDatabase.CreateEmptyAsync();
        await MigrationTests.ExecuteAsync(fromModel, SchemaTools.ModelDdl());
        await new DatabaseMigrator(NullLogger<DatabaseMigrator>.Instance).MigrateAsync(fromMigrations);

        var model = await SchemaSnapshot.ReadAsync(fromModel);
        var migrations = await SchemaSnapshot.ReadAsync(fromMigrations);

        Assert.NotEmpty(model.Columns);
        Assert.Contains(model.Columns, c => c.StartsWith("memberships.person_id ", StringComparison.Ordinal));
        Assert.Contains(model.Indexes, i => i.StartsWith("ux_memberships_active_person ", StringComparison.Ordinal));
        var differences = SchemaSnapshot.Differences(model, migrations);
        Assert.True(differences.Count == 0, "The EF model and Data/Migrations disagree (add a migration):\n" + string.Join('\n', differences));
    }

    [Fact]
    public async Task The_comparison_notices_a_column_an_index_and_a_constraint_the_model_lacks()
    {
        // The guard itself: a change made on one side only must show up as a difference.
        var fromModel = await TestDatabase.CreateEmptyAsync();
        var fromMigrations = await TestDatabase.CreateEmptyAsync();
        await MigrationTests.ExecuteAsync(fromModel, SchemaTools.ModelDdl());
        await new DatabaseMigrator(NullLogger<DatabaseMigrator>.Instance).MigrateAsync(fromMigrations);
        await MigrationTests.ExecuteAsync(fromMigrations, """
            ALTER TABLE people ADD COLUMN nickname character varying(100);
            ALTER TABLE people ALTER COLUMN email TYPE character varying(300);
            CREATE INDEX ix_people_nickname ON people (nickname);
            ALTER TABLE people ADD CONSTRAINT ck_people_nickname CHECK (nickname <> '');
            """);

        var differences = SchemaSnapshot.Differences(await SchemaSnapshot.ReadAsync(fromModel), await SchemaSnapshot.ReadAsync(fromMigrations));

        Assert.Contains(differences, d => d.Contains("people.nickname", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.Contains("people.email", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.Contains("ix_people_nickname", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.Contains("ck_people_nickname", StringComparison.Ordinal));
    }

    /// <summary>What the comparison looks at, one normalised line per column, index and constraint.</summary>
    private sealed record SchemaSnapshot(IReadOnlyList<string> Columns, IReadOnlyList<string> Indexes, IReadOnlyList<string> Constraints)
    {
        private const string Ignored = "'schema_migrations'";

        public static async Task<SchemaSnapshot> ReadAsync(string connectionString)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var columns = await LinesAsync(connection, $"""
                SELECT table_name || '.' || column_name || ' ' || data_type
                       || coalesce('(' || character_maximum_length || ')', '')
                       || CASE WHEN is_nullable = 'YES' THEN ' NULL' ELSE ' NOT NULL' END
                       || CASE WHEN is_identity = 'YES' THEN ' IDENTITY ' || coalesce(identity_generation, '') ELSE '' END
                       || coalesce(' DEFAULT ' || column_default, '')
                FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name <> {Ignored}
                """);
            var indexes = await LinesAsync(connection, $"""
                SELECT indexname || ' ' || indexdef
                FROM pg_indexes
                WHERE schemaname = 'public' AND tablename <> {Ignored}
                """);
            var constraints = await LinesAsync(connection, $"""
                SELECT rel.relname || ' ' || con.conname || ' ' || con.contype::text || ' ' || pg_get_constraintdef(con.oid)
                FROM pg_constraint con
                JOIN pg_class rel ON rel.oid = con.conrelid
                JOIN pg_namespace ns ON ns.oid = rel.relnamespace
                WHERE ns.nspname = 'public' AND rel.relname <> {Ignored}
                """);
            return new SchemaSnapshot(columns, indexes.Select(Normalise).Order(StringComparer.Ordinal).ToList(), constraints.Select(Normalise).Order(StringComparer.Ordinal).ToList());
        }

        public static List<string> Differences(SchemaSnapshot model, SchemaSnapshot migrations) =>
        [
            .. Diff("column", model.Columns, migrations.Columns),
            .. Diff("index", model.Indexes, migrations.Indexes),
            .. Diff("constraint", model.Constraints, migrations.Constraints),
        ];

        private static IEnumerable<string> Diff(string kind, IReadOnlyList<string> model, IReadOnlyList<string> migrations) =>
            model.Except(migrations, StringComparer.Ordinal).Select(l => $"{kind} only in the EF model:    {l}")
                .Concat(migrations.Except(model, StringComparer.Ordinal).Select(l => $"{kind} only in the migrations: {l}"));

        /// <summary>Definitions name the schema ("ON public.people"); the comparison does not care which schema.</summary>
        private static string Normalise(string definition) => SchemaPrefix().Replace(definition, string.Empty);

        private static async Task<List<string>> LinesAsync(NpgsqlConnection connection, string sql)
        {
            await using var cmd = new NpgsqlCommand(sql, connection);
            await using var reader = await cmd.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }

            lines.Sort(StringComparer.Ordinal);
            return lines;
        }
    }

    [GeneratedRegex(@"\bpublic\.")]
    private static partial Regex SchemaPrefix();
}
