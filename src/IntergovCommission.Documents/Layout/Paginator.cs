namespace IntergovCommission.Documents.Layout;

/// <summary>
/// Places blocks on pages top to bottom and starts a new page when the next piece does not fit.
/// The result is a list of pages with positioned drawing operations; it is pure (no PDF involved),
/// so the running footer can say "page X of Y" once the count is known.
/// </summary>
public sealed class Paginator
{
    private const double Epsilon = 0.01;

    private readonly ITextMeasurer _measurer;
    private readonly PageGeometry _page;
    private readonly List<LaidOutPage> _pages = [];
    private LaidOutPage _current = null!;
    private double _y;
    private bool _pageHasContent;
    private readonly Dictionary<(Paragraph, double), IReadOnlyList<TextLine>> _lines = new(IdentityKey.Instance);

    /// <summary>Height the next block needs next to the end of the current keep-with-next block (0 if none).</summary>
    private double _keepWithNextLead;

    public Paginator(ITextMeasurer measurer, PageGeometry page)
    {
        _measurer = measurer;
        _page = page;
    }

    public IReadOnlyList<LaidOutPage> Layout(IReadOnlyList<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        _pages.Clear();
        NewPage();
        PlaceAll(blocks);
        return [.. _pages];
    }

    private double Remaining => _page.BodyBottom - _y;

    private void PlaceAll(IReadOnlyList<Block> blocks)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var lead = block.KeepWithNext && i + 1 < blocks.Count ? LeadHeight(blocks[i + 1]) : 0;
            if (block.KeepWithNext && _pageHasContent)
            {
                var needed = Height(block) + lead;
                if (needed > Remaining + Epsilon && needed <= _page.BodyHeight)
                {
                    NewPage();
                }
            }

