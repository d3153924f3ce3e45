using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using IntergovCommission.Documents.Rendering;
using IntergovCommission.Testing;

namespace IntergovCommission.Documents.Tests;

/// <summary>
/// The reviewed wording of each document: the pdftotext output of the Kazakh (left) and the Russian
/// (right) half of every page of a fixed sample is compared with the expected text checked in under
/// Golden/. Whitespace is normalised (lines trimmed, runs of spaces collapsed, empty lines dropped).
/// After a deliberate change of wording, run with UPDATE_GOLDEN=1, then review the diff of Golden/
/// (GOLDEN_PDF_DIR=/some/folder also writes the three PDFs there).
/// </summary>
public sealed class GoldenTextTests
{
    private static readonly DocumentRenderer Renderer = new(new DocumentsOptions());

    // A4 in points; the columns meet in the middle of the text block (left margin 30 mm, right 15 mm).
    private const int PageWidth = 595;
    private const int PageHeight = 842;
    private const int ColumnSplit = 318;

    public static TheoryData<string> Documents => new() { "decision", "minutes", "agenda" };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Kazakh_column_reads_as_reviewed(string document) => Check(document, "kk", 0, ColumnSplit);

    [Theory]
    [MemberData(nameof(Documents))]
    public void Russian_column_reads_as_reviewed(string document) => Check(document, "ru", ColumnSplit, PageWidth - ColumnSplit);

    private static void Check(string document, string column, int x, int width)
    {
        var pdf = document switch
        {
            "decision" => Renderer.RenderDecision(Samples.Decision()),
            "minutes" => Renderer.RenderMinutes(Samples.Minutes()),
            "agenda" => Renderer.RenderAgenda(Samples.Agenda()),
            _ => throw new ArgumentOutOfRangeException(nameof(document)),
        };
        if (Environment.GetEnvironmentVariable("GOLDEN_PDF_DIR") is { Length: > 0 } dump)
        {
            File.WriteAllBytes(Path.Combine(dump, $"{document}.pdf"), pdf); // to look at the pages while reviewing
        }

        var actual = ColumnText(pdf, x, width);
        var path = Path.Combine(GoldenFolder(), $"{document}.{column}.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual, new UTF8Encoding(false));
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the tests with UPDATE_GOLDEN=1 and review it.");
        var expected = Normalise(File.ReadAllText(path, Encoding.UTF8));
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Min(expectedLines.Length, actualLines.Length); i++)
        {
            Assert.True(expectedLines[i] == actualLines[i], $"{document}.{column}.txt, line {i + 1}:\n expected: {expectedLines[i]}\n actual:   {actualLines[i]}");
        }

        Assert.Equal(expectedLines.Length, actualLines.Length);
    }

    /// <summary>The text of one vertical band of every page, normalised.</summary>
    public static string ColumnText(byte[] pdf, int x, int width, int? page = null)
    {
        var pages = page is { } p ? new[] { "-f", p.ToString(CultureInfo.InvariantCulture), "-l", p.ToString(CultureInfo.InvariantCulture) } : [];
        var result = PdfTools.Run("pdftotext", pdf, [.. pages, "-enc", "UTF-8", "-r", "72",
            "-x", x.ToString(CultureInfo.InvariantCulture), "-y", "0",
            "-W", width.ToString(CultureInfo.InvariantCulture), "-H", PageHeight.ToString(CultureInfo.InvariantCulture),
            "{pdf}", "-"]);
        Assert.Equal(0, result.ExitCode);
        return Normalise(result.Output);
    }

    public static string Normalise(string text) => string.Join('\n', text
        .Replace("\r", string.Empty, StringComparison.Ordinal)
        .Replace("\f", "\n", StringComparison.Ordinal)
        .Split('\n')
        .Select(l => string.Join(' ', l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)))
        .Where(l => l.Length > 0)) + "\n";

    private static string GoldenFolder([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Golden");
}
