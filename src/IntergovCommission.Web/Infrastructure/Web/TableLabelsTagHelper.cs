using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace IntergovCommission.Web.Infrastructure.Web;

/// <summary>
/// Every table of the pages keeps its column labels on a phone (issue #15, item 10): each body cell without its own
/// <c>data-label</c> gets the text of its column's header, and the one rule of site.css that stacks rows below 640 px
/// shows it before the cell's value. Done once here, so a new table cannot forget it. Cells that already say their
/// label keep theirs; a table without a header row (a list of facts with a header per row) is left as it is; nested
/// tables are labelled by their own pass and skipped by the outer one.
/// </summary>
[HtmlTargetElement("table")]
public sealed partial class TableLabelsTagHelper : TagHelper
{
    // Runs after the other helpers of the element so it sees the final markup of the rows.
    public override int Order => 1000;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var content = await output.GetChildContentAsync();
        var html = content.GetContent();
        var labelled = Label(html);
        if (!ReferenceEquals(labelled, html))
        {
            output.Content.SetHtmlContent(labelled);
        }
    }

    /// <summary>The table's inner markup with a <c>data-label</c> on each body cell (the same string when nothing changes).</summary>
    public static string Label(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var tags = TopLevel(TableTag().Matches(html)).ToList();
        var headers = new List<string>();
        var inHead = false;
        int? headerStart = null;
        var headerRows = 0;
        foreach (var (tag, name, closing) in tags)
        {
            switch (name)
            {
                case "thead":
                    inHead = !closing;
                    break;
                case "tr" when inHead && !closing:
                    headerRows++;
                    break;
                case "th" when inHead && headerRows == 1:
                    if (!closing)
                    {
                        headerStart = tag.Index + tag.Length;
                        for (var i = 1; i < Span(tag.Groups["attrs"].Value); i++)
                        {
                            headers.Add(string.Empty);
                        }
                    }
                    else if (headerStart is int start)
                    {
                        headers.Add(Text(html[start..tag.Index]));
                        headerStart = null;
                    }

                    break;
            }
        }

        if (headers.Count == 0 || headers.All(string.IsNullOrEmpty))
        {
            return html;
        }

        var result = new StringBuilder(html.Length + 256);
        var copied = 0;
        inHead = false;
        var column = 0;
        foreach (var (tag, name, closing) in tags)
        {
            if (closing)
            {
                inHead = inHead && name != "thead";
                continue;
            }

            switch (name)
            {
                case "thead":
                    inHead = true;
                    break;
                case "tr":
                    column = 0;
                    break;
                case "td" or "th" when !inHead:
                    var attrs = tag.Groups["attrs"].Value;
                    var label = column < headers.Count ? headers[column] : string.Empty;
                    column += Span(attrs);
                    if (label.Length == 0 || attrs.Contains("data-label", StringComparison.OrdinalIgnoreCase))
                    {
                        break;
                    }

                    var insertAt = tag.Index + 1 + name.Length;
                    result.Append(html, copied, insertAt - copied);
                    result.Append(" data-label=\"").Append(WebUtility.HtmlEncode(label)).Append('"');
                    copied = insertAt;
                    break;
            }
        }

        if (copied == 0)
        {
            return html;
        }

        result.Append(html, copied, html.Length - copied);
        return result.ToString();
    }

    /// <summary>The row and cell tags of this table itself: those of a table nested in a cell are skipped.</summary>
    private static IEnumerable<(Match Tag, string Name, bool Closing)> TopLevel(MatchCollection tags)
    {
        var depth = 0;
        foreach (Match tag in tags)
        {
            var closing = tag.Groups["close"].Success;
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            if (name == "table")
            {
                depth += closing ? -1 : 1;
            }
            else if (depth == 0)
            {
                yield return (tag, name, closing);
            }
        }
    }

    private static int Span(string attrs)
    {
        var span = ColSpan().Match(attrs);
        return span.Success && int.TryParse(span.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 1 ? n : 1;
    }

    // A header's words without its markup (a hidden hint, an abbreviation's title are not read as the label).
    private static string Text(string inner)
    {
        var text = WebUtility.HtmlDecode(AnyTag().Replace(inner, " "));
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"<(?<close>/)?(?<name>table|thead|tbody|tfoot|tr|th|td)(?=[\s>/])(?<attrs>[^>]*)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TableTag();

    [GeneratedRegex(@"colspan\s*=\s*[""']?(\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ColSpan();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
