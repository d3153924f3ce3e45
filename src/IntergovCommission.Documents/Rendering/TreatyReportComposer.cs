using System.Globalization;
using IntergovCommission.Documents.Layout;
using static IntergovCommission.Documents.Rendering.Bilingual;

namespace IntergovCommission.Documents.Rendering;

/// <summary>Turns <see cref="TreatyReportDocument"/> into layout blocks (WF-07): the annex 1 form as a ruled table, Kazakh and Russian.</summary>
internal static class TreatyReportComposer
{
    private static readonly DocumentColumns Columns = DocumentColumns.For(null);

    public static void Validate(TreatyReportDocument r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.Year is < 1900 or > 2100)
        {
            throw new ArgumentException("The report year is out of range.", nameof(r));
        }
    }

    public static RunningElements Running(TreatyReportDocument r) => new(
        Header: string.Create(CultureInfo.InvariantCulture, $"Халықаралық шарттың орындалуы · Исполнение международного договора · {r.Year}"),
        FooterLeft: $"{NumericDate(r.AsOf)}",
        PageLabel: "Бет · Страница");

    public static DocumentMetadata Metadata(TreatyReportDocument r) => new(
        string.Create(CultureInfo.InvariantCulture, $"Сведения об исполнении международного договора за {r.Year} год"),
        r.Name.Ru, r.CommissionName.Ru, string.Empty);

    public static IReadOnlyList<Block> Compose(TreatyReportDocument r)
    {
        var blocks = new List<Block>();
        blocks.AddRange(Columns.Letterhead(r.CommissionName));
        blocks.Add(Columns.Row(TreatyReportForm.Title.Kk, TreatyReportForm.Title.Ru, Heading, TextAlign.Center, spaceAfter: 4));
        blocks.Add(Columns.Row(
            string.Create(CultureInfo.InvariantCulture, $"{r.Year} жыл үшін; {KazakhDate(r.Deadline)} кешіктірмей ұсынылады"),
            string.Create(CultureInfo.InvariantCulture, $"за {r.Year} год; представляется не позднее {RussianDate(r.Deadline)}"),
            Body, TextAlign.Center, spaceAfter: 2));
        blocks.Add(Columns.Row($"{KazakhDate(r.AsOf)} жағдай бойынша", $"по состоянию на {RussianDate(r.AsOf)}", Body, TextAlign.Center, spaceAfter: 10));
        blocks.Add(new TableBlock(
            [
                new TableColumn("№", 0.7),
                new TableColumn(Columns.Stack(TreatyReportForm.RequisiteHeader), 4.5),
                new TableColumn(Columns.Stack(TreatyReportForm.InformationHeader), 6),
            ],
            [.. TreatyReportForm.Lines(r).Select(l => (IReadOnlyList<string>)
                [l.Number.ToString(CultureInfo.InvariantCulture) + ".", Columns.Stack(l.Requisite), l.Information])],
            CellHeader, Cell));
        return blocks;
    }
}
