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
        $"Хаттама № {m.SessionNumber} · Протокол № {m.SessionNumber}", $"Протокол № {m.SessionNumber} заседания {Glossary.CommissionGenitive.Ru}", m.CommissionName.Ru,
        m.ContentHash is { } h ? $"sha256:{h}" : string.Empty);

    public static BilingualText Attendance(AttendanceEntry a) => a.Mode switch
    {
        AttendanceMode.InPerson => new("Бетпе-бет", "Очно"),
        AttendanceMode.Video => new("Бейнеконференцбайланыс режимінде", "В режиме видеоконференции"),
        AttendanceMode.Absent => new("Қатыспады", "Отсутствовал(а)"),
        AttendanceMode.Represented => new($"Өкілі: {a.RepresentedBy}", $"Представитель: {a.RepresentedBy}"),
        _ => throw new ArgumentOutOfRangeException(nameof(a)),
    };

    /// <summary>The quorum in the Regulation's words (cl. 10), with the clause and without internal codes.</summary>
    public static BilingualText Quorum(QuorumLine q)
    {
        var kk = $"дауыс беру құқығы бар {q.Total} мүшенің {q.Present} мүшесі қатысты (кемінде {q.Required} қажет, Ереженің {q.Clause}-тармағы).";
        var ru = $"присутствуют {q.Present} из {q.Total} {Plural.Ru(q.Total, "члена", "членов", "членов")} с правом голоса (необходимо не менее {q.Required}, п. {q.Clause} Положения).";
        return q.Reached ? new($"Отырыс заңды: {kk}", $"Заседание правомочно: {ru}") : new($"Отырыс заңды емес: {kk}", $"Заседание неправомочно: {ru}");
    }

    private static BilingualText Outcome(MinutesItem item) => item.Outcome switch
    {
        ItemOutcome.Adopted => item.DecisionNumber is { } n
            ? new($"№ {n} шешім қабылдансын (қоса беріледі).", $"Принять решение № {n} (прилагается).")
            : new("Шешім қабылдансын.", "Решение принять."),
        ItemOutcome.Rejected => new("Шешім қабылданбады.", "Решение не принято."),
        ItemOutcome.ReferredToExpertGroup => new(
            $"Мәселе келісілген шешім әзірлеу үшін {Glossary.ExpertGroup.Kk}на берілсін (Ереженің 10-тармағы).",
            "Передать вопрос экспертной группе для подготовки согласованного решения (п. 10 Положения)."),
        ItemOutcome.NotPutToVote => new("Мәселе дауысқа қойылған жоқ.", "Вопрос на голосование не ставился."),
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };

    public static IReadOnlyList<Block> Compose(MinutesDocument m)
    {
        var blocks = new List<Block>();
        blocks.AddRange(Letterhead(m.CommissionName));
        blocks.Add(Row($"{Glossary.Commission.Kk} отырысының № {m.SessionNumber} ХАТТАМАСЫ", $"ПРОТОКОЛ № {m.SessionNumber} заседания {Glossary.CommissionGenitive.Ru}", Title, TextAlign.Center, spaceAfter: 10));
        blocks.Add(Row(
            KazakhDate(m.Date) + (string.IsNullOrWhiteSpace(m.Place.Kk) ? string.Empty : $", {m.Place.Kk}"),
            RussianDate(m.Date) + (string.IsNullOrWhiteSpace(m.Place.Ru) ? string.Empty : $", {m.Place.Ru}"),
            Body, spaceAfter: 0));
        blocks.Add(Row($"Өткізу нысаны: {m.Format.Kk}", $"Форма проведения: {m.Format.Ru}", Body, spaceAfter: 0));
        if (m.Presiding.Count > 0)
        {
            blocks.Add(SectionHeading("ТӨРАҒАЛЫҚ ЕТКЕНДЕР:", "ПРЕДСЕДАТЕЛЬСТВОВАЛИ:"));
            blocks.Add(Row(string.Join(", ", m.Presiding.Select(p => p.Kk)), string.Join(", ", m.Presiding.Select(p => p.Ru)), Body, spaceAfter: 0));
        }

        blocks.Add(SectionHeading("ҚАТЫСҚАНДАР:", "ПРИСУТСТВОВАЛИ:"));
        blocks.Add(new TableBlock(
            [
                new TableColumn("№", 0.6, TextAlign.Right),
                new TableColumn(Stacked("Аты-жөні", "Фамилия, имя"), 3),
                new TableColumn(Stacked(Glossary.Side.Kk, Glossary.Side.Ru), 2.2),
                new TableColumn(Stacked("Комиссиядағы лауазымы", "Должность в Комиссии"), 3.4),
                new TableColumn(Stacked("Қатысуы", "Участие"), 2.8),
            ],
            [.. m.Attendance.Select((a, i) => (IReadOnlyList<string>)[$"{i + 1}", a.Name, Stacked(a.Side), Stacked(a.Role), Stacked(Attendance(a))])],
            CellHeader, Cell));
        blocks.Add(Row(Quorum(m.Quorum), Body.AsBold(), TextAlign.Left, spaceAfter: 4, spaceBefore: 8));
        if (m.Invited is { Count: > 0 } invited)
        {
            blocks.Add(SectionHeading($"{Glossary.InvitedPersons.Kk.ToUpperInvariant()}:", $"{Glossary.InvitedPersons.Ru.ToUpperInvariant()}:"));
            blocks.Add(new TableBlock(
                [
                    new TableColumn("№", 0.6, TextAlign.Right),
                    new TableColumn(Stacked("Аты-жөні", "Фамилия, имя"), 3),
                    new TableColumn(Stacked("Ұйым", "Организация"), 3.6),
                    new TableColumn(Stacked("Мәселе", "Вопрос"), 1.4, TextAlign.Center),
                ],
                [.. invited.Select((p, i) => (IReadOnlyList<string>)
                    [$"{i + 1}", p.Name, NameCell(p.OrganisationText), string.Join(", ", p.Items.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)))])],
                CellHeader, Cell));
        }

        foreach (var item in m.Items)
        {
            blocks.Add(Row($"{item.Number}. ТЫҢДАЛДЫ:", $"{item.Number}. СЛУШАЛИ:", Body.AsBold(), TextAlign.Left, spaceAfter: 2, spaceBefore: 10) with { KeepWithNext = true });
            blocks.Add(Row(item.Title, Body, TextAlign.Left, spaceAfter: 3) with { KeepWithNext = true });
            if (item.Vote is { } v)
            {
                var words = Tally(v.For, v.Against, v.Abstain);
                blocks.Add(Row($"Дауыс беру нәтижелері: {words.Kk}.", $"Голосовали: {words.Ru}.", Body, spaceAfter: 1) with { KeepWithNext = true });
            }

            blocks.Add(Row("ШЕШІЛДІ:", "РЕШИЛИ:", Body.AsBold(), TextAlign.Left, spaceAfter: 2, spaceBefore: 3) with { KeepWithNext = true });
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
            var signatures = new List<Block> { new SpacerBlock(10) };
            signatures.AddRange(m.Signatories.Select(s => (Block)Row(
                $"{s.Role.Kk}  _____________  {Initials(s.Name.Kk)}",
                $"{s.Role.Ru}  _____________  {Initials(s.Name.Ru)}",
                Body, TextAlign.Left, spaceAfter: 0, spaceBefore: 14)));
            blocks.Add(new KeepTogetherBlock(signatures));
        }

        return blocks;
    }
}
