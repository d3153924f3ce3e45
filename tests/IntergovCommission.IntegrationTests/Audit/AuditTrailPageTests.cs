using System.Text;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Audit;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntergovCommission.IntegrationTests.Audit;

/// <summary>Issue #14: the audit trail read by administrators (all) and a commission's secretaries (theirs), filtered, readable, exported as safe CSV.</summary>
public sealed class AuditTrailPageTests
{
    private static async Task<(TestApp App, Demo Demo, Guid Foreign)> ArrangeAsync()
    {
        var app = await TestApp.CreateAsync();
        var demo = await Demo.OfAsync(app);
        await app.SendAsAsync("kz.secretary", demo.NewMember(demo.KzSideId, "Журналов Аудит"));
        var foreign = Guid.NewGuid();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissionDbContext>();
        await AuditChain.AppendAsync(db, new AuditEntry(Guid.CreateVersion7(), DateTimeOffset.UtcNow, null, "=HYPERLINK(\"http://evil\")", demo.CommissionId, "Test.Formula", "{\"note\":\"+1+1\"}", "[]", null, "@host"));
        await AuditChain.AppendAsync(db, new AuditEntry(Guid.CreateVersion7(), DateTimeOffset.UtcNow, null, "other.secretary", foreign, "Test.OtherCommission", "{}", "[]", null, null));
        return (app, demo, foreign);
    }

    [Fact]
    public async Task Administrators_read_the_whole_trail_and_secretaries_only_their_commission()
    {
        var (app, demo, foreign) = await ArrangeAsync();
        await using var _ = app;

        var all = await app.SendAsAsync("admin", new ListAuditEntries.Query());
        Assert.Contains(all.Rows, r => r.CommissionId == foreign);
        Assert.Equal(await app.QueryAsync(db => db.AuditEntries.CountAsync()), all.Total);
        Assert.True(all.Rows.Count <= ListAuditEntries.PageSize);
        Assert.Equal(all.Rows.OrderByDescending(r => r.Seq).Select(r => r.Seq), all.Rows.Select(r => r.Seq));

        var theirs = await app.SendAsAsync("kz.secretary", new ListAuditEntries.Query { CommissionId = demo.CommissionId });
        Assert.NotEmpty(theirs.Rows);
        Assert.All(theirs.Rows, r => Assert.Equal(demo.CommissionId, r.CommissionId));
        Assert.DoesNotContain(theirs.Rows, r => r.CommissionId == foreign);

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.secretary", new ListAuditEntries.Query()));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.secretary", new ListAuditEntries.Query { CommissionId = foreign }));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.member", new ListAuditEntries.Query { CommissionId = demo.CommissionId }));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.cochair", new ExportAuditCsv.Query(new ListAuditEntries.Query { CommissionId = demo.CommissionId })));
    }

    [Fact]
    public async Task Filters_by_person_action_entity_and_dates_and_shows_each_change_field_by_field()
    {
        var (app, demo, _) = await ArrangeAsync();
        await using var __ = app;

        var added = await app.SendAsAsync("admin", new ListAuditEntries.Query { Person = "KZ.SECR", Action = "addmembership", Entity = "Membership" });
        var row = Assert.Single(added.Rows);
        Assert.Equal("kz.secretary", row.UserName);
        var membership = Assert.Single(row.Changes, c => c.Entity == "Membership");
        Assert.Equal("Added", membership.State);
        Assert.Contains(membership.Fields, f => f.Name == "Role" && f.Value == "Member");
        Assert.Contains(membership.Fields, f => f.Name == "Position.Ru" && f.Value == "Эксперт");

        Assert.Empty((await app.SendAsAsync("admin", new ListAuditEntries.Query { Entity = "Decision", Action = "AddMembership" })).Rows);
        Assert.Empty((await app.SendAsAsync("admin", new ListAuditEntries.Query { Action = "100%_" })).Rows);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.NotEmpty((await app.SendAsAsync("admin", new ListAuditEntries.Query { From = today, To = today })).Rows);
        Assert.Empty((await app.SendAsAsync("admin", new ListAuditEntries.Query { From = today.AddDays(1) })).Rows);
        Assert.Empty((await app.SendAsAsync("admin", new ListAuditEntries.Query { To = today.AddDays(-1) })).Rows);

        var backwards = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("admin", new ListAuditEntries.Query { From = today, To = today.AddDays(-1) }));
        Assert.Contains("To", backwards.Errors.Keys);
        Assert.Equal(demo.CommissionId, (await app.SendAsAsync("kz.secretary", new ListAuditEntries.Query { CommissionId = demo.CommissionId, Action = "Formula" })).Rows.Single().CommissionId);
    }

    [Fact]
    public async Task The_csv_export_neutralises_formulas_and_is_itself_audited()
    {
        var (app, demo, _) = await ArrangeAsync();
        await using var _ = app;

        var bytes = await app.SendAsAsync("kz.secretary", new ExportAuditCsv.Query(new ListAuditEntries.Query { CommissionId = demo.CommissionId }));
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("seq,at_utc,user,commission_id,action,changes,request,remote_address,correlation_id,entry_id\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", csv, StringComparison.Ordinal);
        Assert.Contains("'@host", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",@host", csv, StringComparison.Ordinal);
        Assert.Contains("Membership Added", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Test.OtherCommission", csv, StringComparison.Ordinal);

        var export = await app.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "ExportAuditCsv.Query"));
        Assert.Equal(("kz.secretary", (Guid?)demo.CommissionId), (export.UserName, export.CommissionId));
        Assert.True((await app.SendAsAsync("admin", new VerifyAuditTrail.Query())).Intact);
    }
}
