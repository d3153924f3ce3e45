using System.Diagnostics;
using System.Text.RegularExpressions;

namespace IntergovCommission.Testing;

/// <summary>For the web tests: runs poppler-utils (installed by test.sh) on PDF bytes written to a private temp file.</summary>
public static partial class PdfTools
{
    public sealed record Result(int ExitCode, string Output);

    public static Result Run(string tool, byte[] pdf, params string[] arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), $"intergov-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo(tool)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument == "{pdf}" ? path : argument);
            }

            if (!arguments.Contains("{pdf}"))
            {
                start.ArgumentList.Add(path);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return new Result(process.ExitCode, stdout + stderr.Result);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The text of the whole document or of one page (1-based), whitespace collapsed.</summary>
    public static string Text(byte[] pdf, int? page = null)
    {
        var args = new List<string> { "-enc", "UTF-8" };
        if (page is { } p)
        {
            args.AddRange(["-f", p.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", p.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        args.AddRange(["{pdf}", "-"]);
        var result = Run("pdftotext", pdf, [.. args]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("pdftotext failed: " + result.Output);
        }

        return Spaces().Replace(result.Output, " ");
    }

    public static int PageCount(byte[] pdf)
    {
        var result = Run("pdfinfo", pdf);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("pdfinfo failed: " + result.Output);
        }

        return int.Parse(PagesLine().Match(result.Output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();
}