            _keepWithNextLead = lead;
            Place(block);
            _keepWithNextLead = 0;
        }
    }

    private void NewPage()
    {
        _current = new LaidOutPage();
        _pages.Add(_current);
        _y = _page.BodyTop;
        _pageHasContent = false;
    }

    private void Emit(DrawOp op)
    {
        _current.Add(op);
        _pageHasContent = true;
    }

    private void Place(Block block)
    {
        switch (block)
        {
            case ParagraphBlock p:
                PlaceParagraph(p);
                break;
            case ParallelColumnsBlock c:
                PlaceColumns(c);
                break;
            case TableBlock t:
                PlaceTable(t);
                break;
            case SpacerBlock s:
                if (_pageHasContent)
                {
                    _y = Math.Min(_y + s.Height, _page.BodyBottom);
                }

                break;
            case RuleBlock r:
                PlaceRule(r);
                break;
            case PageBreakBlock:
                if (_pageHasContent)
                {
                    NewPage();
                }

                break;
            case KeepTogetherBlock k:
                var height = Height(k);
                if (_pageHasContent && height > Remaining + Epsilon && height <= _page.BodyHeight)
                {
                    NewPage();
                }

                PlaceAll(k.Blocks);
                break;
            case ImageBlock img:
                PlaceImage(img);
                break;
            default:
                throw new NotSupportedException($"Unknown block {block.GetType().Name}.");
        }
    }

    // ---------- paragraphs ----------

    private IReadOnlyList<TextLine> Lines(Paragraph p, double width)
    {
        // Heights for keep-together decisions and the placing itself break the same paragraph: once is enough.
        if (!_lines.TryGetValue((p, width), out var lines))
        {
            lines = LineBreaker.Break(p.Text, p.Style, width - p.LeftIndent - p.FirstLineIndent, width - p.LeftIndent, _measurer);
            _lines[(p, width)] = lines;
        }

        return lines;
    }

    /// <summary>Keys on the paragraph instance, not its (possibly long) text.</summary>
    private sealed class IdentityKey : IEqualityComparer<(Paragraph, double)>
    {
        public static IdentityKey Instance { get; } = new();

        public bool Equals((Paragraph, double) x, (Paragraph, double) y) => ReferenceEquals(x.Item1, y.Item1) && x.Item2.Equals(y.Item2);

        public int GetHashCode((Paragraph, double) obj) => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1), obj.Item2);
    }

    private void PlaceParagraph(ParagraphBlock block)
    {
        var p = block.Paragraph;
        var lines = Lines(p, _page.BodyWidth);
        if (block.KeepTogether && _pageHasContent)
        {
            var total = p.SpaceBefore + lines.Count * p.Style.LineHeight;
            if (total > Remaining + Epsilon && total <= _page.BodyHeight)
            {
                NewPage();
            }
        }

        if (_pageHasContent)
        {
            _y += p.SpaceBefore;
        }

        var column = new ColumnFlow(p, lines, _page.BodyLeft, _page.BodyWidth);
        while (!column.Done)
        {
            var fit = column.LinesFitting(Remaining);
            if (fit < Math.Min(2, column.LinesLeft) && _pageHasContent)
            {
                NewPage();
                continue;
            }

            fit = Math.Max(fit, 1);
            if (column.LinesLeft - fit == 1 && fit >= 3)
            {
                fit--; // keep a widow line company on the next page
            }

            _y += column.Emit(fit, _y, Emit);
            if (!column.Done)
            {
                NewPage();
            }
        }

        _y += p.SpaceAfter;
    }

    /// <summary>The lines of one paragraph being poured into one column, a page at a time.</summary>
    private sealed class ColumnFlow(Paragraph paragraph, IReadOnlyList<TextLine> lines, double x, double width)
    {
        private int _next;

        public bool Done => _next >= lines.Count;

        public int LinesLeft => lines.Count - _next;

        public int LinesFitting(double height) =>
            Math.Min(LinesLeft, (int)Math.Floor((height + Epsilon) / paragraph.Style.LineHeight));

        /// <summary>Emits up to <paramref name="count"/> lines from <paramref name="top"/>; returns the height used.</summary>
        public double Emit(int count, double top, Action<DrawOp> emit)
        {
            var used = 0.0;
            for (var i = 0; i < count && !Done; i++, _next++)
            {
                var line = lines[_next];
                var indent = paragraph.LeftIndent + (_next == 0 ? paragraph.FirstLineIndent : 0);
                if (line.Text.Length > 0)
                {
                    var align = paragraph.Align == TextAlign.Justify ? TextAlign.Left : paragraph.Align;
                    emit(new TextOp(x + indent, top + used, width - indent, line.Text, paragraph.Style, align,
                        Justify: paragraph.Align == TextAlign.Justify && line.CanJustify));
                }

                used += paragraph.Style.LineHeight;
            }

            return used;
        }
    }

    // ---------- parallel columns ----------

    private double ColumnWidth(ParallelColumnsBlock block) => (_page.BodyWidth - block.Gap) / 2;

    private void PlaceColumns(ParallelColumnsBlock block)
    {
        var width = ColumnWidth(block);
        var rightX = _page.BodyLeft + width + block.Gap;
        var dividerX = _page.BodyLeft + width + block.Gap / 2;
        var rows = Math.Max(block.Left.Count, block.Right.Count);
        for (var i = 0; i < rows; i++)
        {
            var left = i < block.Left.Count ? block.Left[i] : null;
            var right = i < block.Right.Count ? block.Right[i] : null;
            var flows = new List<ColumnFlow>(2);
            if (left is not null)
            {
                flows.Add(new ColumnFlow(left, Lines(left, width), _page.BodyLeft, width));
            }

            if (right is not null)
            {
                flows.Add(new ColumnFlow(right, Lines(right, width), rightX, width));
            }

            var segmentTop = _y;
            if (_pageHasContent)
            {
                _y += Math.Max(left?.SpaceBefore ?? 0, right?.SpaceBefore ?? 0);
            }

            while (flows.Any(f => !f.Done))
            {
                var fits = flows.Select(f => f.LinesFitting(Remaining)).ToList();
                var tooFew = flows.Where((f, k) => !f.Done && fits[k] < Math.Min(2, f.LinesLeft)).Any();
                if (tooFew && _pageHasContent)
                {
                    Divider(block, dividerX, segmentTop, _y);
                    NewPage();
                    segmentTop = _y;
                    continue;
                }

                var used = 0.0;
                for (var k = 0; k < flows.Count; k++)
                {
                    if (!flows[k].Done)
                    {
                        used = Math.Max(used, flows[k].Emit(Math.Max(fits[k], 1), _y, Emit));
                    }
                }

                _y += used;
                if (flows.Any(f => !f.Done))
                {
                    Divider(block, dividerX, segmentTop, _y);
                    NewPage();
                    segmentTop = _y;
                }
            }

            _y = Math.Min(_y + Math.Max(left?.SpaceAfter ?? 0, right?.SpaceAfter ?? 0), _page.BodyBottom);
            Divider(block, dividerX, segmentTop, _y);
        }
    }

    private void Divider(ParallelColumnsBlock block, double x, double top, double bottom)
    {
        if (block.Divider && bottom > top + Epsilon && _pageHasContent)
        {
            Emit(new LineOp(x, top, x, bottom, 0.4));
        }
    }

    // ---------- tables ----------

    private sealed record TableRowLayout(IReadOnlyList<IReadOnlyList<TextLine>> Cells, double Height);

    private double[] ColumnWidths(TableBlock table)
    {
        var total = table.Columns.Sum(c => c.RelativeWidth);
        return [.. table.Columns.Select(c => _page.BodyWidth * c.RelativeWidth / total)];
    }

    private TableRowLayout LayoutRow(IReadOnlyList<string> cells, TableBlock table, TextStyle style, double[] widths)
    {
        if (cells.Count != table.Columns.Count)
        {
            throw new ArgumentException($"A table row has {cells.Count} cells; the table has {table.Columns.Count} columns.", nameof(cells));
        }

        var broken = cells.Select((text, k) => LineBreaker.Break(text, style, widths[k] - 2 * table.Padding, _measurer)).ToList();
        var lines = Math.Max(1, broken.Max(b => b.Count));
        return new TableRowLayout(broken, lines * style.LineHeight + 2 * table.Padding);
    }

    private void PlaceTable(TableBlock table)
    {
        var widths = ColumnWidths(table);
        var header = LayoutRow([.. table.Columns.Select(c => c.Header)], table, table.HeaderStyle, widths);
        var rows = table.Rows.Select(r => LayoutRow(r, table, table.BodyStyle, widths)).ToList();
        var tallest = rows.Count == 0 ? 0 : rows.Max(r => r.Height);
        if (header.Height + tallest > _page.BodyHeight)
        {
            throw new InvalidOperationException("A table row is taller than a page; rows are never split, so it cannot be laid out.");
        }

        var first = rows.Count == 0 ? 0 : rows[0].Height;
        if (_pageHasContent && header.Height + first > Remaining + Epsilon)
        {
            NewPage();
        }

        var lead = _keepWithNextLead;
        DrawRow(header, table, widths, isHeader: true);
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            // A table kept with the next block carries its last row over with it (e.g. the totals line).
            var needed = row.Height + (r == rows.Count - 1 && r > 0 && header.Height + row.Height + lead <= _page.BodyHeight ? lead : 0);
            if (needed > Remaining + Epsilon)
            {
                NewPage();
                DrawRow(header, table, widths, isHeader: true);
            }

            DrawRow(row, table, widths, isHeader: false);
        }
    }

    private void DrawRow(TableRowLayout row, TableBlock table, double[] widths, bool isHeader)
    {
        var style = isHeader ? table.HeaderStyle : table.BodyStyle;
        var left = _page.BodyLeft;
        var right = left + widths.Sum();
        var top = _y;
        var bottom = top + row.Height;
        if (isHeader)
        {
            Emit(new FillOp(left, top, right - left, row.Height, 232));
            Emit(new LineOp(left, top, right, top, 0.6));
        }

        var x = left;
        for (var k = 0; k < widths.Length; k++)
        {
            var lineTop = top + table.Padding;
            foreach (var line in row.Cells[k])
            {
                if (line.Text.Length > 0)
                {
                    var align = isHeader ? TextAlign.Center : table.Columns[k].Align;
                    Emit(new TextOp(x + table.Padding, lineTop, widths[k] - 2 * table.Padding, line.Text, style, align, Justify: false));
                }

                lineTop += style.LineHeight;
            }

            Emit(new LineOp(x, top, x, bottom, 0.4));
            x += widths[k];
        }

        Emit(new LineOp(right, top, right, bottom, 0.4));
        Emit(new LineOp(left, bottom, right, bottom, isHeader ? 0.6 : 0.4));
        _y = bottom;
    }

    // ---------- rules and images ----------

    private void PlaceRule(RuleBlock rule)
    {
        var height = rule.SpaceBefore + rule.Thickness * (rule.Double ? 4 : 1) + rule.SpaceAfter;
        if (height > Remaining + Epsilon)
        {
            NewPage();
        }

        _y += rule.SpaceBefore;
        Emit(new LineOp(_page.BodyLeft, _y, _page.BodyRight, _y, rule.Thickness));
        if (rule.Double)
        {
            _y += rule.Thickness * 3;
            Emit(new LineOp(_page.BodyLeft, _y, _page.BodyRight, _y, rule.Thickness / 2));
        }

        _y += rule.Thickness + rule.SpaceAfter;
    }

    private void PlaceImage(ImageBlock image)
    {
        var height = Height(image);
        if (_pageHasContent && height > Remaining + Epsilon)
        {
            NewPage();
        }

        var top = _y;
        Emit(new ImageOp(_page.BodyLeft, top, image.Size, image.Size, image.Png));
        var x = _page.BodyLeft + image.Size + image.Gap;
        var width = _page.BodyRight - x;
        var y = top;
        foreach (var p in image.Caption)
        {
            y += p.SpaceBefore;
            var flow = new ColumnFlow(p, Lines(p, width), x, width);
            y += flow.Emit(flow.LinesLeft, y, Emit) + p.SpaceAfter;
        }

        _y = top + height;
    }

    // ---------- heights (for keep-together and keep-with-next decisions) ----------

    internal double Height(Block block) => block switch
    {
        ParagraphBlock p => p.Paragraph.SpaceBefore + Lines(p.Paragraph, _page.BodyWidth).Count * p.Paragraph.Style.LineHeight + p.Paragraph.SpaceAfter,
        ParallelColumnsBlock c => Enumerable.Range(0, Math.Max(c.Left.Count, c.Right.Count)).Sum(i => RowHeight(c, i, int.MaxValue)),
        TableBlock t => TableHeight(t, int.MaxValue),
        SpacerBlock s => s.Height,
        RuleBlock r => r.SpaceBefore + r.Thickness * (r.Double ? 4 : 1) + r.SpaceAfter,
        KeepTogetherBlock k => k.Blocks.Sum(Height),
        ImageBlock i => Math.Max(i.Size, i.Caption.Sum(p => p.SpaceBefore + Lines(p, _page.BodyRight - _page.BodyLeft - i.Size - i.Gap).Count * p.Style.LineHeight + p.SpaceAfter)),
        _ => 0,
    };

    /// <summary>The least of a block that must sit on the same page as a preceding keep-with-next block.</summary>
    internal double LeadHeight(Block block) => block switch
    {
        ParagraphBlock p => p.Paragraph.SpaceBefore + Math.Min(2, Lines(p.Paragraph, _page.BodyWidth).Count) * p.Paragraph.Style.LineHeight,
        ParallelColumnsBlock c => c.Left.Count + c.Right.Count == 0 ? 0 : RowHeight(c, 0, 2),
        TableBlock t => TableHeight(t, 1),
        KeepTogetherBlock k => Height(k),
        ImageBlock i => Height(i),
        _ => 0,
    };

    private double RowHeight(ParallelColumnsBlock c, int i, int maxLines)
    {
        var width = ColumnWidth(c);
        double Side(IReadOnlyList<Paragraph> side) => i < side.Count
            ? side[i].SpaceBefore + Math.Min(maxLines, Lines(side[i], width).Count) * side[i].Style.LineHeight + (maxLines == int.MaxValue ? side[i].SpaceAfter : 0)
            : 0;
        return Math.Max(Side(c.Left), Side(c.Right));
    }

    private double TableHeight(TableBlock t, int maxRows)
    {
        var widths = ColumnWidths(t);
        var header = LayoutRow([.. t.Columns.Select(c => c.Header)], t, t.HeaderStyle, widths).Height;
        return header + t.Rows.Take(maxRows).Sum(r => LayoutRow(r, t, t.BodyStyle, widths).Height);
    }
}
