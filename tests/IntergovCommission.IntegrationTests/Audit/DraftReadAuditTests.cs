using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Decisions;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Audit;

/// <summary>Issue #14: reading an unissued draft decision is a read of confidential material, recorded in the audit trail; an issued one's page is not.</summary>
public sealed class DraftReadAuditTests
{
    [Fact]
    public async Task Reading_an_unissued_draft_is_audited_and_reading_an_issued_decision_is_not()
    {
        await using var app = await TestApp.CreateAsync();
        var adopted = await DecisionScenario.AdoptedAsync(app, DecisionKind.ProgrammeApprovalOrChange);

        await app.SendAsAsync("kz.member", new GetDecision.Query(adopted.DecisionId));

        var read = await app.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "GetDecision.Query").SingleAsync());
        Assert.Equal("kz.member", read.UserName);
        Assert.Contains(adopted.DecisionId.ToString(), read.Request, StringComparison.Ordinal);
        Assert.Equal(await app.QueryAsync(db => db.Decisions.Where(d => d.Id == adopted.DecisionId).Select(d => d.CommissionId).SingleAsync()), read.CommissionId);

        var hash = await app.SendAsAsync("kz.secretary", new StartSigning.Command(adopted.DecisionId));
        foreach (var (user, kind) in new[] { ("kz.secretary", SignatureKind.Sign), ("ru.secretary", SignatureKind.Sign), ("kz.cochair", SignatureKind.Approve), ("ru.cochair", SignatureKind.Approve) })
        {
            await app.SendAsAsync(user, new SignDecision.Command { DecisionId = adopted.DecisionId, Kind = kind, ContentHash = hash, Confirmation = DecisionScenario.Password });
        }

        var issued = adopted.DecisionId;
        var before = await app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "GetDecision.Query"));
        await app.SendAsAsync("kz.member", new GetDecision.Query(issued));
        Assert.Equal(before, await app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "GetDecision.Query")));
    }
}
