using IntergovCommission.Web.Infrastructure.Web;

namespace IntergovCommission.IntegrationTests.PageMarkup;

/// <summary>Issue #15, item 10: each body cell of a page's table carries its column's label for the phone layout.</summary>
public sealed class TableLabelsTests
{
    [Fact]
    public void Body_cells_get_the_text_of_their_column_header()
    {
        var html = "<thead><tr><th scope=\"col\">Член <span class=\"visually-hidden\">комиссии</span></th><th>Роль &amp; сторона</th></tr></thead>"
                 + "<tbody><tr><td>Иванов</td><td class=\"x\">Член</td></tr></tbody>";
        var labelled = TableLabelsTagHelper.Label(html);
        Assert.Contains("<td data-label=\"Член комиссии\">Иванов</td>", labelled, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Роль &amp; сторона\" class=\"x\">Член</td>", labelled, StringComparison.Ordinal);
        Assert.DoesNotContain("<th data-label", labelled, StringComparison.Ordinal); // the header row itself is left alone
    }

    [Fact]
    public void A_cell_that_says_its_own_label_keeps_it_and_a_spanning_cell_moves_the_columns_on()
    {
        var html = "<thead><tr><th>A</th><th>B</th><th>C</th></tr></thead>"
                 + "<tbody><tr><td colspan=\"2\">wide</td><td>c</td></tr><tr><td data-label=\"Own\">a</td><td>b</td><td>c</td></tr></tbody>";
        var labelled = TableLabelsTagHelper.Label(html);
        Assert.Contains("<td data-label=\"A\" colspan=\"2\">wide</td><td data-label=\"C\">c</td>", labelled, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Own\">a</td><td data-label=\"B\">b</td>", labelled, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nested_table_is_left_to_its_own_pass_and_a_table_without_a_header_row_is_unchanged()
    {
        var nested = "<thead><tr><th>Outer</th></tr></thead><tbody><tr><td><table><tbody><tr><td>inner</td></tr></tbody></table></td></tr></tbody>";
        var labelled = TableLabelsTagHelper.Label(nested);
        Assert.Contains("<td data-label=\"Outer\"><table>", labelled, StringComparison.Ordinal);
        Assert.Contains("<tr><td>inner</td>", labelled, StringComparison.Ordinal);

        var facts = "<tbody><tr><th scope=\"row\">Правило</th><td>KZRU-16</td></tr></tbody>";
        Assert.Same(facts, TableLabelsTagHelper.Label(facts));
    }
}
