using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace IntergovCommission.Documents.Layout;

/// <summary>What every page carries outside the body: a header line (pages 2 on) and a footer line
/// with the document label, its short hash and "page X of Y" in both languages.</summary>
/// <param name="DraftMark">When set, printed at the top of every page (a draft: minutes of a session still in progress, the preview of a
/// decision before it is issued): «ПРОЕКТ / ЖОБА / DRAFT».</param>
public sealed record RunningElements(string Header, string FooterLeft, string PageLabel, string? DraftMark = null);

/// <summary>Metadata written into the PDF's document information dictionary.</summary>
public sealed record DocumentMetadata(string Title, string Subject, string Author, string Keywords);

/// <summary>Draws laid-out pages into a PDFsharp document; the second pass, once the page count is known.</summary>
public static class PdfPainter
{
    private static readonly TextStyle RunningStyle = new(7.5);
    private static readonly TextStyle DraftStyle = new(10, Bold: true);

    /// <summary>Most extra space justification may add to a word gap, as a fraction of the font size.</summary>
    private const double MaxJustifyStretch = 0.5;

    public static PdfDocument Paint(IReadOnlyList<LaidOutPage> pages, PageGeometry geometry, RunningElements running, DocumentMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var document = new PdfDocument();
        document.Info.Title = metadata.Title;
        document.Info.Subject = metadata.Subject;
        document.Info.Author = metadata.Author;
        document.Info.Keywords = metadata.Keywords;
        document.Info.Creator = "IntergovCommission";
        var fonts = new Dictionary<TextStyle, XFont>();
        XFont Font(TextStyle style)
        {
            if (!fonts.TryGetValue(style, out var font))
            {
                font = PdfTextMeasurer.CreateFont(style);
                fonts[style] = font;
            }

            return font;
        }

        for (var index = 0; index < pages.Count; index++)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(geometry.Width);
            page.Height = XUnit.FromPoint(geometry.Height);
            using var gfx = XGraphics.FromPdfPage(page);
            foreach (var op in pages[index].Ops)
            {
                Draw(gfx, op, Font);
            }

            DrawRunning(gfx, geometry, running, index + 1, pages.Count, Font);
        }

        return document;
    }

    private static void Draw(XGraphics gfx, DrawOp op, Func<TextStyle, XFont> font)
    {
        switch (op)
        {
            case TextOp text:
                DrawText(gfx, text, font(text.Style));
                break;
            case LineOp line:
                gfx.DrawLine(new XPen(XColors.Black, line.Thickness), line.X1, line.Y1, line.X2, line.Y2);
                break;
            case FillOp fill:
                gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(fill.Grey, fill.Grey, fill.Grey)), fill.X, fill.Y, fill.Width, fill.Height);
                break;
            case ImageOp image:
                using (var stream = new MemoryStream(image.Png, writable: false))
                using (var xImage = XImage.FromStream(stream))
                {
                    gfx.DrawImage(xImage, image.X, image.Y, image.Width, image.Height);
                }

                break;
            default:
                throw new NotSupportedException($"Unknown drawing operation {op.GetType().Name}.");
        }
    }

    private static void DrawText(XGraphics gfx, TextOp text, XFont font)
    {
        // Centre DejaVu's 1.164 em line box inside the layout's line height.
        var top = text.Top + (text.Style.LineHeight - font.GetHeight()) / 2;
        if (text.Justify)
        {
            var words = text.Text.Split(' ');
            var widths = words.Select(w => gfx.MeasureString(w, font).Width).ToArray();
            var gap = (text.Width - widths.Sum()) / (words.Length - 1);
            if (gap - gfx.MeasureString(" ", font).Width > MaxJustifyStretch * text.Style.Size)
            {
                // A line with few long words would open rivers (and text extractors would read the gaps as
                // column breaks): leave it ragged instead.
                gfx.DrawString(text.Text, font, XBrushes.Black, new XPoint(text.X, top), XStringFormats.TopLeft);
                return;
            }

            var x = text.X;
            for (var i = 0; i < words.Length; i++)
            {
                gfx.DrawString(words[i], font, XBrushes.Black, new XPoint(x, top), XStringFormats.TopLeft);
                x += widths[i] + gap;
            }

            return;
        }

        var width = text.Align == TextAlign.Left ? 0 : gfx.MeasureString(text.Text, font).Width;
        var left = text.Align switch
        {
            TextAlign.Center => text.X + (text.Width - width) / 2,
            TextAlign.Right => text.X + text.Width - width,
            _ => text.X,
        };
        gfx.DrawString(text.Text, font, XBrushes.Black, new XPoint(left, top), XStringFormats.TopLeft);
    }

    private static void DrawRunning(XGraphics gfx, PageGeometry g, RunningElements running, int number, int total, Func<TextStyle, XFont> font)
    {
        var f = font(RunningStyle);
        var grey = new XSolidBrush(XColor.FromArgb(70, 70, 70));
        var pen = new XPen(XColor.FromArgb(120, 120, 120), 0.4);
        if (number > 1 && running.Header.Length > 0)
        {
            var headerY = g.BodyTop - 16;
            gfx.DrawString(running.Header, f, grey, new XPoint(g.BodyRight - gfx.MeasureString(running.Header, f).Width, headerY), XStringFormats.TopLeft);
            gfx.DrawLine(pen, g.BodyLeft, g.BodyTop - 5, g.BodyRight, g.BodyTop - 5);
        }

        if (!string.IsNullOrEmpty(running.DraftMark))
        {
            var draftFont = font(DraftStyle);
            var red = new XSolidBrush(XColor.FromArgb(170, 20, 20));
            var width = gfx.MeasureString(running.DraftMark, draftFont).Width;
            gfx.DrawString(running.DraftMark, draftFont, red, new XPoint(g.BodyLeft + (g.BodyRight - g.BodyLeft - width) / 2, g.BodyTop - 36), XStringFormats.TopLeft);
        }

        var footerY = g.BodyBottom + 14;
        gfx.DrawLine(pen, g.BodyLeft, footerY - 4, g.BodyRight, footerY - 4);
        gfx.DrawString(running.FooterLeft, f, grey, new XPoint(g.BodyLeft, footerY), XStringFormats.TopLeft);
        var pageText = $"{running.PageLabel} {number} / {total}";
        gfx.DrawString(pageText, f, grey, new XPoint(g.BodyRight - gfx.MeasureString(pageText, f).Width, footerY), XStringFormats.TopLeft);
    }
}
