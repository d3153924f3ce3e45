namespace IntergovCommission.Documents.Tests;

/// <summary>The text of the Kazakh (left) or Russian (right) column, lines joined by single spaces.</summary>
internal static class Columns
{
    public static string Kazakh(byte[] pdf, int? page = null) => Join(GoldenTextTests.ColumnText(pdf, 0, 318, page));

    public static string Russian(byte[] pdf, int? page = null) => Join(GoldenTextTests.ColumnText(pdf, 318, 595 - 318, page));

    /// <summary>Without any whitespace: for text that may wrap inside a long word such as a hash.</summary>
    public static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string Join(string text) => text.Replace('\n', ' ').Trim();
}
