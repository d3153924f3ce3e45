using System.Text;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Decisions;
using IntergovCommission.Web.Features.Materials;
using IntergovCommission.Web.Features.Records;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IntergovCommission.IntegrationTests.Records;

/// <summary>KZRU-22 (issue #14): a commission's records are kept until the term after the flight tests; the database refuses raw deletes and changes within it.</summary>
public sealed class RetentionTests
{
    private sealed record Issued(Guid CommissionId, Guid DecisionId, Guid IssuedDocumentId, Guid PdfFileId, Guid MaterialId, Guid MaterialFileId);

    private static async Task<Issued> IssuedDecisionWithMaterialAsync(TestApp app)
    {
        var adopted = await DecisionScenario.AdoptedAsync(app, DecisionKind.ProgrammeApprovalOrChange);
        var material = await app.SendAsAsync("kz.secretary", new UploadMaterial.Command
        {
            SessionId = adopted.SessionId, ItemId = adopted.ItemId, Title = "Справка", FileName = "note.pdf",
            Content = new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")),
        });
        var hash = await app.SendAsAsync("kz.secretary", new StartSigning.Command(adopted.DecisionId));
        foreach (var (user, kind) in new[] { ("kz.secretary", SignatureKind.Sign), ("ru.secretary", SignatureKind.Sign), ("kz.cochair", SignatureKind.Approve), ("ru.cochair", SignatureKind.Approve) })
        {
            await app.SendAsAsync(user, new SignDecision.Command { DecisionId = adopted.DecisionId, Kind = kind, ContentHash = hash, Confirmation = DecisionScenario.Password });
        }

        return await app.QueryAsync(async db =>
        {
            var decision = await db.Decisions.SingleAsync(d => d.Id == adopted.DecisionId);
            var issued = await db.IssuedDecisionDocuments.SingleAsync(i => i.DecisionId == adopted.DecisionId);
            var m = await db.Materials.SingleAsync(x => x.Id == material.MaterialId);
            return new Issued(decision.CommissionId, decision.Id, issued.Id, issued.FileId, m.Id, m.FileId);
        });
    }

    private static async Task<PostgresException?> RawAsync(TestApp app, string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(sql, connection, tx);
        try
        {
            await command.ExecuteNonQueryAsync();
            await tx.RollbackAsync();
            return null;
        }
        catch (PostgresException ex)
        {
            return ex;
        }
    }

    private static string[] Tampering(Issued r) =>
    [
        $"DELETE FROM issued_decision_documents WHERE id = '{r.IssuedDocumentId}'",
        $"UPDATE issued_decision_documents SET sha256 = repeat('0', 64) WHERE id = '{r.IssuedDocumentId}'",
        $"UPDATE stored_files SET content = 'forged'::bytea WHERE id = '{r.PdfFileId}'",
        $"UPDATE decisions SET copies = copies + 1 WHERE id = '{r.DecisionId}'",
        $"DELETE FROM materials WHERE id = '{r.MaterialId}'",
        $"UPDATE stored_files SET content = 'forged'::bytea WHERE id = '{r.MaterialFileId}'",
    ];

