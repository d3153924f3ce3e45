using IntergovCommission.Documents.Layout;
using static IntergovCommission.Documents.Rendering.Bilingual;

namespace IntergovCommission.Documents.Rendering;

/// <summary>
/// The document languages of one document and the block shapes they give: two languages are printed
/// level in parallel columns (in the order the body lists them), one language across the full width.
/// The composers give each standard wording in Kazakh and Russian; only the languages of the document
/// are printed.
/// </summary>
internal sealed class DocumentColumns
{
    private DocumentColumns(IssuingBody body)
    {
        Body = body;
        Codes = body.Languages;
    }

    public IssuingBody Body { get; }

    public IReadOnlyList<string> Codes { get; }

    public bool Parallel => Codes.Count == 2;

    /// <summary>The language of the PDF's properties: Russian where the document has it (the working language), else the first.</summary>
    public string Main => Codes.Contains("ru", StringComparer.Ordinal) ? "ru" : Codes[0];

    public static DocumentColumns For(IssuingBody? body)
    {
        var b = body ?? IssuingBody.InterstateCommission;
        b.Validate();
        return new DocumentColumns(b);
    }

    public static string Pick(string language, string kk, string ru) => string.Equals(language, "kk", StringComparison.Ordinal) ? kk : ru;

    public static string Pick(string language, BilingualText text) => Pick(language, text.Kk, text.Ru);

    public string InMain(BilingualText text) => Pick(Main, text);

    public string InMain(LanguageText text) => text[Main];

    /// <summary>The body's word in Kazakh, or nothing when the document has no Kazakh (the Kazakh argument of a row is then never printed).</summary>
    public static string Kk(LanguageText text) => text.Has("kk") ? text["kk"] : string.Empty;

    public static string Ru(LanguageText text) => text.Has("ru") ? text["ru"] : string.Empty;

    /// <summary>One paragraph per language, side by side or alone.</summary>
    public Block Columns(Func<string, Paragraph> paragraph) => Parallel
        ? new ParallelColumnsBlock([paragraph(Codes[0])], [paragraph(Codes[1])])
        : new ParagraphBlock(paragraph(Codes[0]));

    /// <summary>Several paragraphs per language (paragraph i of one language level with paragraph i of the other).</summary>
    public IEnumerable<Block> Columns(Func<string, IReadOnlyList<Paragraph>> paragraphs, bool divider)
    {
        if (Parallel)
        {
            yield return new ParallelColumnsBlock(paragraphs(Codes[0]), paragraphs(Codes[1])) { Divider = divider };
            yield break;
        }

        foreach (var p in paragraphs(Codes[0]))
        {
            yield return new ParagraphBlock(p);
        }
    }

    public Block Row(Func<string, string> text, TextStyle style, TextAlign align = TextAlign.Left, double spaceAfter = 2, double spaceBefore = 0) =>
        Columns(language => new Paragraph(text(language), style, align, SpaceBefore: spaceBefore, SpaceAfter: spaceAfter));

    public Block Row(string kk, string ru, TextStyle style, TextAlign align = TextAlign.Left, double spaceAfter = 2, double spaceBefore = 0) =>
        Row(language => Pick(language, kk, ru), style, align, spaceAfter, spaceBefore);

    public Block Row(BilingualText text, TextStyle style, TextAlign align = TextAlign.Left, double spaceAfter = 2, double spaceBefore = 0) =>
        Row(text.Kk, text.Ru, style, align, spaceAfter, spaceBefore);

    public Block Row(LanguageText text, TextStyle style, TextAlign align = TextAlign.Left, double spaceAfter = 2, double spaceBefore = 0) =>
        Row(language => text[language], style, align, spaceAfter, spaceBefore);

    /// <summary>A table header or cell: the languages one above the other ("Аты-жөні\nФамилия, имя"), or the one language.</summary>
    public string Stack(string kk, string ru) => string.Join('\n', Codes.Select(c => Pick(c, kk, ru)));

    public string Stack(BilingualText text) => Stack(text.Kk, text.Ru);

    public string Stack(LanguageText text) => string.Join('\n', Codes.Select(c => text[c]));

    /// <summary>Running headers and short labels: "Шешім · Решение", or the one language.</summary>
    public string Join(string kk, string ru, string separator = " · ") => string.Join(separator, Codes.Select(c => Pick(c, kk, ru)));

    public string Join(BilingualText text, string separator = " · ") => Join(text.Kk, text.Ru, separator);

