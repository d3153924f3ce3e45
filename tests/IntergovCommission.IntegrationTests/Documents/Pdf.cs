using System.Diagnostics;
using System.Text.RegularExpressions;

namespace IntergovCommission.IntegrationTests.Documents;

/// <summary>The text of a PDF as <c>pdftotext</c> (poppler-utils, installed by test.sh) reads it, whitespace collapsed.</summary>
internal static partial class Pdf
{
    public static string Text(byte[] pdf)
    {
        Assert.True(pdf.Length > 4 && pdf[0] == (byte)'%' && pdf[1] == (byte)'P' && pdf[2] == (byte)'D' && pdf[3] == (byte)'F', "not a PDF");
        var path = Path.Combine(Path.GetTempPath(), $"intergov-it-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
            foreach (var argument in new[] { "-enc", "UTF-8", path, "-" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext did not start.");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"pdftotext failed: {stderr.Result}");
            return Spaces().Replace(stdout, " ");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
