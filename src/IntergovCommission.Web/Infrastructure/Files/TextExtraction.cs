using System.Text;
using DocumentFormat.OpenXml.Packaging;
using IntergovCommission.Domain.Materials;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace IntergovCommission.Web.Infrastructure.Files;

/// <summary>The text of an uploaded material for the search: a PDF's text layer, a DOCX's paragraphs.</summary>
public static class TextExtraction
{
    /// <summary>At most this many characters are kept (the search indexes the first 200,000).</summary>
    public const int MaxLength = 400_000;

    public const string Extracted = "extracted";
    public const string Empty = "empty";
    public const string Failed = "failed";
    public const string Unsupported = "unsupported";

    public static (string Text, string Outcome) Extract(byte[] content, MaterialFileType type)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            var text = type switch
            {
                MaterialFileType.Pdf => FromPdf(content),
                MaterialFileType.Docx => FromDocx(content),
                _ => null,
            };
            if (text is null)
            {
                return (string.Empty, Unsupported);
            }

            text = Clean(text);
            return (text, text.Length == 0 ? Empty : Extracted);
        }
#pragma warning disable CA1031 // a file the reader cannot parse is still a valid upload: it is just not searchable by its text
        catch (Exception)
#pragma warning restore CA1031
        {
            return (string.Empty, Failed);
        }
    }

    private static string FromPdf(byte[] content)
    {
        using var document = PdfDocument.Open(content);
        var text = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            text.AppendLine(ContentOrderTextExtractor.GetText(page));
            if (text.Length > MaxLength)
            {
                break;
            }
        }

        return text.ToString();
    }

    private static string FromDocx(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var paragraph in body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>())
        {
            text.AppendLine(paragraph.InnerText);
            if (text.Length > MaxLength)
            {
                break;
            }
        }

        return text.ToString();
    }

    /// <summary>No control characters (NUL cannot be stored in PostgreSQL text), whitespace runs shortened, length bounded.</summary>
    private static string Clean(string text)
    {
        var result = new StringBuilder(Math.Min(text.Length, MaxLength));
        var space = false;
        foreach (var c in text)
        {
            if (result.Length >= MaxLength)
            {
                break;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = true;
                continue;
            }

            if (space && result.Length > 0)
            {
                result.Append(' ');
            }

            space = false;
            result.Append(c);
        }

        return result.ToString();
    }
}
