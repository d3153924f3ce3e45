using IntergovCommission.Documents.Rendering;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Decisions;
using IntergovCommission.Web.Features.Documents;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Documents;

/// <summary>Issue 15 items 6, 7 and 9: KZRU-23 refusals naming what is missing, draft marks on every page, the signers' draft preview.</summary>
public sealed class DraftsAndDocumentLanguagesTests
{
    [Fact]
    public async Task Minutes_of_a_session_in_progress_are_marked_as_a_draft_on_every_page()
    {
        await using var app = await TestApp.CreateAsync();
        var (sessionId, _) = await LiveScenario.StartedSessionAsync(app);
        await LiveScenario.RegisterEveryoneAsync(app, sessionId);

        var minutes = await app.SendAsAsync("kz.member", new GetMinutesPdf.Query(sessionId));

        var pages = PdfTools.PageCount(minutes.Content);
        Assert.True(pages >= 1);
        for (var page = 1; page <= pages; page++)
        {
            Assert.Contains(DocumentRenderer.DraftMark, PdfTools.Text(minutes.Content, page), StringComparison.Ordinal);
        }

        // The approved agenda is final: no draft mark.
        Assert.DoesNotContain(DocumentRenderer.DraftMark, PdfTools.Text((await app.SendAsAsync("kz.member", new GetAgendaPdf.Query(sessionId))).Content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signer_previews_the_decision_pdf_marked_as_a_draft_and_the_read_is_audited_while_a_member_off_the_route_is_refused()
    {
        await using var app = await TestApp.CreateAsync();
        var adopted = await DecisionScenario.AdoptedAsync(app, DecisionKind.ProgrammeApprovalOrChange);
        await app.SendAsAsync("kz.secretary", new StartSigning.Command(adopted.DecisionId));

        var preview = await app.SendAsAsync("kz.cochair", new GetDecisionDraftPdf.Query(adopted.DecisionId));

        var text = PdfTools.Text(preview.Content);
        Assert.Contains(DocumentRenderer.DraftMark, PdfTools.Text(preview.Content, 1), StringComparison.Ordinal);
        Assert.Contains(DocumentRenderer.DraftMark, PdfTools.Text(preview.Content, PdfTools.PageCount(preview.Content)), StringComparison.Ordinal);
        Assert.Contains("Утвердить программу", text, StringComparison.Ordinal);
        Assert.Contains("Ұшу сынақтарының бағдарламасын", text, StringComparison.Ordinal);
        Assert.EndsWith("-draft.pdf", preview.FileName, StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.IssuedDecisionDocuments.AnyAsync(i => i.DecisionId == adopted.DecisionId)));
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "GetDecisionDraftPdf.Query" && a.UserName == "kz.cochair")));

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.member", new GetDecisionDraftPdf.Query(adopted.DecisionId)));
    }

    [Fact]
    public async Task Decision_without_its_Kazakh_text_is_not_sent_for_signature_and_the_refusal_names_the_fields_KZRU_23()
    {
        await using var app = await TestApp.CreateAsync();
        var adopted = await DecisionScenario.AdoptedAsync(app, DecisionKind.ProgrammeApprovalOrChange);
        // An unscheduled item, or a record from before KZRU-23 was enforced on the agenda: no Kazakh text.
        await app.QueryAsync(db => db.Decisions.Where(d => d.Id == adopted.DecisionId).ExecuteUpdateAsync(s => s.SetProperty(d => d.TextKk, string.Empty)));

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.secretary", new StartSigning.Command(adopted.DecisionId)));

        Assert.Equal("KZRU-23", refusal.RuleId);
        Assert.Equal("Rule.Decision.MissingLanguage", refusal.Key);
        Assert.Contains("textKk", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("titleKk", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(DecisionState.Adopted, await app.QueryAsync(db => db.Decisions.Where(d => d.Id == adopted.DecisionId).Select(d => d.State).SingleAsync()));
    }

    [Fact]
    public async Task Agenda_pdf_never_prints_the_Russian_title_in_the_Kazakh_column_KZRU_23()
    {
        await using var app = await TestApp.CreateAsync();
        const string russian = "О страховании пусковых операций";
        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(app, russian, itemTitleKk: "Ұшыру операцияларын сақтандыру туралы");
        // A record made before the rule: the Kazakh title is gone.
        await app.QueryAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE agenda_items SET title_kk = NULL WHERE id = {itemId}"));

        var text = PdfTools.Text((await app.SendAsAsync("kz.member", new GetAgendaPdf.Query(sessionId))).Content);

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, System.Text.RegularExpressions.Regex.Escape(russian)));
    }
}
