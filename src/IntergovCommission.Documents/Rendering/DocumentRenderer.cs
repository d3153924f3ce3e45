using IntergovCommission.Documents.Layout;
using PdfSharp.Pdf;

namespace IntergovCommission.Documents.Rendering;

/// <summary>
/// Renders the commission's bilingual documents to PDF bytes. Thread-safe: every call measures and
/// draws with its own objects; the process-wide PDFsharp settings are made once by the constructor.
/// </summary>
public sealed class DocumentRenderer
{
    private readonly PageGeometry _geometry = PageGeometry.A4Official;

    public DocumentRenderer(DocumentsOptions options)
    {
        PdfSharpSetup.EnsureInitialized(options);
    }

    /// <summary>The decision with its approval block, signature sheet(s) and annexes (unsigned PDF).</summary>
    public byte[] RenderDecision(DecisionDocument decision)
    {
        using var pdf = BuildDecision(decision);
        return Save(pdf);
    }

    /// <summary>The words every page of a draft carries at its top.</summary>
    public const string DraftMark = "ПРОЕКТ / ЖОБА / DRAFT";

    /// <param name="draft">The session is still in progress: every page is marked <see cref="DraftMark"/>.</param>
    public byte[] RenderMinutes(MinutesDocument minutes, bool draft = false)
    {
        MinutesComposer.Validate(minutes);
        var running = MinutesComposer.Running(minutes);
        using var pdf = Build(MinutesComposer.Compose(minutes), draft ? running with { DraftMark = DraftMark } : running, MinutesComposer.Metadata(minutes));
        return Save(pdf);
    }

    /// <summary>The decision as it will be issued, unsigned, every page marked <see cref="DraftMark"/> (a preview for signers and approvers).</summary>
    public byte[] RenderDecisionDraft(DecisionDocument decision)
    {
        DecisionComposer.Validate(decision);
        var blocks = DecisionComposer.Compose(decision, QrCodes.Png(decision.VerificationUrl));
        using var pdf = Build(blocks, DecisionComposer.Running(decision) with { DraftMark = DraftMark }, DecisionComposer.Metadata(decision));
        return Save(pdf);
    }

    public byte[] RenderAgenda(AgendaDocument agenda)
    {
        AgendaComposer.Validate(agenda);
        using var pdf = Build(AgendaComposer.Compose(agenda), AgendaComposer.Running(agenda), AgendaComposer.Metadata(agenda));
        return Save(pdf);
    }

    /// <summary>The consolidated report on the execution of assignments for a period (WF-05).</summary>
    public byte[] RenderExecutionReport(ExecutionReportDocument report)
    {
        ExecutionReportComposer.Validate(report);
        using var pdf = Build(ExecutionReportComposer.Compose(report), ExecutionReportComposer.Running(report), ExecutionReportComposer.Metadata(report));
        return Save(pdf);
    }

    /// <summary>The annual report on the execution of a treaty (WF-07, annex 1 form).</summary>
    public byte[] RenderTreatyReport(TreatyReportDocument report)
    {
        TreatyReportComposer.Validate(report);
        using var pdf = Build(TreatyReportComposer.Compose(report), TreatyReportComposer.Running(report), TreatyReportComposer.Metadata(report));
        return Save(pdf);
    }

    /// <summary>The laid-out pages of a decision, before drawing (for inspection and tests).</summary>
    public IReadOnlyList<LaidOutPage> LayoutDecision(DecisionDocument decision)
    {
        DecisionComposer.Validate(decision);
        return Layout(DecisionComposer.Compose(decision, QrCodes.Png(decision.VerificationUrl)));
    }

    internal PdfDocument BuildDecision(DecisionDocument decision)
    {
        DecisionComposer.Validate(decision);
        var blocks = DecisionComposer.Compose(decision, QrCodes.Png(decision.VerificationUrl));
        return Build(blocks, DecisionComposer.Running(decision), DecisionComposer.Metadata(decision));
    }

    private IReadOnlyList<LaidOutPage> Layout(IReadOnlyList<Block> blocks)
    {
        using var measurer = new PdfTextMeasurer();
        return new Paginator(measurer, _geometry).Layout(blocks);
    }

    private PdfDocument Build(IReadOnlyList<Block> blocks, RunningElements running, DocumentMetadata metadata) =>
        PdfPainter.Paint(Layout(blocks), _geometry, running, metadata);

    private static byte[] Save(PdfDocument pdf)
    {
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}
