using IntergovCommission.Documents.Layout;

namespace IntergovCommission.Documents.Tests.Layout;

/// <summary>
/// A 200 × 200 pt page with 10 pt margins: the body is 180 × 180. At size 10 a line is 13 pt high, so
/// 13 lines fill a page (169 pt), and with the fixed measurer (5 pt a character) a line holds 36 characters.
/// </summary>
public sealed class PaginatorTests
{
    private static readonly PageGeometry Page = new(200, 200, 10, 10, 10, 10);
    private static readonly TextStyle Ten = new(10);

    private static IReadOnlyList<LaidOutPage> Layout(params Block[] blocks) => new Paginator(new FixedWidthMeasurer(), Page).Layout(blocks);

    private static string Words(int count, string prefix = "w") => string.Join(' ', Enumerable.Range(1, count).Select(i => $"{prefix}{i:000}"));

    private static ParagraphBlock Para(string text) => new(new Paragraph(text, Ten, TextAlign.Left));

    private static int PageOf(IReadOnlyList<LaidOutPage> pages, string word) =>
        pages.Select((p, i) => (p, i)).Single(x => x.p.Texts.Any(t => t.Text.Split(' ').Contains(word))).i;

    private static TextOp Line(IReadOnlyList<LaidOutPage> pages, string word) =>
        pages.SelectMany(p => p.Texts).Single(t => t.Text.Split(' ').Contains(word));

    [Fact]
    public void Long_paragraph_fills_pages_of_thirteen_lines_and_drops_nothing()
    {
        // 700 words of 4 characters: 7 a line (34 characters), so 100 lines: 7 full pages of 13 and 9 lines on page 8.
        var pages = Layout(Para(Words(700)));

        Assert.Equal(8, pages.Count);
        Assert.All(pages.Take(7), p => Assert.Equal(13, p.Texts.Count()));
        Assert.Equal(9, pages[7].Texts.Count());
        var words = pages.SelectMany(p => p.Texts).SelectMany(t => t.Text.Split(' ')).ToList();
        Assert.Equal(Words(700).Split(' '), words);
        Assert.All(pages.SelectMany(p => p.Texts), t => Assert.True(t.Bottom <= Page.BodyBottom + 0.001));
    }

    [Fact]
    public void Last_line_of_a_paragraph_is_never_left_alone_at_the_top_of_a_page()
    {
        var pages = Layout(Para(Words(14 * 7))); // 14 lines: 13 would fit, leaving one widow

        Assert.Equal([12, 2], pages.Select(p => p.Texts.Count()));
    }

    [Fact]
    public void Paragraph_that_can_put_only_one_line_at_the_page_foot_starts_on_the_next_page()
    {
        var pages = Layout(Para(Words(12 * 7, "a")), Para(Words(3 * 7, "b"))); // 12 lines leave room for one

        Assert.Equal(0, PageOf(pages, "a084"));
        Assert.Equal(1, PageOf(pages, "b001"));
        Assert.Equal(Page.BodyTop, Line(pages, "b001").Top);
    }

    [Fact]
    public void Parallel_paragraphs_start_level_and_the_taller_sets_where_the_next_pair_starts()
    {
        var block = new ParallelColumnsBlock(
            [new Paragraph(Words(3 * 3, "l"), Ten, TextAlign.Left), new Paragraph("second-left", Ten, TextAlign.Left)],
            [new Paragraph("r001", Ten, TextAlign.Left), new Paragraph("second-right", Ten, TextAlign.Left)]) { Gap = 20 };
        // Columns are (180 - 20) / 2 = 80 pt: 16 characters, three 4-character words a line.
        var pages = Layout(block);

        Assert.Single(pages);
        Assert.Equal(Line(pages, "l001").Top, Line(pages, "r001").Top);
        Assert.Equal(Page.BodyTop + 3 * Ten.LineHeight, Line(pages, "second-left").Top, 3);
        Assert.Equal(Line(pages, "second-left").Top, Line(pages, "second-right").Top);
        Assert.Equal(Page.BodyLeft, Line(pages, "l001").X);
        Assert.Equal(Page.BodyLeft + 100, Line(pages, "r001").X);
    }

