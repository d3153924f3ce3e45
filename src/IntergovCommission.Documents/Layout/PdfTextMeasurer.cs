using IntergovCommission.Documents.Fonts;
using PdfSharp.Drawing;

namespace IntergovCommission.Documents.Layout;

/// <summary>Measures with PDFsharp's own <see cref="XGraphics.MeasureString(string, XFont)"/> on the embedded fonts,
/// so the layout breaks lines exactly where the drawn text would end. Not thread-safe: one per render.</summary>
public sealed class PdfTextMeasurer : ITextMeasurer, IDisposable
{
    private readonly XGraphics _graphics;
    private readonly Dictionary<TextStyle, XFont> _fonts = [];
    private readonly Dictionary<(string, TextStyle), double> _widths = [];

    public PdfTextMeasurer()
    {
        _graphics = XGraphics.CreateMeasureContext(new XSize(PageGeometry.A4Width, PageGeometry.A4Height), XGraphicsUnit.Point, XPageDirection.Downwards);
    }

    public double Width(string text, TextStyle style)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        if (_widths.TryGetValue((text, style), out var cached))
        {
            return cached;
        }

        var width = _graphics.MeasureString(text, FontFor(style)).Width;
        if (text.Length <= 64)
        {
            _widths[(text, style)] = width;
        }

        return width;
    }

    internal XFont FontFor(TextStyle style)
    {
        if (!_fonts.TryGetValue(style, out var font))
        {
            font = CreateFont(style);
            _fonts[style] = font;
        }

        return font;
    }

    internal static XFont CreateFont(TextStyle style) =>
        new(DejaVuFontResolver.FamilyName, style.Size, style.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular,
            new XPdfFontOptions(PdfSharp.Pdf.PdfFontEncoding.Unicode));

    public void Dispose() => _graphics.Dispose();
}
