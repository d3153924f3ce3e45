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
        Keywords: $"sha256:{d.ContentHash}; {d.Kind.Ru}; {d.Kind.Kk}; заседание № {d.SessionNumber}");

    public static IReadOnlyList<Block> Compose(DecisionDocument d, byte[] qrPng)
    {
        var blocks = new List<Block>();
        blocks.AddRange(Letterhead(d.CommissionName));
        blocks.AddRange(ApprovalStamps(d.Approvals));
        blocks.Add(Row(Glossary.Decision.Kk.ToUpperInvariant(), Glossary.Decision.Ru.ToUpperInvariant(), Title, TextAlign.Center, spaceAfter: 6));
        blocks.Add(Row($"{KazakhDate(d.Date)} № {d.Number}", $"{RussianDate(d.Date)} № {d.Number}", Body, TextAlign.Center, spaceAfter: 0));
        blocks.Add(Row(d.Place, Body, TextAlign.Center, spaceAfter: 10));
        blocks.Add(Row(d.AgendaItemTitle.Kk, d.AgendaItemTitle.Ru, Heading, TextAlign.Center, spaceAfter: 10) with { KeepWithNext = true });
        blocks.Add(Row($"{Glossary.Commission.Kk} ШЕШІМ ҚАБЫЛДАДЫ:", $"{Glossary.Commission.Ru} РЕШИЛА:", Body.AsBold(), spaceAfter: 4) with { KeepWithNext = true });
        blocks.Add(new ParallelColumnsBlock(
            [.. d.TextKk.Select(TextParagraph)],
            [.. d.TextRu.Select(TextParagraph)]) { Divider = true });

        var tally = (For: d.RollCall.Count(r => r.Vote == VoteChoice.For), Against: d.RollCall.Count(r => r.Vote == VoteChoice.Against), Abstain: d.RollCall.Count(r => r.Vote == VoteChoice.Abstain));
        var words = Tally(tally.For, tally.Against, tally.Abstain);
        blocks.Add(Row($"Дауыс беру нәтижелері: {words.Kk}.", $"Голосовали: {words.Ru}.", Body, TextAlign.Left, spaceAfter: 2, spaceBefore: 8));
        blocks.Add(Row(
            d.DissentingOpinions.Count == 0
                ? "Қосымшалар: 1-қосымша — атаулы дауыс беру. Ерекше пікірлер берілген жоқ."
                : $"Қосымшалар: 1-қосымша — атаулы дауыс беру; 2-қосымша — ерекше пікірлер ({d.DissentingOpinions.Count}).",
            d.DissentingOpinions.Count == 0
                ? "Приложения: № 1 — поименное голосование. Особых мнений не поступало."
                : $"Приложения: № 1 — поименное голосование; № 2 — особые мнения ({d.DissentingOpinions.Count}).",
            Small, TextAlign.Left, spaceAfter: 4));
        blocks.Add(Row(Glossary.DecisionLanguage.Bilingual, Small, TextAlign.Left, spaceAfter: 4));

        var signers = new List<Block>
        {
            // KZRU-18: the members present sign (full route, two copies); KZRU-21: the secretaries sign (short route, one copy).
            d.SignatureCopies > 1
                ? Row($"{Glossary.Commission.Kk} мүшелері:", $"Члены {Glossary.CommissionGenitive.Ru}:", Body.AsBold(), spaceAfter: 2, spaceBefore: 10) with { KeepWithNext = true }
                : Row($"{Glossary.CommissionGenitive.Kk} хатшылары:", $"Секретари {Glossary.CommissionGenitive.Ru}:", Body.AsBold(), spaceAfter: 2, spaceBefore: 10) with { KeepWithNext = true },
        };
        signers.AddRange(d.Signatures.Select(s => (Block)Row(
            $"_______________  {Initials(s.Name.Kk)}", $"_______________  {Initials(s.Name.Ru)}", Body, TextAlign.Left, spaceAfter: 0, spaceBefore: 8)));
        blocks.Add(new KeepTogetherBlock(signers));

        blocks.Add(new KeepTogetherBlock(
        [
            new SpacerBlock(14),
            VerificationBlock(qrPng, d.VerificationUrl, d.ContentHash, d.AuditCheckpoint),
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

    /// <summary>
    /// The co-chairs' approval stamps at the top right, one per side (KZRU-04, KZRU-18): «БЕКІТЕМІН» ‖
    /// «УТВЕРЖДАЮ», the position, the name, and the date of the online approval (blank while awaited).
    /// </summary>
    private static IEnumerable<Block> ApprovalStamps(IReadOnlyList<CoChairApproval> approvals)
    {
        foreach (var a in approvals)
        {
            var kk = string.Join('\n',
                "БЕКІТЕМІН",
                $"{Glossary.CommissionGenitive.Kk} {a.Side.Kk} тарапынан тең төрағасы",
                $"_________ {Initials(a.Name.Kk)}",
                a.ApprovedAt is { } at ? KazakhDate(DateOnly.FromDateTime(at.DateTime)) : "20__ жылғы «__» ________");
            var ru = string.Join('\n',
                "УТВЕРЖДАЮ",
                $"Сопредседатель {Glossary.CommissionGenitive.Ru} от {RussianGenitive(a.Side.Ru)}",
                $"_________ {Initials(a.Name.Ru)}",
                a.ApprovedAt is { } at2 ? RussianDate(DateOnly.FromDateTime(at2.DateTime)) : "«__» ________ 20__ г.");
            yield return new ParallelColumnsBlock(
                [new Paragraph(kk, Small, TextAlign.Left, LeftIndent: 60, SpaceAfter: 8)],
                [new Paragraph(ru, Small, TextAlign.Left, LeftIndent: 60, SpaceAfter: 8)]);
        }
    }

    // Ragged right: a column is about 40 characters wide, too narrow for even word spacing in Kazakh.
    private static Paragraph TextParagraph(string text) =>
        new(text, Body, TextAlign.Left, FirstLineIndent: ParagraphIndent, SpaceAfter: 5);

    private static IEnumerable<Block> SignatureSheet(DecisionDocument d, int copy)
    {
        yield return new PageBreakBlock();
        yield return Row("ҚОЛ ҚОЮ ПАРАҒЫ", "ЛИСТ ПОДПИСАНИЯ", Title, TextAlign.Center, spaceAfter: 2);
        yield return Row(
            $"{Glossary.CommissionGenitive.Kk} {KazakhDateAttributive(d.Date)} № {d.Number} шешіміне",
            $"к решению {Glossary.CommissionGenitive.Ru} от {RussianDate(d.Date)} № {d.Number}",
            Body, TextAlign.Center, spaceAfter: 2);
        if (d.SignatureCopies > 1)
        {
            yield return Row($"{copy}-дана ({d.SignatureCopies} данадан)", $"Экземпляр {copy} из {d.SignatureCopies}", Heading, TextAlign.Center, spaceAfter: 2);
        }

        yield return Row(d.AgendaItemTitle.Kk, d.AgendaItemTitle.Ru, Small, TextAlign.Center, spaceAfter: 10);
        yield return new TableBlock(
            [
                new TableColumn("№", 0.6, TextAlign.Right),
                new TableColumn(Stacked("Аты-жөні", "Фамилия, имя"), 3),
                new TableColumn(Stacked(Glossary.Side.Kk, Glossary.Side.Ru), 2.2),
                new TableColumn(Stacked("Комиссиядағы лауазымы", "Должность в Комиссии"), 3.4),
                new TableColumn(Stacked("Қол қойылған уақыты", "Время подписания"), 2.8),
            ],
            [.. d.Signatures.Select((s, i) => (IReadOnlyList<string>)
                [$"{i + 1}", NameCell(s.Name), Stacked(s.Side), Stacked(s.Role), s.SignedAt is { } at ? Time(at) : Stacked(Awaited)])],
            CellHeader, Cell) { KeepWithNext = true };
        var confirmed = Glossary.SignersConfirmed(d.ContentHash);
        yield return Row(confirmed.Kk, confirmed.Ru, Small, TextAlign.Left, spaceAfter: 0, spaceBefore: 8) with { KeepWithNext = d.Approvals.Count > 0 };
        foreach (var a in d.Approvals)
        {
            var at = a.ApprovedAt is { } t ? Time(t) : null;
            yield return Row(
                $"{a.Side.Kk} тарапынан тең төраға {Initials(a.Name.Kk)}: " + (at is null ? "бекіту күтілуде" : $"бекітілді {at}"),
                $"Сопредседатель от {RussianGenitive(a.Side.Ru)} {Initials(a.Name.Ru)}: " + (at is null ? "утверждение ожидается" : $"утверждено {at}"),
                Small, TextAlign.Left, spaceAfter: 0, spaceBefore: 4);
        }
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
                new TableColumn(Stacked("Аты-жөні", "Фамилия, имя"), 4),
                new TableColumn(Stacked(Glossary.Side.Kk, Glossary.Side.Ru), 3),
                new TableColumn(Stacked("Дауысы", "Голос"), 2.4),
            ],
            [.. d.RollCall.Select((r, i) => (IReadOnlyList<string>)
                [$"{i + 1}", r.RecordedBySecretary ? NameCell(r.Name) + " *" : NameCell(r.Name), Stacked(r.Side), Stacked(Vote(r.Vote))])],
            CellHeader, Cell) { KeepWithNext = true };
        var words = Tally(tally.For, tally.Against, tally.Abstain);
        yield return Row($"Барлығы: {words.Kk}.", $"Итого: {words.Ru}.", Body, TextAlign.Left, spaceAfter: 2, spaceBefore: 8);
        if (d.RollCall.Any(r => r.RecordedBySecretary))
        {
            yield return Row($"* {Glossary.RecordedBySecretary.Kk}.", $"* {Glossary.RecordedBySecretary.Ru}.", Small, TextAlign.Left, spaceAfter: 0, spaceBefore: 4);
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
