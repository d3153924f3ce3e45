using IntergovCommission.Documents.Layout;
using static IntergovCommission.Documents.Rendering.Bilingual;

namespace IntergovCommission.Documents.Rendering;

/// <summary>Turns <see cref="MinutesDocument"/> into layout blocks.</summary>
internal static class MinutesComposer
{
    public static void Validate(MinutesDocument m)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.SessionNumber <= 0)
        {
            throw new ArgumentException("The minutes need a session number.", nameof(m));
        }

        if (m.ContentHash is { } hash && !hash.All(Uri.IsHexDigit))
        {
            throw new ArgumentException("The content hash must be hex.", nameof(m));
        }
    }

    public static RunningElements Running(MinutesDocument m) => new(
        Header: $"Хаттама · Протокол № {m.SessionNumber} · {NumericDate(m.Date)}",
        FooterLeft: $"Хаттама · Протокол № {m.SessionNumber}" + (m.ContentHash is { } h ? $" · SHA-256 {ShortHash(h)}" : string.Empty),
        PageLabel: "Бет · Страница");

    public static DocumentMetadata Metadata(MinutesDocument m) => new(
        $"Хаттама № {m.SessionNumber} · Протокол № {m.SessionNumber}", $"Протокол заседания Комиссии № {m.SessionNumber}", m.CommissionName.Ru,
        m.ContentHash is { } h ? $"sha256:{h}" : string.Empty);

    public static BilingualText Attendance(AttendanceEntry a) => a.Mode switch
    {
        AttendanceMode.InPerson => new("Жеке қатысты", "Очно"),
        AttendanceMode.Video => new("Бейнебайланыс арқылы", "По видеосвязи"),
        AttendanceMode.Absent => new("Қатыспады", "Отсутствовал(а)"),
        AttendanceMode.Represented => new($"Өкілі: {a.RepresentedBy}", $"Представитель: {a.RepresentedBy}"),
        _ => throw new ArgumentOutOfRangeException(nameof(a)),
    };

    public static BilingualText Quorum(QuorumLine q) => q.Reached
        ? new($"Кворум бар: дауыс беруге құқылы {q.Total} адамның {q.Present} қатысуда, кемінде {q.Required} қажет ({q.RuleId}).",
              $"Кворум имеется: присутствуют {q.Present} из {q.Total} имеющих право голоса, необходимо не менее {q.Required} ({q.RuleId}).")
        : new($"Кворум жоқ: дауыс беруге құқылы {q.Total} адамның {q.Present} қатысуда, кемінде {q.Required} қажет ({q.RuleId}).",
              $"Кворума нет: присутствуют {q.Present} из {q.Total} имеющих право голоса, необходимо не менее {q.Required} ({q.RuleId}).");

    private static BilingualText Outcome(MinutesItem item) => item.Outcome switch
    {
        ItemOutcome.Adopted => item.DecisionNumber is { } n
            ? new($"Шешім қабылданды (№ {n} шешім).", $"Решение принято (решение № {n}).")
            : new("Шешім қабылданды.", "Решение принято."),
        ItemOutcome.Rejected => new("Шешім қабылданбады.", "Решение не принято."),
        ItemOutcome.ReferredToExpertGroup => new("Мәселе келісілген шешім әзірлеу үшін сарапшылар тобына жіберілді.", "Вопрос передан экспертной группе для подготовки согласованного решения."),
        ItemOutcome.NotPutToVote => new("Мәселе дауысқа қойылған жоқ.", "Вопрос на голосование не ставился."),
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };

    public static IReadOnlyList<Block> Compose(MinutesDocument m)
    {
        var blocks = new List<Block>();
        blocks.AddRange(Letterhead(m.CommissionName));
        blocks.Add(Row("ХАТТАМА", "ПРОТОКОЛ", Title, TextAlign.Center, spaceAfter: 2));
        blocks.Add(Row($"Комиссияның № {m.SessionNumber} отырысы", $"заседания Комиссии № {m.SessionNumber}", Heading, TextAlign.Center, spaceAfter: 10));
        blocks.Add(Row(KazakhDate(m.Date), RussianDate(m.Date), Body, spaceAfter: 0));
        blocks.Add(Row(m.Place, Body, spaceAfter: 0));
        blocks.Add(Row($"Өткізу нысаны: {m.Format.Kk}", $"Форма проведения: {m.Format.Ru}", Body, spaceAfter: 0));
        if (m.Presiding.Count > 0)
        {
            var names = string.Join(", ", m.Presiding);
            blocks.Add(Row($"Төрағалық еткендер: {names}", $"Председательствовали: {names}", Body, spaceAfter: 0));
        }

        blocks.Add(SectionHeading("ҚАТЫСУ", "ПРИСУТСТВИЕ"));
        blocks.Add(new TableBlock(
            [
                new TableColumn("№", 0.6, TextAlign.Right),
                new TableColumn(Stacked("Аты-жөні", "Фамилия, инициалы"), 3.4),
                new TableColumn(Stacked("Тарап", "Сторона"), 2.6),
                new TableColumn(Stacked("Мәртебесі", "Статус"), 2.6),
                new TableColumn(Stacked("Қатысуы", "Участие"), 2.6),
            ],
            [.. m.Attendance.Select((a, i) => (IReadOnlyList<string>)[$"{i + 1}", a.Name, Stacked(a.Side), Stacked(a.Role), Stacked(Attendance(a))])],
            CellHeader, Cell));
        blocks.Add(Row(Quorum(m.Quorum), Body.AsBold(), TextAlign.Left, spaceAfter: 4, spaceBefore: 8));

        blocks.Add(SectionHeading("ҚАРАЛҒАН МӘСЕЛЕЛЕР ЖӘНЕ ШЕШІМДЕР", "РАССМОТРЕННЫЕ ВОПРОСЫ И ПРИНЯТЫЕ РЕШЕНИЯ"));
        foreach (var item in m.Items)
        {
            blocks.Add(Row($"{item.Number}. {item.Title.Kk}", $"{item.Number}. {item.Title.Ru}", Body.AsBold(), TextAlign.Left, spaceAfter: 3, spaceBefore: 6) with { KeepWithNext = true });
            if (item.Vote is { } v)
            {
                blocks.Add(Row(
                    $"Дауыс беру: «қолдап» — {v.For}, «қарсы» — {v.Against}, «қалыс қалды» — {v.Abstain}.",
                    $"Голосование: «за» — {v.For}, «против» — {v.Against}, «воздержались» — {v.Abstain}.",
                    Body, spaceAfter: 1));
            }

            blocks.Add(Row(Outcome(item), Body, spaceAfter: 3));
            foreach (var dissent in item.Dissent)
            {
                var language = LanguageName(dissent.Language);
                blocks.Add(new ParagraphBlock(new Paragraph(
                    $"Ерекше пікір · Особое мнение: {dissent.Author} ({dissent.Side.Kk} · {dissent.Side.Ru}), {language.Kk} · {language.Ru}",
                    Small.AsBold(), TextAlign.Left, LeftIndent: ParagraphIndent, SpaceBefore: 2, SpaceAfter: 1)) { KeepWithNext = true });
                foreach (var paragraph in dissent.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    blocks.Add(new ParagraphBlock(new Paragraph(paragraph, Small, TextAlign.Justify, LeftIndent: ParagraphIndent, SpaceAfter: 2)));
                }
            }
        }

        if (m.Signatories.Count > 0)
        {
            var signatures = new List<Block> { SectionHeading("ҚОЛ ҚОЙҒАНДАР", "ПОДПИСИ") };
            signatures.AddRange(m.Signatories.Select(s => (Block)new ParallelColumnsBlock(
                [new Paragraph(Stacked(s.Role), Small, TextAlign.Left, SpaceBefore: 14)],
                [new Paragraph($"_____________________  {s.Name}", Body, TextAlign.Right, SpaceBefore: 14)])));
            blocks.Add(new KeepTogetherBlock(signatures));
        }

        return blocks;
    }
}
