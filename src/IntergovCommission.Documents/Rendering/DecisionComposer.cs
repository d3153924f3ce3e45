using IntergovCommission.Documents.Layout;
using static IntergovCommission.Documents.Rendering.Bilingual;

namespace IntergovCommission.Documents.Rendering;

/// <summary>Turns a <see cref="DecisionDocument"/> into layout blocks: the decision, the co-chairs'
/// approval, the verification block, one signature sheet per copy, annex 1 (roll call) and annex 2
/// (dissenting opinions in full).</summary>
internal static class DecisionComposer
{
    public static void Validate(DecisionDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        Require(!string.IsNullOrWhiteSpace(d.Number), "The decision has no number.");
        Require(d.TextKk.Any(t => !string.IsNullOrWhiteSpace(t)), "The decision has no Kazakh text.");
        Require(d.TextRu.Any(t => !string.IsNullOrWhiteSpace(t)), "The decision has no Russian text.");
        Require(d.SignatureCopies >= 1, "A decision has at least one copy of the signature sheet.");
        Require(d.ContentHash.Length >= 16 && d.ContentHash.All(Uri.IsHexDigit), "The content hash must be hex (SHA-256).");
        Require(d.VerificationUrl.IsAbsoluteUri, "The verification URL must be absolute.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }

    public static RunningElements Running(DecisionDocument d) => new(
        Header: $"Шешім · Решение № {d.Number} · {NumericDate(d.Date)}",
        FooterLeft: $"Шешім · Решение № {d.Number} · SHA-256 {ShortHash(d.ContentHash)}",
        PageLabel: "Бет · Страница");

    public static DocumentMetadata Metadata(DecisionDocument d) => new(
        Title: $"Шешім № {d.Number} · Решение № {d.Number}",
        Subject: d.AgendaItemTitle.Ru,
        Author: d.CommissionName.Ru,
        Keywords: $"sha256:{d.ContentHash}");

    public static IReadOnlyList<Block> Compose(DecisionDocument d, byte[] qrPng)
    {
        var blocks = new List<Block>();
        blocks.AddRange(Letterhead(d.CommissionName));
        blocks.Add(Row("ШЕШІМ", "РЕШЕНИЕ", Title, TextAlign.Center, spaceAfter: 2));
        blocks.Add(Row($"№ {d.Number}", $"№ {d.Number}", Heading, TextAlign.Center, spaceAfter: 10));
        blocks.Add(Row(KazakhDate(d.Date), RussianDate(d.Date), Body, spaceAfter: 0));
        blocks.Add(Row(d.Place.Kk, d.Place.Ru, Body, spaceAfter: 0));
        blocks.Add(Row($"Комиссияның № {d.SessionNumber} отырысы", $"Заседание Комиссии № {d.SessionNumber}", Body, spaceAfter: 0));
        blocks.Add(Row($"Шешім түрі: {d.Kind.Kk}", $"Вид решения: {d.Kind.Ru}", Body, spaceAfter: 10));
        blocks.Add(Row("Күн тәртібінің мәселесі", "Вопрос повестки дня", Small, TextAlign.Center, spaceAfter: 1) with { KeepWithNext = true });
        blocks.Add(Row(d.AgendaItemTitle.Kk, d.AgendaItemTitle.Ru, Heading, TextAlign.Center, spaceAfter: 10) with { KeepWithNext = true });
        blocks.Add(Row("Комиссия ШЕШТІ:", "Комиссия РЕШИЛА:", Body.AsBold(), spaceAfter: 4) with { KeepWithNext = true });
        blocks.Add(new ParallelColumnsBlock(
            [.. d.TextKk.Select(TextParagraph)],
            [.. d.TextRu.Select(TextParagraph)]) { Divider = true });

        var tally = (For: d.RollCall.Count(r => r.Vote == VoteChoice.For), Against: d.RollCall.Count(r => r.Vote == VoteChoice.Against), Abstain: d.RollCall.Count(r => r.Vote == VoteChoice.Abstain));
        blocks.Add(Row(
            $"Дауыс беру қорытындысы (ашық атаулы дауыс беру): «қолдап» — {tally.For}, «қарсы» — {tally.Against}, «қалыс қалды» — {tally.Abstain}.",
            $"Итоги открытого поименного голосования: «за» — {tally.For}, «против» — {tally.Against}, «воздержались» — {tally.Abstain}.",
            Small, TextAlign.Left, spaceAfter: 2, spaceBefore: 8));
        blocks.Add(Row(
            d.DissentingOpinions.Count == 0
                ? "Қосымшалар: 1-қосымша — атаулы дауыс беру. Ерекше пікірлер берілген жоқ."
                : $"Қосымшалар: 1-қосымша — атаулы дауыс беру; 2-қосымша — ерекше пікірлер ({d.DissentingOpinions.Count}).",
            d.DissentingOpinions.Count == 0
                ? "Приложения: № 1 — поименное голосование. Особых мнений не поступало."
                : $"Приложения: № 1 — поименное голосование; № 2 — особые мнения ({d.DissentingOpinions.Count}).",
            Small, TextAlign.Left, spaceAfter: 4));

        blocks.Add(new KeepTogetherBlock(
        [
            SectionHeading("ТЕҢ ТӨРАҒАЛАР БЕКІТТІ", "УТВЕРЖДЕНО СОПРЕДСЕДАТЕЛЯМИ"),
            new TableBlock(
                [
                    new TableColumn(Stacked("Тарап", "Сторона"), 3),
                    new TableColumn(Stacked("Тең төраға", "Сопредседатель"), 4),
                    new TableColumn(Stacked("Бекітілген уақыты", "Время утверждения"), 3),
                ],
                [.. d.Approvals.Select(a => (IReadOnlyList<string>)
                    [Stacked(a.Side), a.Name, a.ApprovedAt is { } at ? Time(at) : Stacked(Awaited)])],
                CellHeader, Cell),
            new SpacerBlock(14),
            VerificationBlock(qrPng, d.VerificationUrl, d.ContentHash),
        ]));

        for (var copy = 1; copy <= d.SignatureCopies; copy++)
        {
            blocks.AddRange(SignatureSheet(d, copy));
        }

        blocks.AddRange(RollCallAnnex(d, tally));
        if (d.DissentingOpinions.Count > 0)
        {
            blocks.AddRange(DissentAnnex(d));
        }

        return blocks;
    }

    // Ragged right: a column is about 40 characters wide, too narrow for even word spacing in Kazakh.
    private static Paragraph TextParagraph(string text) =>
        new(text, Body, TextAlign.Left, FirstLineIndent: ParagraphIndent, SpaceAfter: 5);

    private static IEnumerable<Block> SignatureSheet(DecisionDocument d, int copy)
    {
        yield return new PageBreakBlock();
        yield return Row("ҚОЛ ҚОЮ ПАРАҒЫ", "ЛИСТ ПОДПИСАНИЯ", Title, TextAlign.Center, spaceAfter: 2);
        yield return Row(
            $"{KazakhDate(d.Date)} № {d.Number} шешім",
            $"решения № {d.Number} от {RussianDate(d.Date)}",
            Body, TextAlign.Center, spaceAfter: 2);
        if (d.SignatureCopies > 1)
        {
            yield return Row($"{copy}-дана (барлығы {d.SignatureCopies})", $"Экземпляр {copy} из {d.SignatureCopies}", Heading, TextAlign.Center, spaceAfter: 2);
        }

        yield return Row(d.AgendaItemTitle.Kk, d.AgendaItemTitle.Ru, Small, TextAlign.Center, spaceAfter: 10);
        yield return new TableBlock(
            [
                new TableColumn("№", 0.6, TextAlign.Right),
                new TableColumn(Stacked("Аты-жөні", "Фамилия, инициалы"), 3.4),
                new TableColumn(Stacked("Тарап", "Сторона"), 2.6),
                new TableColumn(Stacked("Мәртебесі", "Статус"), 2.6),
                new TableColumn(Stacked("Қол қойылған уақыты", "Время подписания"), 2.8),
            ],
            [.. d.Signatures.Select((s, i) => (IReadOnlyList<string>)
                [$"{i + 1}", s.Name, Stacked(s.Side), Stacked(s.Role), s.SignedAt is { } at ? Time(at) : Stacked(Awaited)])],
            CellHeader, Cell) { KeepWithNext = true };
        yield return Row(
            $"Әрбір қол қоюшы өзінің жеке басын растап, құжат мазмұнының SHA-256 хешіне электрондық қол қойды: {d.ContentHash}.",
            $"Каждый подписавший подтвердил свою личность и подписал электронно хеш содержания документа SHA-256: {d.ContentHash}.",
            Small, TextAlign.Left, spaceAfter: 0, spaceBefore: 8);
    }

    private static IEnumerable<Block> RollCallAnnex(DecisionDocument d, (int For, int Against, int Abstain) tally)
    {
        yield return new PageBreakBlock();
        yield return AnnexMark(1, d.Number, d.Date);
        yield return Row("АТАУЛЫ ДАУЫС БЕРУ", "ПОИМЕННОЕ ГОЛОСОВАНИЕ", Title, TextAlign.Center, spaceAfter: 2);
        yield return Row(d.AgendaItemTitle.Kk, d.AgendaItemTitle.Ru, Small, TextAlign.Center, spaceAfter: 10);
        yield return new TableBlock(
            [
                new TableColumn("№", 0.6, TextAlign.Right),
                new TableColumn(Stacked("Аты-жөні", "Фамилия, инициалы"), 4),
                new TableColumn(Stacked("Тарап", "Сторона"), 3),
                new TableColumn(Stacked("Дауысы", "Голос"), 2.4),
            ],
            [.. d.RollCall.Select((r, i) => (IReadOnlyList<string>)
                [$"{i + 1}", r.RecordedBySecretary ? r.Name + " *" : r.Name, Stacked(r.Side), Stacked(Vote(r.Vote))])],
            CellHeader, Cell) { KeepWithNext = true };
        yield return Row(
            $"Барлығы: «қолдап» — {tally.For}, «қарсы» — {tally.Against}, «қалыс қалды» — {tally.Abstain}.",
            $"Итого: «за» — {tally.For}, «против» — {tally.Against}, «воздержались» — {tally.Abstain}.",
            Body, TextAlign.Left, spaceAfter: 2, spaceBefore: 8);
        if (d.RollCall.Any(r => r.RecordedBySecretary))
        {
            yield return Row(
                "* Дауысты мүшенің өз сөзімен хатшы енгізді.",
                "* Голос внесён секретарём со слов члена Комиссии.",
                Small, TextAlign.Left, spaceAfter: 0, spaceBefore: 4);
        }
    }

    private static IEnumerable<Block> DissentAnnex(DecisionDocument d)
    {
        yield return new PageBreakBlock();
        yield return AnnexMark(2, d.Number, d.Date);
        yield return Row("ЕРЕКШЕ ПІКІРЛЕР", "ОСОБЫЕ МНЕНИЯ", Title, TextAlign.Center, spaceAfter: 8);
        var n = 0;
        foreach (var opinion in d.DissentingOpinions)
        {
            n++;
            var language = LanguageName(opinion.Language);
            yield return new ParagraphBlock(new Paragraph($"{n}. {opinion.Author} — {opinion.Side.Kk} · {opinion.Side.Ru}", Heading, TextAlign.Left, SpaceBefore: 10, SpaceAfter: 1)) { KeepWithNext = true };
            yield return new ParagraphBlock(new Paragraph($"Ерекше пікір {language.Kk} берілген · Особое мнение изложено {language.Ru}", Small, TextAlign.Left, SpaceAfter: 6)) { KeepWithNext = true };
            foreach (var paragraph in opinion.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return new ParagraphBlock(new Paragraph(paragraph, Body, TextAlign.Justify, FirstLineIndent: ParagraphIndent, SpaceAfter: 4));
            }
        }
    }
}
