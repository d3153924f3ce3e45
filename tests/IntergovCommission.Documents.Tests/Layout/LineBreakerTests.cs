using IntergovCommission.Documents.Layout;

namespace IntergovCommission.Documents.Tests.Layout;

public sealed class LineBreakerTests
{
    private static readonly TextStyle Ten = new(10); // 5 pt a character with the fixed measurer
    private static readonly FixedWidthMeasurer Fixed = new();

    private static string[] Break(string text, double width, double? first = null) =>
        [.. LineBreaker.Break(text, Ten, first ?? width, width, Fixed).Select(l => l.Text)];

    [Theory]
    [InlineData("aaa bbb ccc", 35, new[] { "aaa bbb", "ccc" })]          // 7 chars fit exactly
    [InlineData("aaa bbb ccc", 34.9, new[] { "aaa", "bbb", "ccc" })]     // a hair less and "aaa bbb" no longer fits
    [InlineData("aaa bbb ccc", 55, new[] { "aaa bbb ccc" })]
    [InlineData("  aaa \t  bbb  ", 100, new[] { "aaa bbb" })]            // whitespace runs collapse
    [InlineData("aaa\nbbb ccc", 100, new[] { "aaa", "bbb ccc" })]        // newline is a hard break
    public void Lines_break_at_the_last_space_that_fits(string text, double width, string[] expected) =>
        Assert.Equal(expected, Break(text, width));

    [Fact]
    public void Word_wider_than_the_line_is_cut_into_pieces_that_fit()
    {
        var lines = Break("x abcdefghijkl y", 25); // 5 characters a line
        Assert.Equal(["x", "abcde", "fghij", "kl y"], lines);
        Assert.All(lines, l => Assert.True(Fixed.Width(l, Ten) <= 25));
    }

    [Fact]
    public void Line_too_narrow_for_one_character_still_takes_one_character_so_nothing_is_lost() =>
        Assert.Equal(["a", "b", "c"], Break("abc", 2));

    [Fact]
    public void Indented_first_line_is_narrower_than_the_others() =>
        Assert.Equal(["aa", "bb cc", "dd"], Break("aa bb cc dd", 25, first: 15));

    [Fact]
    public void Empty_or_blank_text_gives_no_lines()
    {
        Assert.Empty(Break(string.Empty, 50));
        Assert.Empty(Break(" \n \t", 50));
    }

    [Fact]
    public void Only_inner_lines_of_a_paragraph_may_be_justified()
    {
        var lines = LineBreaker.Break("aaa bbb ccc ddd eee", Ten, 40, 40, Fixed);
        Assert.Equal([true, true, false], lines.Select(l => l.CanJustify));
        Assert.True(lines[^1].EndsParagraph);
    }

    [Fact]
    public void Measured_Kazakh_text_never_overflows_and_keeps_every_word_in_order()
    {
        PdfSharpSetup.EnsureInitialized(new DocumentsOptions());
        using var measurer = new PdfTextMeasurer();
        var text = string.Join(' ', Samples.TextKk) + " Өңдеушіүйлестірушіқұрылымдарыныңжауапкершілігіәрқашанжоғары";
        foreach (var width in new[] { 60.0, 150, 224.86 })
        {
            var lines = LineBreaker.Break(text, Ten, width, measurer);
            Assert.All(lines, l => Assert.True(measurer.Width(l.Text, Ten) <= width + 0.001, $"'{l.Text}' overflows {width}"));
            Assert.Equal(text.Replace(" ", string.Empty, StringComparison.Ordinal), string.Concat(lines.Select(l => l.Text.Replace(" ", string.Empty, StringComparison.Ordinal))));
            // Greedy: the first word of each next line would not have fitted on the line before.
            for (var i = 1; i < lines.Count; i++)
            {
                var next = lines[i].Text.Split(' ')[0];
                Assert.True(measurer.Width(lines[i - 1].Text + " " + next, Ten) > width || measurer.Width(next, Ten) > width,
                    $"'{next}' would have fitted after '{lines[i - 1].Text}'");
            }
        }
    }
}
