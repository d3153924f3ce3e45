using IntergovCommission.Documents.Layout;

namespace IntergovCommission.Documents.Tests.Layout;

/// <summary>Every character is <c>Size / 2</c> points wide: widths the tests can compute by hand.</summary>
internal sealed class FixedWidthMeasurer : ITextMeasurer
{
    public double Width(string text, TextStyle style) => text.Length * style.Size / 2;
}