    [Fact]
    public void Parallel_pair_longer_than_the_page_continues_level_on_the_next_page()
    {
        var block = new ParallelColumnsBlock(
            [new Paragraph(Words(20 * 3, "l"), Ten, TextAlign.Left), new Paragraph("L2", Ten, TextAlign.Left)],
            [new Paragraph(Words(5 * 3, "r"), Ten, TextAlign.Left), new Paragraph("R2", Ten, TextAlign.Left)]);
        var pages = Layout(block);

        Assert.Equal(2, pages.Count);
        Assert.Equal(Page.BodyTop, Line(pages, "l040").Top); // line 14 of the left column opens page 2
        Assert.Equal(1, PageOf(pages, "L2"));
        Assert.Equal(Page.BodyTop + 7 * Ten.LineHeight, Line(pages, "L2").Top, 3);
        Assert.Equal(Line(pages, "L2").Top, Line(pages, "R2").Top);
        Assert.Equal(20 + 5 + 2, pages.SelectMany(p => p.Texts).Count()); // lines, none lost
    }

    [Fact]
    public void Table_repeats_its_header_on_every_page_and_never_splits_a_row()
    {
        // Column 1 is 46 pt, 40 inside its padding (8 characters): "rNN-top rNN-bot" wraps to two lines, a row is 2 × 13 + 6 = 32 pt.
        // Header 19 pt + 5 rows = 179 pt fit in 180; 12 rows need 3 pages (5, 5, 2).
        var rows = Enumerable.Range(1, 12).Select(i => (IReadOnlyList<string>)[$"r{i:00}-top r{i:00}-bot", "x"]).ToList();
        var table = new TableBlock([new TableColumn("Head-one", 46), new TableColumn("Head-two", 134)], rows, Ten, Ten);
        var pages = Layout(table);

        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Equal(Page.BodyTop + table.Padding, p.Texts.First(t => t.Text == "Head-one").Top));
        for (var i = 1; i <= 12; i++)
        {
            Assert.Equal(PageOf(pages, $"r{i:00}-top"), PageOf(pages, $"r{i:00}-bot"));
        }

        Assert.Equal([5, 5, 2], pages.Select(p => p.Texts.Count(t => t.Text.EndsWith("-top", StringComparison.Ordinal))));
    }

    [Fact]
    public void Table_kept_with_next_carries_its_last_row_over_with_the_following_line()
    {
        // Header and rows are 19 pt: header + 8 rows = 171 pt leaves 9 pt, too little for the 13 pt total line.
        var rows = Enumerable.Range(1, 8).Select(i => (IReadOnlyList<string>)[$"row{i}"]).ToList();
        var table = new TableBlock([new TableColumn("Head", 1)], rows, Ten, Ten) { KeepWithNext = true };
        var pages = Layout(table, Para("TOTAL"));

        Assert.Equal(0, PageOf(pages, "row7"));
        Assert.Equal(1, PageOf(pages, "row8"));
        Assert.Equal(1, PageOf(pages, "TOTAL"));
        Assert.Equal(2, pages.Sum(p => p.Texts.Count(t => t.Text == "Head"))); // header repeated above the carried row

        var loose = Layout(table with { KeepWithNext = false }, Para("TOTAL"));
        Assert.Equal(0, PageOf(loose, "row8"));
    }

    [Fact]
    public void Table_row_taller_than_a_page_is_refused_rather_than_cut()
    {
        var table = new TableBlock([new TableColumn("H", 1)], [[Words(300)]], Ten, Ten);
        Assert.Throws<InvalidOperationException>(() => Layout(table));
    }

    [Fact]
    public void Heading_kept_with_next_moves_to_the_next_page_when_its_paragraph_cannot_follow()
    {
        var heading = new ParagraphBlock(new Paragraph("HEADING", Ten, TextAlign.Left)) { KeepWithNext = true };
        var pages = Layout(Para(Words(11 * 7, "a")), heading, Para(Words(3 * 7, "b"))); // 11 lines leave room for 2

        Assert.Equal(1, PageOf(pages, "HEADING"));
        Assert.Equal(Page.BodyTop, Line(pages, "HEADING").Top);
        Assert.Equal(1, PageOf(pages, "b001"));
    }

    [Fact]
    public void Keep_together_group_starts_a_new_page_instead_of_splitting()
    {
        var group = new KeepTogetherBlock([Para("g-one"), Para(Words(3 * 7, "g"))]);
        var pages = Layout(Para(Words(10 * 7, "a")), group);

        Assert.Equal(1, PageOf(pages, "g-one"));
        Assert.Equal(1, PageOf(pages, "g021"));
    }

    [Fact]
    public void Page_break_starts_a_page_but_never_an_empty_one()
    {
        var pages = Layout(new PageBreakBlock(), Para("one"), new PageBreakBlock(), new PageBreakBlock(), Para("two"));

        Assert.Equal(2, pages.Count);
        Assert.Equal(1, PageOf(pages, "two"));
    }
}
