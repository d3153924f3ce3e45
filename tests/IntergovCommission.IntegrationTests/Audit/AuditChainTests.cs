using IntergovCommission.Domain.Audit;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IntergovCommission.IntegrationTests.Audit;

/// <summary>
/// The audit trail as a hash chain on real PostgreSQL: commands, sign-ins and concurrent writers
/// leave one unbroken chain; tampering as the database owner with the triggers disabled is found
/// and named (a row changed, a row deleted, rows cut off at the end, a row inserted).
/// </summary>
public sealed class AuditChainTests
{
    /// <summary>A demo app whose trail holds at least <paramref name="rows"/> rows, with JSON that jsonb rewrites (keys, numbers, escapes).</summary>
    private static async Task<TestApp> AppWithRowsAsync(int rows = 8)
    {
        var app = await TestApp.CreateAsync();
        var demo = await Demo.OfAsync(app);
        await app.SendAsAsync("kz.secretary", demo.NewMember(demo.KzSideId, "Цепочкин Аудит"));
        var existing = await app.QueryAsync(db => db.AuditEntries.CountAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissionDbContext>();
        for (var i = existing; i < rows; i++)
        {
            await AuditChain.AppendAsync(db, new AuditEntry(Guid.CreateVersion7(), DateTimeOffset.UtcNow, null, "test", null, "Test.Step",
                $"{{\"z\":1.50,\"a\":\"\\u0410\\u0443\\u0434\\u0438\\u0442 {i}\",\"n\":1E+2,\"list\":[{{\"y\":null,\"b\":true}}]}}", "[]", "corr", "127.0.0.1"));
        }

        return app;
    }

    private static Task<VerifyAuditTrail.Result> VerifyAsync(TestApp app, string? checkpoint = null) =>
        app.SendAsAsync("admin", new VerifyAuditTrail.Query(checkpoint));

    /// <summary>Runs SQL as the database owner with the user triggers of the audit table disabled (what the append-only rule cannot stop).</summary>
    private static async Task TamperAsync(TestApp app, string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        foreach (var statement in new[] { "ALTER TABLE audit_entries DISABLE TRIGGER USER", sql, "ALTER TABLE audit_entries ENABLE TRIGGER USER" })
        {
            await using var command = new NpgsqlCommand(statement, connection, tx);
            await command.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
    }

    private static async Task<int> CliAsync(TestApp app, string? checkpoint = null)
    {
        using var output = new StringWriter();
        return await AuditCommandLine.RunAsync(app.Services, checkpoint, output);
    }

    [Fact]
    public async Task Commands_and_standalone_rows_form_one_intact_chain_that_survives_jsonb()
    {
        await using var app = await AppWithRowsAsync(12);
        var rows = await app.QueryAsync(db => db.AuditEntries.OrderBy(a => a.Seq).Select(a => new { a.Seq, a.PreviousHash, a.Hash, a.Action }).ToListAsync());
        Assert.All(rows, r => Assert.NotNull(r.Seq));
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => (long?)i), rows.Select(r => r.Seq));
        Assert.Equal(AuditCanonicalForm.Genesis, rows[0].PreviousHash);
        Assert.Contains(rows, r => r.Action == "AddMembership.Command");

        var result = await VerifyAsync(app);
        Assert.True(result.Intact, result.FirstBreak?.Detail);
        Assert.Equal(rows.Count, result.Length);
        Assert.Equal(rows[^1].Hash, result.HeadHash);
        Assert.Equal(0, await CliAsync(app));
    }

    [Fact]
    public async Task A_changed_summary_is_named_as_row_changed()
    {
        await using var app = await AppWithRowsAsync();
        await TamperAsync(app, "UPDATE audit_entries SET changes = '[{\"entity\":\"Decision\",\"state\":\"Deleted\"}]' WHERE seq = 4");

        var result = await VerifyAsync(app);
        Assert.False(result.Intact);
        Assert.Equal((AuditBreakKind.RowChanged, 4L), (result.FirstBreak!.Kind, result.FirstBreak.Seq));
        Assert.Equal(1, await CliAsync(app));
    }

    [Fact]
    public async Task A_deleted_middle_row_is_named_as_row_deleted()
    {
        await using var app = await AppWithRowsAsync();
        await TamperAsync(app, "DELETE FROM audit_entries WHERE seq = 5");

        var result = await VerifyAsync(app);
        Assert.Equal((AuditBreakKind.RowDeleted, 5L), (result.FirstBreak!.Kind, result.FirstBreak.Seq));
    }

