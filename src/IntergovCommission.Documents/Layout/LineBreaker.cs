namespace IntergovCommission.Documents.Layout;

/// <summary>A line of a broken paragraph. <see cref="EndsParagraph"/> lines (and single words) are never justified.</summary>
public sealed record TextLine(string Text, bool EndsParagraph)
{
    public bool CanJustify => !EndsParagraph && Text.Contains(' ', StringComparison.Ordinal);
}

/// <summary>
/// Greedy line breaking on measured widths. Words are separated by any whitespace (runs collapse to
/// one space); a newline in the text is a hard break. A word wider than the line is cut into pieces,
/// each as long as still fits (at least one character), so nothing is ever dropped or overflows.
/// </summary>
public static class LineBreaker
{
    private static readonly char[] Whitespace = [' ', '\t', '\r', '\u00A0'];

    public static IReadOnlyList<TextLine> Break(string text, TextStyle style, double width, ITextMeasurer measurer) =>
        Break(text, style, width, width, measurer);

    /// <param name="firstLineWidth">Width available to the first line (less when it is indented).</param>
    /// <param name="width">Width available to every other line.</param>
    public static IReadOnlyList<TextLine> Break(string text, TextStyle style, double firstLineWidth, double width, ITextMeasurer measurer)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(measurer);
        if (width <= 0 || firstLineWidth <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), "Line width must be positive.");
        }

        var lines = new List<TextLine>();
        var hardLines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (hardLines.All(string.IsNullOrWhiteSpace))
        {
            return lines;
        }

        foreach (var hardLine in hardLines)
        {
            var words = hardLine.Split(Whitespace, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                lines.Add(new TextLine(string.Empty, EndsParagraph: true));
                continue;
            }

            // Widths add up word by word (PDFsharp does not kern), so each word is measured once.
            var space = measurer.Width(" ", style);
            var current = string.Empty;
            var currentWidth = 0.0;
            double Available() => lines.Count == 0 ? firstLineWidth : width;

            foreach (var word in words)
            {
                var wordWidth = measurer.Width(word, style);
                if (current.Length > 0)
                {
                    if (currentWidth + space + wordWidth <= Available())
                    {
                        current = current + " " + word;
                        currentWidth += space + wordWidth;
                        continue;
                    }

                    lines.Add(new TextLine(current, EndsParagraph: false));
                    current = string.Empty;
                }

                var rest = word;
                var restWidth = wordWidth;
                while (rest.Length > 1 && restWidth > Available())
                {
                    var cut = LongestFittingPrefix(rest, style, Available(), measurer);
                    lines.Add(new TextLine(rest[..cut], EndsParagraph: false));
                    rest = rest[cut..];
                    restWidth = measurer.Width(rest, style);
                }

                current = rest;
                currentWidth = restWidth;
            }

            lines.Add(new TextLine(current, EndsParagraph: true));
        }

        return lines;
    }

    private static int LongestFittingPrefix(string word, TextStyle style, double width, ITextMeasurer measurer)
    {
        // Binary search on the prefix length; widths grow with length.
        int low = 1, high = word.Length - 1, best = 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (measurer.Width(word[..mid], style) <= width)
            {
                best = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        // Never split a surrogate pair.
        if (best < word.Length && char.IsLowSurrogate(word[best]) && best > 1)
        {
            best--;
        }

        return best;
    }
}
