using System.Globalization;
using IntergovCommission.Documents.Layout;
using static IntergovCommission.Documents.Rendering.Bilingual;

namespace IntergovCommission.Documents.Rendering;

/// <summary>Turns <see cref="AgendaDocument"/> into layout blocks.</summary>
internal static class AgendaComposer
{
    public static void Validate(AgendaDocument a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Items.Count == 0)
        {
            throw new ArgumentException("An agenda has at least one item.", nameof(a));
        }

        if (a.ContentHash is { } hash && !hash.All(Uri.IsHexDigit))
        {
            throw new ArgumentException("The content hash must be hex.", nameof(a));
        }
    }

    public static RunningElements Running(AgendaDocument a) => new(
        Header: $"Күн тәртібі · Повестка дня · № {a.SessionNumber} · {NumericDate(a.Date)}",
        FooterLeft: $"Күн тәртібі · Повестка дня · отырыс / заседание № {a.SessionNumber}" + (a.ContentHash is { } h ? $" · SHA-256 {ShortHash(h)}" : string.Empty),
        PageLabel: "Бет · Страница");

    public static DocumentMetadata Metadata(AgendaDocument a) => new(
        $"Күн тәртібі · Повестка дня № {a.SessionNumber}", $"Повестка дня заседания № {a.SessionNumber} {Glossary.CommissionGenitive.Ru}", a.CommissionName.Ru,
        a.ContentHash is { } h ? $"sha256:{h}" : string.Empty);

    public static IReadOnlyList<Block> Compose(AgendaDocument a)
    {
        var blocks = new List<Block>();
        blocks.AddRange(Letterhead(a.CommissionName));
        var approved = a.Approvals.Count > 0 && a.Approvals.All(x => x.ApprovedAt is not null);
        if (approved)
        {
            // KZRU-11: both co-chairs approved; the date is the later of the two approvals.
            var day = a.Approvals.Max(x => DateOnly.FromDateTime(x.ApprovedAt!.Value.DateTime));
            blocks.Add(new ParallelColumnsBlock(
                [new Paragraph($"{Glossary.CommissionGenitive.Kk} тең төрағалары БЕКІТКЕН\n{KazakhDate(day)}", Small.AsBold(), TextAlign.Left, LeftIndent: 60, SpaceAfter: 8)],
                [new Paragraph($"УТВЕРЖДЕНА сопредседателями {Glossary.CommissionGenitive.Ru}\n{RussianDate(day)}", Small.AsBold(), TextAlign.Left, LeftIndent: 60, SpaceAfter: 8)]));
        }
        else
        {
            blocks.Add(Row("ЖОБА", "ПРОЕКТ", Heading, TextAlign.Right, spaceAfter: 8));
        }

        blocks.Add(Row("КҮН ТӘРТІБІ", "ПОВЕСТКА ДНЯ", Title, TextAlign.Center, spaceAfter: 2));
        blocks.Add(Row($"{Glossary.CommissionGenitive.Kk} № {a.SessionNumber} отырысының", $"заседания № {a.SessionNumber} {Glossary.CommissionGenitive.Ru}", Heading, TextAlign.Center, spaceAfter: 10));
        blocks.Add(Row(
            KazakhDate(a.Date) + (string.IsNullOrWhiteSpace(a.Place.Kk) ? string.Empty : $", {a.Place.Kk}"),
            RussianDate(a.Date) + (string.IsNullOrWhiteSpace(a.Place.Ru) ? string.Empty : $", {a.Place.Ru}"),
            Body, spaceAfter: 0));
        blocks.Add(Row($"Өткізу нысаны: {a.Format.Kk}", $"Форма проведения: {a.Format.Ru}", Body, spaceAfter: 8));

        foreach (var item in a.Items)
        {
            blocks.Add(Row($"{item.Number}. {item.Title.Kk}", $"{item.Number}. {item.Title.Ru}", Body.AsBold(), TextAlign.Left, spaceAfter: 1, spaceBefore: 6) with { KeepWithNext = item.SpeakerText is not null });
            if (item.SpeakerText is { } speaker)
            {
                blocks.Add(Row($"Баяндамашы: {speaker.Kk}", $"Докладчик: {speaker.Ru}", Body, spaceAfter: 2));
            }
        }

        if (a.Invited.Count > 0)
        {
            blocks.Add(SectionHeading(Glossary.InvitedPersons.Kk.ToUpperInvariant(), Glossary.InvitedPersons.Ru.ToUpperInvariant()));
            blocks.Add(new TableBlock(
                [
                    new TableColumn("№", 0.6, TextAlign.Right),
                    new TableColumn(Stacked("Аты-жөні", "Фамилия, имя"), 2.8),
                    new TableColumn(Stacked("Ұйым", "Организация"), 3),
                    new TableColumn(Stacked("Сөз сөйлеу тақырыбы", "Тема выступления"), 4),
                    new TableColumn(Stacked("Мәселе", "Вопрос"), 1.2, TextAlign.Center),
                ],
                [.. a.Invited.Select((p, i) => (IReadOnlyList<string>)
                    [$"{i + 1}", p.Name, NameCell(p.OrganisationText), NameCell(p.Topic), string.Join(", ", p.Items.Select(n => n.ToString(CultureInfo.InvariantCulture)))])],
                CellHeader, Cell));
        }

        if (a.Approvals.Count > 0)
        {
            blocks.Add(new KeepTogetherBlock(
            [
                SectionHeading("ТЕҢ ТӨРАҒАЛАРДЫҢ БЕКІТУІ", "УТВЕРЖДЕНИЕ СОПРЕДСЕДАТЕЛЯМИ"),
                new TableBlock(
                    [
                        new TableColumn(Stacked(Glossary.Side.Kk, Glossary.Side.Ru), 3),
                        new TableColumn(Stacked("Тең төраға", "Сопредседатель"), 4),
                        new TableColumn(Stacked("Бекітілген уақыты", "Время утверждения"), 3),
                    ],
                    [.. a.Approvals.Select(x => (IReadOnlyList<string>)[Stacked(x.Side), NameCell(x.Name), x.ApprovedAt is { } at ? Time(at) : Stacked(Awaited)])],
                    CellHeader, Cell),
            ]));
        }

        return blocks;
    }
}