    [Fact]
    public async Task Raw_sql_cannot_delete_or_change_kept_records_within_the_term_KZRU_22()
    {
        await using var app = await TestApp.CreateAsync();
        var records = await IssuedDecisionWithMaterialAsync(app);

        // No completion recorded yet: kept, whatever the SQL.
        foreach (var sql in Tampering(records))
        {
            var refused = await RawAsync(app, sql);
            Assert.True(refused is not null, $"not refused: {sql}");
            Assert.Contains("KZRU-22", refused!.MessageText, StringComparison.Ordinal);
        }

        // The flight tests completed a year ago: kept two more years.
        var keepUntil = await app.SendAsAsync("kz.secretary", new RecordFlightTestsCompletion.Command
        {
            CommissionId = records.CommissionId, CompletedOn = Demo.Today.AddYears(-1), Act = "Акт Госкомиссии № 7",
        });
        Assert.Equal(Demo.Today.AddYears(2), keepUntil);
        foreach (var sql in Tampering(records))
        {
            Assert.Contains("KZRU-22", (await RawAsync(app, sql))?.MessageText ?? "not refused: " + sql, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task After_the_term_the_database_lets_the_records_go()
    {
        await using var app = await TestApp.CreateAsync();
        var records = await IssuedDecisionWithMaterialAsync(app);
        var keepUntil = await app.SendAsAsync("ru.secretary", new RecordFlightTestsCompletion.Command
        {
            CommissionId = records.CommissionId, CompletedOn = Demo.Today.AddYears(-3).AddDays(-1), Act = "Акт № 1",
        });
        Assert.True(keepUntil < Demo.Today);
        foreach (var sql in Tampering(records))
        {
            var refused = await RawAsync(app, sql);
            Assert.True(refused is null, $"{sql}: {refused?.MessageText}");
        }
    }

    [Fact]
    public async Task Only_a_secretary_records_the_basis_and_every_reader_sees_the_keep_until_date()
    {
        await using var app = await TestApp.CreateAsync();
        var demo = await Demo.OfAsync(app);
        var before = await app.SendAsAsync("kz.member", new GetRecordRetention.Query(demo.CommissionId));
        Assert.Null(before.KeepUntil);
        Assert.Equal((3, "KZRU-22", true), (before.YearsAfterFlightTests, before.RuleId, before.IsKeptToday));

        var command = new RecordFlightTestsCompletion.Command { CommissionId = demo.CommissionId, CompletedOn = new DateOnly(2026, 3, 1), Act = "Акт № 3" };
        foreach (var user in new[] { "admin", "kz.cochair", "kz.member" })
        {
            var refused = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync(user, command));
            Assert.Equal("KZRU-22", refused.RuleId);
        }

        var invalid = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("kz.secretary", command with { Act = " ", CompletedOn = null }));
        Assert.Contains("Act", invalid.Errors.Keys);
        Assert.Contains("CompletedOn", invalid.Errors.Keys);

        Assert.Equal(new DateOnly(2029, 3, 1), await app.SendAsAsync("kz.secretary", command));
        var after = await app.SendAsAsync("admin", new GetRecordRetention.Query(demo.CommissionId));
        Assert.Equal((new DateOnly(2029, 3, 1), new DateOnly(2026, 3, 1), "Акт № 3"), (after.KeepUntil, after.FlightTestsCompletedOn, after.Act));
        Assert.Single(await app.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "RecordFlightTestsCompletion.Command").ToListAsync()));

        // The basis is append-only, in the database too.
        var rewrite = await RawAsync(app, "UPDATE retention_bases SET keep_until = '2000-01-01'");
        Assert.Contains("append-only", rewrite?.MessageText ?? "not refused", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_sets_another_term_only_once_it_is_issued()
    {
        await using var app = await TestApp.CreateAsync();
        var records = await IssuedDecisionWithMaterialAsync(app);
        var command = new SetRetentionTermByDecision.Command { CommissionId = records.CommissionId, DecisionId = records.DecisionId, KeepUntil = new DateOnly(2040, 12, 31), Act = "хранить до 31.12.2040" };
        Assert.Equal(new DateOnly(2040, 12, 31), await app.SendAsAsync("ru.secretary", command));
        var now = await app.SendAsAsync("kz.cochair", new GetRecordRetention.Query(records.CommissionId));
        Assert.Equal((new DateOnly(2040, 12, 31), (Guid?)records.DecisionId), (now.KeepUntil, now.TermDecisionId));
        Assert.NotNull(now.TermDecisionNumber);

        var adopted = await DecisionScenario.AdoptedAsync(app, DecisionKind.ProgrammeApprovalOrChange);
        var notIssued = await Assert.ThrowsAsync<IntergovCommission.Domain.Common.RuleViolationException>(() =>
            app.SendAsAsync("ru.secretary", command with { DecisionId = adopted.DecisionId }));
        Assert.Equal("KZRU-22", notIssued.RuleId);
    }
}