    [Fact]
    public async Task Rows_cut_off_the_end_are_named_by_the_checkpoint_file()
    {
        await using var app = await AppWithRowsAsync();
        AuditCheckpoint checkpoint;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            checkpoint = (await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteAsync("manual", onlyIfGrown: false, CancellationToken.None))!;
        }

        Assert.Contains(checkpoint.HeadHash, await File.ReadAllTextAsync(app.CheckpointFile), StringComparison.Ordinal);
        Assert.True((await VerifyAsync(app)).Intact);

        // The owner also removes the checkpoint rows from the database: the file outside it still knows.
        await TamperAsync(app, $"DELETE FROM audit_entries WHERE seq > {checkpoint.Length - 2}");
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("ALTER TABLE audit_checkpoints DISABLE TRIGGER USER; DELETE FROM audit_checkpoints; ALTER TABLE audit_checkpoints ENABLE TRIGGER USER", connection);
            await command.ExecuteNonQueryAsync();
        }

        var result = await VerifyAsync(app);
        Assert.Equal((AuditBreakKind.RowsCutOff, checkpoint.Length - 1), (result.FirstBreak!.Kind, result.FirstBreak.Seq));
        Assert.Equal(1, await CliAsync(app));
    }

    [Fact]
    public async Task Rows_cut_off_the_end_are_named_by_a_checkpoint_the_user_supplies_from_a_decision()
    {
        await using var app = await AppWithRowsAsync();
        var (length, head) = await app.QueryAsync(async db =>
        {
            var last = await db.AuditEntries.OrderByDescending(a => a.Seq).FirstAsync();
            return (last.Seq!.Value, last.Hash!);
        });
        await TamperAsync(app, $"DELETE FROM audit_entries WHERE seq = {length}");

        Assert.True((await VerifyAsync(app)).Intact, "no kept checkpoint saw the last row yet");
        var result = await VerifyAsync(app, $"Audit trail: {length}/{head}");
        Assert.Equal(SuppliedCheckpoint.Checked, result.Supplied);
        Assert.Equal((AuditBreakKind.RowsCutOff, length), (result.FirstBreak!.Kind, result.FirstBreak.Seq));
        Assert.Equal(1, await CliAsync(app, $"{length}/{head}"));
    }

    [Fact]
    public async Task A_forged_row_slipped_into_the_middle_is_named_as_row_inserted()
    {
        await using var app = await AppWithRowsAsync();
        var before = await app.QueryAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Seq == 3));
        // The owner knows the algorithm: the forged row is correctly hashed onto row 3 and the rest moved down one place.
        var forged = new AuditRecord(Guid.CreateVersion7(), before.At.AddTicks(10), null, "admin", null, "ResetUserPassword.Command", "{}", "[]", null, null);
        var hash = AuditCanonicalForm.Hash(forged, 4, before.Hash!);
        await TamperAsync(app, $$"""
            DROP INDEX ix_audit_entries_previous_hash;
            UPDATE audit_entries SET seq = -seq WHERE seq >= 4;
            UPDATE audit_entries SET seq = -seq + 1 WHERE seq < 0;
            INSERT INTO audit_entries (id, at, user_id, user_name, commission_id, action, request, changes, correlation_id, remote_address, seq, previous_hash, hash)
            VALUES ('{{forged.Id}}', '{{forged.At:O}}', NULL, 'admin', NULL, 'ResetUserPassword.Command', '{}', '[]', NULL, NULL, 4, '{{before.Hash}}', '{{hash}}')
            """);

        var result = await VerifyAsync(app);
        Assert.Equal((AuditBreakKind.RowInserted, 4L, (Guid?)forged.Id), (result.FirstBreak!.Kind, result.FirstBreak.Seq, result.FirstBreak.EntryId));
    }

    [Fact]
    public async Task A_row_inserted_outside_the_chain_is_named_as_row_inserted()
    {
        await using var app = await AppWithRowsAsync();
        var id = Guid.CreateVersion7();
        await TamperAsync(app, $"INSERT INTO audit_entries (id, at, action, request, changes) VALUES ('{id}', now(), 'Forged', '{{}}', '[]')");

        var result = await VerifyAsync(app);
        Assert.Equal((AuditBreakKind.RowInserted, (Guid?)id), (result.FirstBreak!.Kind, result.FirstBreak.EntryId));
    }

    [Fact]
    public async Task Concurrent_writers_leave_one_chain_without_a_fork()
    {
        await using var app = await AppWithRowsAsync(1);
        var demo = await Demo.OfAsync(app);
        const int Writers = 12;
        const int RowsEach = 8;
        var tasks = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < RowsEach; i++)
            {
                if (w % 3 == 0 && i % 4 == 0)
                {
                    // Some of them through the pipeline: a command's rows and its audit row in one transaction.
                    await app.SendAsAsync("kz.secretary", demo.NewMember(demo.KzSideId, $"Параллельный {w}-{i}"));
                    continue;
                }

                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CommissionDbContext>();
                await AuditChain.AppendAsync(db, new AuditEntry(Guid.CreateVersion7(), DateTimeOffset.UtcNow, null, $"writer{w}", null, "Test.Concurrent", $"{{\"i\":{i}}}", "[]", null, null));
            }
        })).ToArray();
        await Task.WhenAll(tasks);

        var rows = await app.QueryAsync(db => db.AuditEntries.Select(a => new { a.Seq, a.PreviousHash, a.Hash }).ToListAsync());
        Assert.All(rows, r => Assert.NotNull(r.Seq));
        Assert.Equal(rows.Count, rows.Select(r => r.PreviousHash).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => (long?)i), rows.Select(r => r.Seq).Order());
        Assert.True(rows.Count >= Writers * RowsEach);
        var result = await VerifyAsync(app);
        Assert.True(result.Intact, result.FirstBreak?.Detail);
    }

    [Fact]
    public async Task The_application_cannot_rewrite_a_chained_row_nor_give_it_another_place()
    {
        await using var app = await AppWithRowsAsync(3);
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in new[] { "UPDATE audit_entries SET seq = 99 WHERE seq = 1", "UPDATE audit_entries SET hash = NULL, seq = NULL WHERE seq = 2", "DELETE FROM audit_checkpoints" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            if (sql.StartsWith("DELETE", StringComparison.Ordinal))
            {
                // An empty table deletes nothing; write one first.
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteAsync("manual", onlyIfGrown: false, CancellationToken.None);
            }

            var ex = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", ex.MessageText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_checkpoint_not_signed_by_the_server_is_reported()
    {
        await using var app = await AppWithRowsAsync(3);
        var head = await app.QueryAsync(db => db.AuditEntries.OrderByDescending(a => a.Seq).Select(a => new { a.Seq, a.Hash }).FirstAsync());
        await File.AppendAllTextAsync(app.CheckpointFile,
            $"{{\"length\":{head.Seq},\"head\":\"{head.Hash}\",\"at\":\"2026-01-01T00:00:00+00:00\",\"signature\":\"AAAA\",\"reason\":\"forged\"}}\n");

        var result = await VerifyAsync(app);
        Assert.False(result.Intact);
        Assert.Null(result.FirstBreak);
        Assert.Contains(result.CheckpointProblems, p => p.Kind == AuditCheckpointProblemKind.NotSigned && p.Source == AuditTrailVerifier.FileSource);

        var supplied = await VerifyAsync(app, $"intergov-audit-checkpoint/1\nlength {head.Seq}\nhead {head.Hash}\nat 2026-01-01T00:00:00Z\nsignature AAAA\n");
        Assert.Equal(SuppliedCheckpoint.BadSignature, supplied.Supplied);
    }

    [Fact]
    public async Task The_daily_check_notifies_the_administrators_when_the_chain_is_broken()
    {
        await using var app = await AppWithRowsAsync();
        var watch = app.Services.GetRequiredService<AuditWatch>();
        Assert.True((await watch.VerifyOnceAsync(CancellationToken.None)).Intact);
        // The demo administrator gets a person record, so the bell can reach them.
        var person = await Demo.NewPersonAsync(app, "Администратор Аудита");
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var link = new NpgsqlCommand("UPDATE identity_users SET person_id = @p WHERE user_name = 'admin'", connection);
            link.Parameters.AddWithValue("p", person);
            Assert.Equal(1, await link.ExecuteNonQueryAsync());
        }

        Assert.Empty(await app.QueryAsync(db => db.Notifications.Where(n => n.Kind == AuditWatch.BrokenKind).ToListAsync()));
        await TamperAsync(app, "DELETE FROM audit_entries WHERE seq = 2");

        var report = await watch.VerifyOnceAsync(CancellationToken.None);
        Assert.False(report.Intact);
        var sent = await app.QueryAsync(db => db.Notifications.Where(n => n.Kind == AuditWatch.BrokenKind).ToListAsync());
        var notification = Assert.Single(sent);
        Assert.Equal(person, notification.RecipientPersonId);
        Assert.Equal(["2"], notification.ArgumentList());
    }
}
