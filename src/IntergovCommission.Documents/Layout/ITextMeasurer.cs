namespace IntergovCommission.Documents.Layout;

/// <summary>Width of a run of text in points. The layout never guesses widths: it asks this.</summary>
public interface ITextMeasurer
{
    double Width(string text, TextStyle style);
}
