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

    public static RunningElements Running(MinutesDocument m)
    {
        var c = DocumentColumns.For(m.Body);
        return new(
            Header: $"{c.Join("Хаттама", "Протокол")} № {m.SessionNumber} · {NumericDate(m.Date)}",
            FooterLeft: $"{c.Join("Хаттама", "Протокол")} № {m.SessionNumber}" + (m.ContentHash is { } h ? $" · SHA-256 {ShortHash(h)}" : string.Empty),
            PageLabel: c.Join("Бет", "Страница"));
    }

    public static DocumentMetadata Metadata(MinutesDocument m)
    {
        var c = DocumentColumns.For(m.Body);
        return new(
            c.Join($"Хаттама № {m.SessionNumber}", $"Протокол № {m.SessionNumber}"),
            c.Main == "kk" ? $"{DocumentColumns.Kk(c.Body.Name)} отырысының № {m.SessionNumber} хаттамасы" : $"Протокол № {m.SessionNumber} заседания {DocumentColumns.Ru(c.Body.Genitive)}",
            c.InMain(m.CommissionName),
            m.ContentHash is { } h ? $"sha256:{h}" : string.Empty);
    }

    public static BilingualText Attendance(AttendanceEntry a) => a.Mode switch
    {
        AttendanceMode.InPerson => new("Бетпе-бет", "Очно"),
        AttendanceMode.Video => new("Бейнеконференцбайланыс режимінде", "В режиме видеоконференции"),
        AttendanceMode.Absent => new("Қатыспады", "Отсутствовал(а)"),
        AttendanceMode.Represented => new($"Өкілі: {a.RepresentedBy}", $"Представитель: {a.RepresentedBy}"),
        _ => throw new ArgumentOutOfRangeException(nameof(a)),
    };

    /// <summary>The quorum in the Regulation's words (cl. 10), with the clause and without internal codes.</summary>
    public static BilingualText Quorum(QuorumLine q, bool byState = false)
    {
        if (byState)
        {
            // CIS-01, CIS-05: the quorum counts the states represented.
            var kkStates = $"{q.Total} мемлекеттің {q.Present} мемлекеті ұсынылған (кемінде {q.Required} қажет, Ереженің {q.Clause}-тармағы).";
            var ruStates = $"представлены {q.Present} из {q.Total} {Plural.Ru(q.Total, "государства", "государств", "государств")} (необходимо не менее {q.Required}, п. {q.Clause} Положения).";
            return q.Reached ? new($"Отырыс заңды: {kkStates}", $"Заседание правомочно: {ruStates}") : new($"Отырыс заңды емес: {kkStates}", $"Заседание неправомочно: {ruStates}");
        }

        var kk = $"дауыс беру құқығы бар {q.Total} мүшенің {q.Present} мүшесі қатысты (кемінде {q.Required} қажет, Ереженің {q.Clause}-тармағы).";
        var ru = $"присутствуют {q.Present} из {q.Total} {Plural.Ru(q.Total, "члена", "членов", "членов")} с правом голоса (необходимо не менее {q.Required}, п. {q.Clause} Положения).";
        return q.Reached ? new($"Отырыс заңды: {kk}", $"Заседание правомочно: {ru}") : new($"Отырыс заңды емес: {kk}", $"Заседание неправомочно: {ru}");
    }

    private static BilingualText Outcome(MinutesItem item, string? expertGroupClause) => item.Outcome switch
    {
        ItemOutcome.Adopted => item.DecisionNumber is { } n
            ? new($"№ {n} шешім қабылдансын (қоса беріледі).", $"Принять решение № {n} (прилагается).")
            : new("Шешім қабылдансын.", "Решение принять."),
        ItemOutcome.Rejected => new("Шешім қабылданбады.", "Решение не принято."),
        ItemOutcome.ReferredToExpertGroup => expertGroupClause is null
            ? new($"Мәселе келісілген шешім әзірлеу үшін {Glossary.ExpertGroup.Kk}на берілсін.", "Передать вопрос экспертной группе для подготовки согласованного решения.")
            : new(
                $"Мәселе келісілген шешім әзірлеу үшін {Glossary.ExpertGroup.Kk}на берілсін (Ереженің {expertGroupClause}-тармағы).",
                $"Передать вопрос экспертной группе для подготовки согласованного решения (п. {expertGroupClause} Положения)."),
        ItemOutcome.NotPutToVote => new("Мәселе дауысқа қойылған жоқ.", "Вопрос на голосование не ставился."),
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };

    public static IReadOnlyList<Block> Compose(MinutesDocument m)
    {
        var c = DocumentColumns.For(m.Body);
        var body = c.Body;
        var blocks = new List<Block>();
        blocks.AddRange(c.Letterhead(m.CommissionName));
        blocks.Add(c.Row($"{DocumentColumns.Kk(body.Name)} отырысының № {m.SessionNumber} ХАТТАМАСЫ", $"ПРОТОКОЛ № {m.SessionNumber} заседания {DocumentColumns.Ru(body.Genitive)}", Title, TextAlign.Center, spaceAfter: 10));
        blocks.Add(c.Row(
            KazakhDate(m.Date) + (string.IsNullOrWhiteSpace(m.Place.Kk) ? string.Empty : $", {m.Place.Kk}"),
            RussianDate(m.Date) + (string.IsNullOrWhiteSpace(m.Place.Ru) ? string.Empty : $", {m.Place.Ru}"),
            Body, spaceAfter: 0));
        blocks.Add(c.Row($"Өткізу нысаны: {m.Format.Kk}", $"Форма проведения: {m.Format.Ru}", Body, spaceAfter: 0));
        if (m.Presiding.Count > 0)
        {
            blocks.Add(c.SectionHeading("ТӨРАҒАЛЫҚ ЕТКЕНДЕР:", m.Presiding.Count == 1 && !c.Parallel ? "ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ:" : "ПРЕДСЕДАТЕЛЬСТВОВАЛИ:"));
            blocks.Add(c.Row(string.Join(", ", m.Presiding.Select(p => p.Kk)), string.Join(", ", m.Presiding.Select(p => p.Ru)), Body, spaceAfter: 0));
        }

        blocks.Add(c.SectionHeading("ҚАТЫСҚАНДАР:", "ПРИСУТСТВОВАЛИ:"));
        blocks.Add(new TableBlock(
            [
                new TableColumn("№", 0.6, TextAlign.Right),
                new TableColumn(c.Stack("Аты-жөні", "Фамилия, имя"), 3),
                new TableColumn(c.UnitHeader, 2.2),
                new TableColumn(c.Stack(body.PositionHeader), 3.4),
                new TableColumn(c.Stack("Қатысуы", "Участие"), 2.8),
            ],
            [.. m.Attendance.Select((a, i) => (IReadOnlyList<string>)[$"{i + 1}", a.Name, c.Stack(a.Side), c.Stack(a.Role), c.Stack(Attendance(a))])],
            CellHeader, Cell));
        blocks.Add(c.Row(Quorum(m.Quorum, body.VotesByState), Body.AsBold(), TextAlign.Left, spaceAfter: 4, spaceBefore: 8));
        if (m.Invited is { Count: > 0 } invited)
        {
            blocks.Add(c.SectionHeading($"{Glossary.InvitedPersons.Kk.ToUpperInvariant()}:", $"{Glossary.InvitedPersons.Ru.ToUpperInvariant()}:"));
            blocks.Add(new TableBlock(
                [
                    new TableColumn("№", 0.6, TextAlign.Right),
                    new TableColumn(c.Stack("Аты-жөні", "Фамилия, имя"), 3),
                    new TableColumn(c.Stack("Ұйым", "Организация"), 3.6),
                    new TableColumn(c.Stack("Мәселе", "Вопрос"), 1.4, TextAlign.Center),
                ],
                [.. invited.Select((p, i) => (IReadOnlyList<string>)
                    [$"{i + 1}", p.Name, c.NameCell(p.OrganisationText), string.Join(", ", p.Items.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)))])],
                CellHeader, Cell));
        }

        foreach (var item in m.Items)
        {
            blocks.Add(c.Row($"{item.Number}. ТЫҢДАЛДЫ:", $"{item.Number}. СЛУШАЛИ:", Body.AsBold(), TextAlign.Left, spaceAfter: 2, spaceBefore: 10) with { KeepWithNext = true });
            blocks.Add(c.Row(item.Title, Body, TextAlign.Left, spaceAfter: 3) with { KeepWithNext = true });
            if (item.Vote is { } v)
            {
                var words = c.Tally(v.For, v.Against, v.Abstain);
                blocks.Add(c.Row($"Дауыс беру нәтижелері: {words.Kk}.", $"Голосовали: {words.Ru}.", Body, spaceAfter: 1) with { KeepWithNext = true });
            }

            blocks.Add(c.Row("ШЕШІЛДІ:", "РЕШИЛИ:", Body.AsBold(), TextAlign.Left, spaceAfter: 2, spaceBefore: 3) with { KeepWithNext = true });
            blocks.Add(c.Row(Outcome(item, body.ExpertGroupClause), Body, spaceAfter: 3));
            if (body.DissentInMinutes)
            {
                blocks.AddRange(DissentEntered(c, item));
                continue;
            }

            foreach (var dissent in item.Dissent)
            {
                var language = LanguageName(dissent.Language);
                blocks.Add(new ParagraphBlock(new Paragraph(
                    $"{c.Join("Ерекше пікір", "Особое мнение")}: {dissent.Author} ({c.Join(dissent.Side)}), {c.Join(language)}",
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
            signatures.AddRange(m.Signatories.Select(s => c.Row(
                $"{s.Role.Kk}  _____________  {Initials(s.Name.Kk)}",
                $"{s.Role.Ru}  _____________  {Initials(s.Name.Ru)}",
                Body, TextAlign.Left, spaceAfter: 0, spaceBefore: 14)));
            blocks.Add(new KeepTogetherBlock(signatures));
        }

        return blocks;
    }

    /// <summary>
    /// CIS-08: the dissenting opinions on an item are entered in the minutes in full, under
    /// «ОСОБЫЕ МНЕНИЯ:», each with its author and the state.
    /// </summary>
    private static IEnumerable<Block> DissentEntered(DocumentColumns c, MinutesItem item)
    {
        if (item.Dissent.Count == 0)
        {
            yield break;
        }

        yield return c.Row("ЕРЕКШЕ ПІКІРЛЕР:", "ОСОБЫЕ МНЕНИЯ:", Body.AsBold(), TextAlign.Left, spaceAfter: 2, spaceBefore: 4) with { KeepWithNext = true };
        var n = 0;
        foreach (var dissent in item.Dissent)
        {
            n++;
            var language = LanguageName(dissent.Language);
            yield return c.Row(
                $"{n}. {dissent.Author} ({dissent.Side.Kk}). Ерекше пікір {language.Kk} берілген:",
                $"{n}. {dissent.Author} ({dissent.Side.Ru}). Особое мнение изложено {language.Ru}:",
                Body, TextAlign.Left, spaceAfter: 2, spaceBefore: 2) with { KeepWithNext = true };
            foreach (var paragraph in dissent.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return new ParagraphBlock(new Paragraph(paragraph, Body, TextAlign.Justify, FirstLineIndent: ParagraphIndent, SpaceAfter: 3));
            }
        }
    }
}
