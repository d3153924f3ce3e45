namespace IntergovCommission.Documents.Layout;

/// <summary>A font size in points and weight; the family is always the embedded DejaVu Sans.</summary>
public readonly record struct TextStyle(double Size, bool Bold = false)
{
    /// <summary>Baseline-to-baseline distance as a multiple of the size (DejaVu's own is 1.164).</summary>
    public const double LineSpacing = 1.3;

    public double LineHeight => Size * LineSpacing;

    public TextStyle AsBold() => this with { Bold = true };
}

public enum TextAlign
{
    Left,
    Center,
    Right,
    Justify,
}
