using IntergovCommission.Documents.Layout;
using static IntergovCommission.Documents.Rendering.Bilingual;

namespace IntergovCommission.Documents.Rendering;

/// <summary>Turns a <see cref="DecisionDocument"/> into layout blocks: the decision, the co-chairs'
/// approval (where there is one), the verification block, one signature sheet per copy, annex 1 (roll
/// call) and annex 2 (dissenting opinions in full, where they are attached to the decision). Printed in
/// the issuing body's document languages.</summary>
internal static class DecisionComposer
{
    public static void Validate(DecisionDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var c = DocumentColumns.For(d.Body);
        Require(!string.IsNullOrWhiteSpace(d.Number), "The decision has no number.");
        foreach (var language in c.Codes)
        {
            var text = language == "kk" ? d.TextKk : d.TextRu;
            Require(text.Any(t => !string.IsNullOrWhiteSpace(t)), language == "kk" ? "The decision has no Kazakh text." : "The decision has no Russian text.");
        }

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

    public static RunningElements Running(DecisionDocument d)
    {
        var c = DocumentColumns.For(d.Body);
        return new(
            Header: $"{c.Join("Шешім", "Решение")} № {d.Number} · {NumericDate(d.Date)}",
            FooterLeft: $"{c.Join("Шешім", "Решение")} № {d.Number} · SHA-256 {ShortHash(d.ContentHash)}",
            PageLabel: c.Join("Бет", "Страница"));
    }

    public static DocumentMetadata Metadata(DecisionDocument d)
    {
        var c = DocumentColumns.For(d.Body);
        var kinds = c.Codes.OrderBy(l => l == "ru" ? 0 : 1).Select(l => DocumentColumns.Pick(l, d.Kind));
        return new(
            Title: c.Join($"Шешім № {d.Number}", $"Решение № {d.Number}"),
            Subject: c.InMain(d.AgendaItemTitle),
            Author: c.InMain(d.CommissionName),
            Keywords: $"sha256:{d.ContentHash}; {string.Join("; ", kinds)}; заседание № {d.SessionNumber}");
    }

    public static IReadOnlyList<Block> Compose(DecisionDocument d, byte[] qrPng)
    {
        var c = DocumentColumns.For(d.Body);
        var body = c.Body;
        var blocks = new List<Block>();
        blocks.AddRange(c.Letterhead(d.CommissionName));
        blocks.AddRange(ApprovalStamps(c, d.Approvals));
        blocks.Add(c.Row(Glossary.Decision.Kk.ToUpperInvariant(), Glossary.Decision.Ru.ToUpperInvariant(), Title, TextAlign.Center, spaceAfter: 6));
        blocks.Add(c.Row($"{KazakhDate(d.Date)} № {d.Number}", $"{RussianDate(d.Date)} № {d.Number}", Body, TextAlign.Center, spaceAfter: 0));
        blocks.Add(c.Row(d.Place, Body, TextAlign.Center, spaceAfter: 10));
        blocks.Add(c.Row(d.AgendaItemTitle.Kk, d.AgendaItemTitle.Ru, Heading, TextAlign.Center, spaceAfter: 10) with { KeepWithNext = true });
        blocks.Add(c.Row(body.Resolved, Body.AsBold(), spaceAfter: 4) with { KeepWithNext = true });

        // Ragged right in parallel columns (about 40 characters, too narrow for even word spacing in Kazakh); justified across the full width.
        blocks.AddRange(c.Columns(language => [.. (language == "kk" ? d.TextKk : d.TextRu).Select(t => TextParagraph(t, c.Parallel ? TextAlign.Left : TextAlign.Justify))], divider: true));

        var tally = (For: d.RollCall.Count(r => r.Vote == VoteChoice.For), Against: d.RollCall.Count(r => r.Vote == VoteChoice.Against), Abstain: d.RollCall.Count(r => r.Vote == VoteChoice.Abstain));
        var words = c.Tally(tally.For, tally.Against, tally.Abstain);
        blocks.Add(c.Row($"Дауыс беру нәтижелері: {words.Kk}.", $"Голосовали: {words.Ru}.", Body, TextAlign.Left, spaceAfter: 2, spaceBefore: 8));
        blocks.Add(body.DissentInMinutes
            ? c.Row("Қосымша: № 1 — атаулы дауыс беру.", "Приложение: № 1 — поименное голосование.", Small, TextAlign.Left, spaceAfter: 4)
            : c.Row(
                d.DissentingOpinions.Count == 0
                    ? "Қосымшалар: 1-қосымша — атаулы дауыс беру. Ерекше пікірлер берілген жоқ."
                    : $"Қосымшалар: 1-қосымша — атаулы дауыс беру; 2-қосымша — ерекше пікірлер ({d.DissentingOpinions.Count}).",
                d.DissentingOpinions.Count == 0
                    ? "Приложения: № 1 — поименное голосование. Особых мнений не поступало."
                    : $"Приложения: № 1 — поименное голосование; № 2 — особые мнения ({d.DissentingOpinions.Count}).",
                Small, TextAlign.Left, spaceAfter: 4));
        if (body.LanguageNote is { } note)
        {
            blocks.Add(c.Row(note, Small, TextAlign.Left, spaceAfter: 4));
        }

        var signers = new List<Block>();
        if (d.SignedByPosition)
        {
            // CIS-09: the chair signs alone, under the position.
            signers.Add(new SpacerBlock(10));
            signers.AddRange(d.Signatures.Select(s => c.Row(
                $"{s.Role.Kk}  _______________  {Initials(s.Name.Kk)}", $"{s.Role.Ru}  _______________  {Initials(s.Name.Ru)}", Body, TextAlign.Left, spaceAfter: 0, spaceBefore: 8)));
        }
        else
        {
            // KZRU-18: the members present sign (full route, two copies); KZRU-21: the secretaries sign (short route, one copy).
            signers.Add(d.SignatureCopies > 1
                ? c.Row($"{DocumentColumns.Kk(body.Name)} мүшелері:", $"Члены {DocumentColumns.Ru(body.Genitive)}:", Body.AsBold(), spaceAfter: 2, spaceBefore: 10) with { KeepWithNext = true }
                : c.Row($"{DocumentColumns.Kk(body.Genitive)} хатшылары:", $"Секретари {DocumentColumns.Ru(body.Genitive)}:", Body.AsBold(), spaceAfter: 2, spaceBefore: 10) with { KeepWithNext = true });
            signers.AddRange(d.Signatures.Select(s => c.Row(
                $"_______________  {Initials(s.Name.Kk)}", $"_______________  {Initials(s.Name.Ru)}", Body, TextAlign.Left, spaceAfter: 0, spaceBefore: 8)));
        }

        blocks.Add(new KeepTogetherBlock(signers));

        blocks.Add(new KeepTogetherBlock(
        [
            new SpacerBlock(14),
            c.VerificationBlock(qrPng, d.VerificationUrl, d.ContentHash, d.AuditCheckpoint),
        ]));

        for (var copy = 1; copy <= d.SignatureCopies; copy++)
        {
            blocks.AddRange(SignatureSheet(c, d, copy));
        }

        blocks.AddRange(RollCallAnnex(c, d, tally));
        if (d.DissentingOpinions.Count > 0)
        {
            blocks.AddRange(DissentAnnex(c, d));
        }

        return blocks;
    }

    /// <summary>
    /// The co-chairs' approval stamps at the top right, one per side (KZRU-04, KZRU-18): «БЕКІТЕМІН» ‖
    /// «УТВЕРЖДАЮ», the position, the name, and the date of the online approval (blank while awaited).
    /// None where the route has no approval (CIS-09).
    /// </summary>
    private static IEnumerable<Block> ApprovalStamps(DocumentColumns c, IReadOnlyList<CoChairApproval> approvals)
    {
        foreach (var a in approvals)
        {
            var kk = string.Join('\n',
                "БЕКІТЕМІН",
                $"{DocumentColumns.Kk(c.Body.Genitive)} {a.Side.Kk} тарапынан тең төрағасы",
                $"_________ {Initials(a.Name.Kk)}",
                a.ApprovedAt is { } at ? KazakhDate(DateOnly.FromDateTime(at.DateTime)) : "20__ жылғы «__» ________");
            var ru = string.Join('\n',
                "УТВЕРЖДАЮ",
                $"Сопредседатель {DocumentColumns.Ru(c.Body.Genitive)} от {RussianGenitive(a.Side.Ru)}",
                $"_________ {Initials(a.Name.Ru)}",
                a.ApprovedAt is { } at2 ? RussianDate(DateOnly.FromDateTime(at2.DateTime)) : "«__» ________ 20__ г.");
            yield return c.Columns(language => new Paragraph(DocumentColumns.Pick(language, kk, ru), Small, TextAlign.Left, LeftIndent: c.Parallel ? 60 : 300, SpaceAfter: 8));
        }
    }

    private static Paragraph TextParagraph(string text, TextAlign align) =>
        new(text, Body, align, FirstLineIndent: ParagraphIndent, SpaceAfter: 5);

    private static IEnumerable<Block> SignatureSheet(DocumentColumns c, DecisionDocument d, int copy)
    {
        yield return new PageBreakBlock();
        yield return c.Row("ҚОЛ ҚОЮ ПАРАҒЫ", "ЛИСТ ПОДПИСАНИЯ", Title, TextAlign.Center, spaceAfter: 2);
        yield return c.Row(
            $"{DocumentColumns.Kk(c.Body.Genitive)} {KazakhDateAttributive(d.Date)} № {d.Number} шешіміне",
            $"к решению {DocumentColumns.Ru(c.Body.Genitive)} от {RussianDate(d.Date)} № {d.Number}",
            Body, TextAlign.Center, spaceAfter: 2);
        if (d.SignatureCopies > 1)
        {
            yield return c.Row($"{copy}-дана ({d.SignatureCopies} данадан)", $"Экземпляр {copy} из {d.SignatureCopies}", Heading, TextAlign.Center, spaceAfter: 2);
        }

        yield return c.Row(d.AgendaItemTitle.Kk, d.AgendaItemTitle.Ru, Small, TextAlign.Center, spaceAfter: 10);
        yield return new TableBlock(
            [
                new TableColumn("№", 0.6, TextAlign.Right),
                new TableColumn(c.Stack("Аты-жөні", "Фамилия, имя"), 3),
                new TableColumn(c.UnitHeader, 2.2),
                new TableColumn(c.Stack(c.Body.PositionHeader), 3.4),
                new TableColumn(c.Stack("Қол қойылған уақыты", "Время подписания"), 2.8),
            ],
            [.. d.Signatures.Select((s, i) => (IReadOnlyList<string>)
                [$"{i + 1}", c.NameCell(s.Name), c.Stack(s.Side), c.Stack(s.Role), s.SignedAt is { } at ? Time(at) : c.Stack(Awaited)])],
            CellHeader, Cell) { KeepWithNext = true };
        var confirmed = Glossary.SignersConfirmed(d.ContentHash);
        yield return c.Row(confirmed.Kk, confirmed.Ru, Small, TextAlign.Left, spaceAfter: 0, spaceBefore: 8) with { KeepWithNext = d.Approvals.Count > 0 };
        foreach (var a in d.Approvals)
        {
            var at = a.ApprovedAt is { } t ? Time(t) : null;
            yield return c.Row(
                $"{a.Side.Kk} тарапынан тең төраға {Initials(a.Name.Kk)}: " + (at is null ? "бекіту күтілуде" : $"бекітілді {at}"),
                $"Сопредседатель от {RussianGenitive(a.Side.Ru)} {Initials(a.Name.Ru)}: " + (at is null ? "утверждение ожидается" : $"утверждено {at}"),
                Small, TextAlign.Left, spaceAfter: 0, spaceBefore: 4);
        }
    }

    private static IEnumerable<Block> RollCallAnnex(DocumentColumns c, DecisionDocument d, (int For, int Against, int Abstain) tally)
    {
        yield return new PageBreakBlock();
        yield return c.AnnexMark(1, d.Number, d.Date);
        yield return c.Row("АТАУЛЫ ДАУЫС БЕРУ", "ПОИМЕННОЕ ГОЛОСОВАНИЕ", Title, TextAlign.Center, spaceAfter: 2);
        yield return c.Row(d.AgendaItemTitle.Kk, d.AgendaItemTitle.Ru, Small, TextAlign.Center, spaceAfter: 10);
        string Voter(RollCallEntry r) => r.RecordedBySecretary ? c.NameCell(r.Name) + " *" : c.NameCell(r.Name);
        yield return c.Body.VotesByState
            // CIS-01: one line per state, with who cast its vote.
            ? new TableBlock(
                [
                    new TableColumn("№", 0.6, TextAlign.Right),
                    new TableColumn(c.UnitHeader, 3),
                    new TableColumn(c.Stack("Дауыс берген", "Голос подал(а)"), 4),
                    new TableColumn(c.Stack("Дауысы", "Голос"), 2.4),
                ],
                [.. d.RollCall.Select((r, i) => (IReadOnlyList<string>)[$"{i + 1}", c.Stack(r.Side), Voter(r), c.Stack(Vote(r.Vote))])],
                CellHeader, Cell) { KeepWithNext = true }
            : new TableBlock(
                [
                    new TableColumn("№", 0.6, TextAlign.Right),
                    new TableColumn(c.Stack("Аты-жөні", "Фамилия, имя"), 4),
                    new TableColumn(c.UnitHeader, 3),
                    new TableColumn(c.Stack("Дауысы", "Голос"), 2.4),
                ],
                [.. d.RollCall.Select((r, i) => (IReadOnlyList<string>)[$"{i + 1}", Voter(r), c.Stack(r.Side), c.Stack(Vote(r.Vote))])],
                CellHeader, Cell) { KeepWithNext = true };
        var words = c.Tally(tally.For, tally.Against, tally.Abstain);
        yield return c.Row($"Барлығы: {words.Kk}.", $"Итого: {words.Ru}.", Body, TextAlign.Left, spaceAfter: 2, spaceBefore: 8);
        if (d.RollCall.Any(r => r.RecordedBySecretary))
        {
            yield return c.Row($"* {Glossary.RecordedBySecretary.Kk}.", c.Body.VotesByState ? "* Голос внесен секретариатом со слов представителя государства." : $"* {Glossary.RecordedBySecretary.Ru}.", Small, TextAlign.Left, spaceAfter: 0, spaceBefore: 4);
        }
    }

    private static IEnumerable<Block> DissentAnnex(DocumentColumns c, DecisionDocument d)
    {
        yield return new PageBreakBlock();
        yield return c.AnnexMark(2, d.Number, d.Date);
        yield return c.Row("ЕРЕКШЕ ПІКІРЛЕР", "ОСОБЫЕ МНЕНИЯ", Title, TextAlign.Center, spaceAfter: 8);
        var n = 0;
        foreach (var opinion in d.DissentingOpinions)
        {
            n++;
            var language = LanguageName(opinion.Language);
            yield return new ParagraphBlock(new Paragraph($"{n}. {opinion.Author} — {c.Join(opinion.Side)}", Heading, TextAlign.Left, SpaceBefore: 10, SpaceAfter: 1)) { KeepWithNext = true };
            yield return new ParagraphBlock(new Paragraph(c.Join($"Ерекше пікір {language.Kk} берілген", $"Особое мнение изложено {language.Ru}"), Small, TextAlign.Left, SpaceAfter: 6)) { KeepWithNext = true };
            foreach (var paragraph in opinion.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return new ParagraphBlock(new Paragraph(paragraph, Body, TextAlign.Justify, FirstLineIndent: ParagraphIndent, SpaceAfter: 4));
            }
        }
    }
}