    /// <summary>A name in a table cell: with two languages one line when both forms agree (<see cref="Bilingual.NameCell"/>).</summary>
    public string NameCell(BilingualText name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Parallel)
        {
            return Bilingual.NameCell(name);
        }

        // One free text kept in either slot (an invited person's topic) is printed as it is.
        var text = Pick(Codes[0], name);
        return text.Length > 0 ? text : (name.Ru.Length > 0 ? name.Ru : name.Kk);
    }

    public Block SectionHeading(string kk, string ru, TextAlign align = TextAlign.Left) =>
        Row(kk, ru, Heading, align, spaceAfter: 6, spaceBefore: 10) with { KeepWithNext = true };

    /// <summary>The letterhead: the commission's full name in each language, then a double rule.</summary>
    public IEnumerable<Block> Letterhead(BilingualText commission)
    {
        yield return Row(commission.Kk.ToUpperInvariant(), commission.Ru.ToUpperInvariant(), LetterheadStyle, TextAlign.Center, spaceAfter: 0);
        yield return new RuleBlock(Thickness: 1.2, SpaceBefore: 6, SpaceAfter: 10) { Double = true };
    }

    /// <summary>"Сторона" (a side of a bilateral body) or "Государство" (one vote per state, CIS-01).</summary>
    public string UnitHeader => Body.VotesByState ? Stack("Мемлекет", "Государство") : Stack(Glossary.Side.Kk, Glossary.Side.Ru);

    /// <summary>The tally in the glossary's words; with a vote per state the numbers count states: «за» — 5 государств.</summary>
    public (string Kk, string Ru) Tally(int votesFor, int against, int abstain)
    {
        if (!Body.VotesByState)
        {
            var words = Bilingual.Tally(votesFor, against, abstain);
            return (words.Kk, words.Ru);
        }

        static string Ru(int n) => $"{n} {Plural.Ru(n, "государство", "государства", "государств")}";
        return (
            $"«{Glossary.TallyFor.Kk}» — {votesFor} мемлекет, «{Glossary.TallyAgainst.Kk}» — {against} мемлекет, «{Glossary.TallyAbstain.Kk}» — {abstain} мемлекет",
            $"«{Glossary.TallyFor.Ru}» — {Ru(votesFor)}, «{Glossary.TallyAgainst.Ru}» — {Ru(against)}, «{Glossary.TallyAbstain.Ru}» — {Ru(abstain)}");
    }

    /// <summary>The standard annex mark at the top right (glossary): «Приложение № 1 к решению Межгосударственной комиссии от 21 ноября 2026 г. № 5».</summary>
    public Block AnnexMark(int number, string decisionNumber, DateOnly date) =>
        Row($"{Kk(Body.Genitive)}\n{KazakhDateAttributive(date)} № {decisionNumber}\nшешіміне {number}-қосымша",
            $"Приложение № {number}\nк решению {Body.Genitive["ru"]}\nот {RussianDate(date)} № {decisionNumber}",
            Small, TextAlign.Right, spaceAfter: 8);

    /// <param name="auditCheckpoint">The audit trail's signed checkpoint at issue ("length/head hash"), printed when given (issue #14).</param>
    public ImageBlock VerificationBlock(byte[] qrPng, Uri url, string hash, string? auditCheckpoint = null)
    {
        var caption = new List<Paragraph>
        {
            new(Join("Құжаттың түпнұсқалығын тексеру", "Проверка подлинности документа"), Small.AsBold(), TextAlign.Left, SpaceAfter: 2),
            new(url.ToString(), Small, TextAlign.Left, SpaceAfter: 2),
            new($"SHA-256: {hash}", Small, TextAlign.Left, SpaceAfter: 2),
        };
        if (auditCheckpoint is not null)
        {
            caption.Add(new($"{Join("Аудит журналының бақылау нүктесі", "Контрольная точка журнала аудита")}: {auditCheckpoint}", Small, TextAlign.Left, SpaceAfter: 2));
        }

        var explanations = Codes.Select(c => Pick(c,
            "QR-кодты сканерлеңіз немесе сілтемені ашыңыз: сервер құжаттың ресімделген нұсқаға сәйкестігін растайды.",
            "Отсканируйте QR-код или откройте ссылку: сервер подтвердит, что документ совпадает с оформленным.")).ToList();
        for (var i = 0; i < explanations.Count; i++)
        {
            caption.Add(new Paragraph(explanations[i], Small, TextAlign.Left, SpaceAfter: i < explanations.Count - 1 ? 1 : 0));
        }

        return new ImageBlock(qrPng, 78, caption);
    }
}
