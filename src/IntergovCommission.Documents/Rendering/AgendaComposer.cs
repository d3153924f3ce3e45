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

    public static RunningElements Running(AgendaDocument a)
    {
        var c = DocumentColumns.For(a.Body);
        return new(
            Header: $"{c.Join("Күн тәртібі", "Повестка дня")} · № {a.SessionNumber} · {NumericDate(a.Date)}",
            FooterLeft: $"{c.Join("Күн тәртібі", "Повестка дня")} · {c.Join("отырыс", "заседание", " / ")} № {a.SessionNumber}" + (a.ContentHash is { } h ? $" · SHA-256 {ShortHash(h)}" : string.Empty),
            PageLabel: c.Join("Бет", "Страница"));
    }

    public static DocumentMetadata Metadata(AgendaDocument a)
    {
        var c = DocumentColumns.For(a.Body);
        return new(
            $"{c.Join("Күн тәртібі", "Повестка дня")} № {a.SessionNumber}",
            c.Main == "kk" ? $"{DocumentColumns.Kk(c.Body.Genitive)} № {a.SessionNumber} отырысының күн тәртібі" : $"Повестка дня заседания № {a.SessionNumber} {DocumentColumns.Ru(c.Body.Genitive)}",
            c.InMain(a.CommissionName),
            a.ContentHash is { } h ? $"sha256:{h}" : string.Empty);
    }

    public static IReadOnlyList<Block> Compose(AgendaDocument a)
    {
        var c = DocumentColumns.For(a.Body);
        var body = c.Body;
        var blocks = new List<Block>();
        blocks.AddRange(c.Letterhead(a.CommissionName));
        var approved = a.Approvals.Count > 0 && a.Approvals.All(x => x.ApprovedAt is not null);
        if (approved)
        {
            // KZRU-11: both co-chairs approved (CIS: the chair); the date is the last of the approvals.
            var day = a.Approvals.Max(x => DateOnly.FromDateTime(x.ApprovedAt!.Value.DateTime));
            blocks.Add(c.Columns(language => new Paragraph(
                $"{body.AgendaApproved[language]}\n{DocumentColumns.Pick(language, KazakhDate(day), RussianDate(day))}",
                Small.AsBold(), TextAlign.Left, LeftIndent: c.Parallel ? 60 : 300, SpaceAfter: 8)));
        }
        else
        {
            blocks.Add(c.Row("ЖОБА", "ПРОЕКТ", Heading, TextAlign.Right, spaceAfter: 8));
        }

        blocks.Add(c.Row("КҮН ТӘРТІБІ", "ПОВЕСТКА ДНЯ", Title, TextAlign.Center, spaceAfter: 2));
        blocks.Add(c.Row($"{DocumentColumns.Kk(body.Genitive)} № {a.SessionNumber} отырысының", $"заседания № {a.SessionNumber} {DocumentColumns.Ru(body.Genitive)}", Heading, TextAlign.Center, spaceAfter: 10));
        blocks.Add(c.Row(
            KazakhDate(a.Date) + (string.IsNullOrWhiteSpace(a.Place.Kk) ? string.Empty : $", {a.Place.Kk}"),
            RussianDate(a.Date) + (string.IsNullOrWhiteSpace(a.Place.Ru) ? string.Empty : $", {a.Place.Ru}"),
            Body, spaceAfter: 0));
        blocks.Add(c.Row($"Өткізу нысаны: {a.Format.Kk}", $"Форма проведения: {a.Format.Ru}", Body, spaceAfter: 8));

        foreach (var item in a.Items)
        {
            blocks.Add(c.Row($"{item.Number}. {item.Title.Kk}", $"{item.Number}. {item.Title.Ru}", Body.AsBold(), TextAlign.Left, spaceAfter: 1, spaceBefore: 6) with { KeepWithNext = item.SpeakerText is not null });
            if (item.SpeakerText is { } speaker)
            {
                blocks.Add(c.Row($"Баяндамашы: {speaker.Kk}", $"Докладчик: {speaker.Ru}", Body, spaceAfter: 2));
            }
        }

        if (a.Invited.Count > 0)
        {
            blocks.Add(c.SectionHeading(Glossary.InvitedPersons.Kk.ToUpperInvariant(), Glossary.InvitedPersons.Ru.ToUpperInvariant()));
            blocks.Add(new TableBlock(
                [
                    new TableColumn("№", 0.6, TextAlign.Right),
                    new TableColumn(c.Stack("Аты-жөні", "Фамилия, имя"), 2.8),
                    new TableColumn(c.Stack("Ұйым", "Организация"), 3),
                    new TableColumn(c.Stack("Сөз сөйлеу тақырыбы", "Тема выступления"), 4),
                    new TableColumn(c.Stack("Мәселе", "Вопрос"), 1.2, TextAlign.Center),
                ],
                [.. a.Invited.Select((p, i) => (IReadOnlyList<string>)
                    [$"{i + 1}", p.Name, c.NameCell(p.OrganisationText), c.NameCell(p.Topic), string.Join(", ", p.Items.Select(n => n.ToString(CultureInfo.InvariantCulture)))])],
                CellHeader, Cell));
        }

        if (a.Approvals.Count > 0)
        {
            blocks.Add(new KeepTogetherBlock(
            [
                c.Row(body.AgendaApprovalHeading, Heading, TextAlign.Left, spaceAfter: 6, spaceBefore: 10) with { KeepWithNext = true },
                new TableBlock(
                    [
                        new TableColumn(c.UnitHeader, 3),
                        new TableColumn(c.Stack(body.ApproverHeader), 4),
                        new TableColumn(c.Stack("Бекітілген уақыты", "Время утверждения"), 3),
                    ],
                    [.. a.Approvals.Select(x => (IReadOnlyList<string>)[c.Stack(x.Side), c.NameCell(x.Name), x.ApprovedAt is { } at ? Time(at) : c.Stack(Awaited)])],
                    CellHeader, Cell),
            ]));
        }

        return blocks;
    }
}
