using System.Text.RegularExpressions;
using IntergovCommission.Domain.Audit;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Audit;
using IntergovCommission.Web.Features.Decisions;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Audit;

/// <summary>
/// Issue #14: an issued decision witnesses the audit trail (a signed checkpoint printed in its
/// verification block, kept in the database and the checkpoint file), and reading its PDF is audited.
/// </summary>
public sealed partial class AuditedDecisionTests
{
    private static Task<SignDecision.Result> SignAsync(TestApp app, string user, Guid decisionId, string hash, SignatureKind kind = SignatureKind.Sign) =>
        app.SendAsAsync(user, new SignDecision.Command { DecisionId = decisionId, Kind = kind, ContentHash = hash, Confirmation = DecisionScenario.Password });

    [Fact]
    public async Task An_issued_decision_prints_a_checkpoint_that_verifies_and_its_download_is_audited()
    {
        await using var app = await TestApp.CreateAsync();
        var adopted = await DecisionScenario.AdoptedAsync(app, DecisionKind.ProgrammeApprovalOrChange);
        var hash = await app.SendAsAsync("kz.secretary", new StartSigning.Command(adopted.DecisionId));
        await SignAsync(app, "kz.secretary", adopted.DecisionId, hash);
        await SignAsync(app, "ru.secretary", adopted.DecisionId, hash);
        await SignAsync(app, "kz.cochair", adopted.DecisionId, hash, SignatureKind.Approve);
        var headBeforeIssue = await app.QueryAsync(db => db.AuditEntries.OrderByDescending(a => a.Seq).Select(a => new { a.Seq, a.Hash }).FirstAsync());
        Assert.Equal(DecisionState.Issued, (await SignAsync(app, "ru.cochair", adopted.DecisionId, hash, SignatureKind.Approve)).State);

        // The checkpoint is of the trail as committed before the issuing command: its own row comes after.
        var kept = await app.QueryAsync(db => db.AuditCheckpoints.SingleAsync(c => c.Reason == "decision"));
        Assert.Equal((headBeforeIssue.Seq!.Value, headBeforeIssue.Hash), (kept.Length, kept.HeadHash));
        Assert.Contains(kept.HeadHash, await File.ReadAllTextAsync(app.CheckpointFile), StringComparison.Ordinal);

        var pdf = await app.SendAsAsync("kz.member", new GetDecisionPdf.Query(adopted.DecisionId));
        var text = Regex.Replace(PdfTools.Text(pdf.Content), @"\s+", " ");
        Assert.Contains("Контрольная точка журнала аудита", text, StringComparison.Ordinal);
        var printed = CompactCheckpoint().Match(text.Replace(" ", string.Empty, StringComparison.Ordinal));
        Assert.True(printed.Success, "the PDF prints length/head");
        Assert.Equal($"{kept.Length}/{kept.HeadHash}", printed.Value);

        // The download is in the trail, filed under the commission, by the member.
        var read = await app.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "GetDecisionPdf.Query").SingleAsync());
        Assert.Equal("kz.member", read.UserName);
        Assert.Equal(await app.QueryAsync(db => db.Decisions.Where(d => d.Id == adopted.DecisionId).Select(d => d.CommissionId).SingleAsync()), read.CommissionId);
        Assert.Contains(adopted.DecisionId.ToString(), read.Request, StringComparison.Ordinal);

        var verified = await app.SendAsAsync("admin", new VerifyAuditTrail.Query(printed.Value));
        Assert.True(verified.Intact, verified.FirstBreak?.Detail);
        Assert.Equal(SuppliedCheckpoint.Checked, verified.Supplied);
    }

    [GeneratedRegex(@"\d+/[0-9a-f]{64}")]
    private static partial Regex CompactCheckpoint();
}
