namespace IntergovCommission.Documents.Layout;

/// <summary>A paragraph of text. Indents and spacing are in points.</summary>
public sealed record Paragraph(
    string Text,
    TextStyle Style,
    TextAlign Align = TextAlign.Justify,
    double FirstLineIndent = 0,
    double SpaceBefore = 0,
    double SpaceAfter = 0,
    double LeftIndent = 0);

/// <summary>Something the paginator places in the body of a page, top to bottom.</summary>
public abstract record Block
{
    /// <summary>Do not end a page right after this block: start it on the next page unless the beginning of the next block fits too.</summary>
    public bool KeepWithNext { get; init; }
}

/// <summary>A full-width paragraph; it may break across pages between lines (never leaving one line alone at a page foot).</summary>
public sealed record ParagraphBlock(Paragraph Paragraph) : Block
{
    /// <summary>Never split across pages (unless it is taller than a whole page).</summary>
    public bool KeepTogether { get; init; }
}

/// <summary>
/// Two columns side by side: Left[i] and Right[i] start at the same height; the taller of the two sets
/// where pair i+1 starts. A pair longer than the space left continues on the next page, both columns
/// again starting level. A missing paragraph on one side leaves that side blank.
/// </summary>
public sealed record ParallelColumnsBlock(IReadOnlyList<Paragraph> Left, IReadOnlyList<Paragraph> Right) : Block
{
    public double Gap { get; init; } = 18;

    /// <summary>Draw a thin vertical rule between the columns.</summary>
    public bool Divider { get; init; }
}

public sealed record TableColumn(string Header, double RelativeWidth, TextAlign Align = TextAlign.Left);

/// <summary>A ruled table. The header row is repeated at the top of each page; a row is never split.</summary>
public sealed record TableBlock(IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, TextStyle HeaderStyle, TextStyle BodyStyle) : Block
{
    public double Padding { get; init; } = 3;
}

public sealed record SpacerBlock(double Height) : Block;

public sealed record RuleBlock(double Thickness = 0.5, double SpaceBefore = 2, double SpaceAfter = 6) : Block
{
    /// <summary>Two parallel lines, as under a letterhead.</summary>
    public bool Double { get; init; }
}

/// <summary>Continue on a new page (ignored when the current page is still empty).</summary>
public sealed record PageBreakBlock : Block;

/// <summary>Blocks that start on a new page rather than being split, unless together they are taller than a page.</summary>
public sealed record KeepTogetherBlock(IReadOnlyList<Block> Blocks) : Block;

/// <summary>A PNG image at the left margin with paragraphs beside it (the QR code and its caption).</summary>
public sealed record ImageBlock(byte[] Png, double Size, IReadOnlyList<Paragraph> Caption) : Block
{
    public double Gap { get; init; } = 12;
}
