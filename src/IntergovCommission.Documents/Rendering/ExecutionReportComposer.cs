using System.Globalization;
using IntergovCommission.Documents.Layout;
using static IntergovCommission.Documents.Rendering.Bilingual;

namespace IntergovCommission.Documents.Rendering;

/// <summary>Turns <see cref="ExecutionReportDocument"/> into layout blocks (WF-05).</summary>
internal static class ExecutionReportComposer
{
    /// <summary>The execution report is the commission's bilingual document (Kazakh | Russian).</summary>
    private static readonly DocumentColumns Columns = DocumentColumns.For(null);

    public static void Validate(ExecutionReportDocument r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.To < r.From)
        {
            throw new ArgumentException("The period ends after it starts.", nameof(r));
        }
    }

    public static RunningElements Running(ExecutionReportDocument r) => new(
        Header: $"Жиынтық есеп · Сводный отчёт · {NumericDate(r.From)}–{NumericDate(r.To)}",
        FooterLeft: $"Тапсырмалардың орындалуы · Исполнение поручений · {NumericDate(r.AsOf)}",
        PageLabel: "Бет · Страница");

    public static DocumentMetadata Metadata(ExecutionReportDocument r) => new(
        $"Жиынтық есеп · Сводный отчёт {NumericDate(r.From)}–{NumericDate(r.To)}",
        $"Сводный отчёт об исполнении поручений {Glossary.CommissionGenitive.Ru}", r.CommissionName.Ru, string.Empty);

    public static IReadOnlyList<Block> Compose(ExecutionReportDocument r)
    {
        var blocks = new List<Block>();
        blocks.AddRange(Columns.Letterhead(r.CommissionName));
        blocks.Add(Columns.Row("ТАПСЫРМАЛАРДЫҢ ОРЫНДАЛУЫ ТУРАЛЫ ЖИЫНТЫҚ ЕСЕП", "СВОДНЫЙ ОТЧЁТ ОБ ИСПОЛНЕНИИ ПОРУЧЕНИЙ", Title, TextAlign.Center, spaceAfter: 4));
        blocks.Add(Columns.Row($"{KazakhDate(r.From)} – {KazakhDate(r.To)} кезеңі", $"за период с {RussianDate(r.From)} по {RussianDate(r.To)}", Heading, TextAlign.Center, spaceAfter: 2));
        blocks.Add(Columns.Row($"{KazakhDate(r.AsOf)} жағдай бойынша", $"по состоянию на {RussianDate(r.AsOf)}", Body, TextAlign.Center, spaceAfter: 10));

        blocks.Add(Columns.SectionHeading("ҰЙЫМДАР БОЙЫНША ОРЫНДАУ ТӘРТІБІ", "ИСПОЛНИТЕЛЬСКАЯ ДИСЦИПЛИНА ПО ОРГАНИЗАЦИЯМ"));
        blocks.Add(new TableBlock(
            [
                new TableColumn(Columns.Stack("Ұйым", "Организация"), 4),
                new TableColumn(Columns.Stack("Мерзімі келген", "Срок наступил"), 1.3, TextAlign.Right),
                new TableColumn(Columns.Stack("Мерзімінде", "В срок"), 1.3, TextAlign.Right),
                new TableColumn(Columns.Stack("Кешігіп", "С опозданием"), 1.3, TextAlign.Right),
                new TableColumn(Columns.Stack("Орындалуда", "На исполнении"), 1.3, TextAlign.Right),
                new TableColumn(Columns.Stack("Мерзімі өткен", "Просрочено"), 1.3, TextAlign.Right),
                new TableColumn(Columns.Stack("Мерзімінде, %", "В срок, %"), 1.2, TextAlign.Right),
                new TableColumn(Columns.Stack("Күйі", "Состояние"), 3),
            ],
            [.. r.Discipline.Select(d => (IReadOnlyList<string>)
                [d.Organisation, N(d.Due), N(d.DoneOnTime), N(d.DoneLate), N(d.Open), N(d.Overdue), d.OnTimePercent is int p ? N(p) : "—", Bar(d)])],
            CellHeader, Cell));
        var total = new ExecutionDisciplineRow("Барлығы / Итого", r.Discipline.Sum(d => d.Due), r.Discipline.Sum(d => d.DoneOnTime), r.Discipline.Sum(d => d.DoneLate),
            r.Discipline.Sum(d => d.Open), r.Discipline.Sum(d => d.Overdue), r.Discipline.Sum(d => d.Cancelled));
        blocks.Add(Columns.Row(
            $"Барлығы: {r.Rows.Count} тапсырма; мерзімінде орындалғаны {total.DoneOnTime}, мерзімі өткені {total.Overdue}" + (total.OnTimePercent is int tk ? $" ({tk} % мерзімінде)" : string.Empty),
            $"Всего: {r.Rows.Count} поручений; исполнено в срок {total.DoneOnTime}, просрочено {total.Overdue}" + (total.OnTimePercent is int tr ? $" ({tr} % в срок)" : string.Empty),
            Body.AsBold(), spaceAfter: 8, spaceBefore: 4));

        foreach (var group in r.Rows.GroupBy(x => x.Organisation, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            blocks.Add(Columns.SectionHeading(group.Key, group.Key));
            blocks.Add(new TableBlock(
                [
                    new TableColumn("№", 1.4),
                    new TableColumn(Columns.Stack("Тапсырма", "Поручение"), 5),
                    new TableColumn(Columns.Stack("Жауапты", "Ответственный"), 2.2),
                    new TableColumn(Columns.Stack("Мерзімі (бастапқы)", "Срок (первоначальный)"), 1.9),
                    new TableColumn(Columns.Stack("Есептер", "Отчёты"), 1.6),
                    new TableColumn(Columns.Stack("Күйі", "Состояние"), 2.2),
                ],
                [.. group.Select(x => (IReadOnlyList<string>)
                [
                    x.Number,
                    Columns.Stack(x.Task),
                    $"{x.Responsible} ({x.Side})",
                    NumericDate(x.DueOn) + (x.OriginalDueOn != x.DueOn ? $"\n({NumericDate(x.OriginalDueOn)}; ұзартылды / продлено: {N(x.Extensions)})" : string.Empty),
                    N(x.Reports) + (x.LastReportOn is DateOnly last ? $"\n{NumericDate(last)}" : string.Empty),
                    Columns.Stack(x.State) + (x.Overdue ? "\nмерзімі өткен / просрочено" : string.Empty),
                ])],
                CellHeader, Cell));
        }

        return blocks;
    }

    /// <summary>The organisation's status as a bar of the assignments: ■ done on time, ▣ done late, □ open, × overdue (a chart in text, any PDF reader shows it).</summary>
    private static string Bar(ExecutionDisciplineRow d) =>
        new string('■', Math.Min(d.DoneOnTime, 30)) + new string('▣', Math.Min(d.DoneLate, 30)) + new string('□', Math.Clamp(d.Open - d.Overdue, 0, 30)) + new string('×', Math.Min(d.Overdue, 30));

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
