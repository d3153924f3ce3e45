using System.Globalization;
using IntergovCommission.Documents.Layout;

namespace IntergovCommission.Documents.Rendering;

/// <summary>Wording, date formats and recurring block shapes shared by the bilingual documents.</summary>
internal static class Bilingual
{
    public static readonly TextStyle Body = new(10);
    public static readonly TextStyle Small = new(8.5);
    public static readonly TextStyle Cell = new(8.5);
    public static readonly TextStyle CellHeader = new(8, Bold: true);
    public static readonly TextStyle Heading = new(11, Bold: true);
    public static readonly TextStyle Title = new(14, Bold: true);
    public static readonly TextStyle LetterheadStyle = new(10.5, Bold: true);

    public const double ParagraphIndent = 18;

    private static readonly string[] KazakhMonths =
        ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"];

    /// <summary>The month with the locative ending, for a date used as an attribute: "21 қарашадағы".</summary>
    private static readonly string[] KazakhMonthsAttributive =
        ["қаңтардағы", "ақпандағы", "наурыздағы", "сәуірдегі", "мамырдағы", "маусымдағы", "шілдедегі", "тамыздағы", "қыркүйектегі", "қазандағы", "қарашадағы", "желтоқсандағы"];

    private static readonly string[] RussianMonthsGenitive =
        ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

    /// <summary>"2026 жылғы 21 қараша".</summary>
    public static string KazakhDate(DateOnly date) => $"{date.Year} жылғы {date.Day} {KazakhMonths[date.Month - 1]}";

    /// <summary>"2026 жылғы 21 қарашадағы": a date that qualifies a noun ("… № 5 шешім").</summary>
    public static string KazakhDateAttributive(DateOnly date) => $"{date.Year} жылғы {date.Day} {KazakhMonthsAttributive[date.Month - 1]}";

    /// <summary>"21 ноября 2026 г.".</summary>
    public static string RussianDate(DateOnly date) => $"{date.Day} {RussianMonthsGenitive[date.Month - 1]} {date.Year} г.";

    public static string NumericDate(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>"21.11.2026 14:05 (UTC+05:00)": the local time of the act and its offset.</summary>
    public static string Time(DateTimeOffset time)
    {
        var offset = time.Offset;
        var sign = offset < TimeSpan.Zero ? "−" : "+";
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{time:dd.MM.yyyy HH:mm} (UTC{sign}{abs.Hours:00}:{abs.Minutes:00})");
    }

    public static BilingualText Awaited { get; } = new("Күтілуде", "Ожидается");

    public static string Stacked(BilingualText text) => $"{text.Kk}\n{text.Ru}";

    public static string Stacked(string kk, string ru) => $"{kk}\n{ru}";

    public static BilingualText Vote(VoteChoice vote) => vote switch
    {
        VoteChoice.For => Capitalised(Glossary.VoteFor.Bilingual),
        VoteChoice.Against => Capitalised(Glossary.VoteAgainst.Bilingual),
        VoteChoice.Abstain => Capitalised(Glossary.VoteAbstain.Bilingual),
        _ => throw new ArgumentOutOfRangeException(nameof(vote)),
    };

    /// <summary>The tally in the glossary's words: «жақтап» — 5, «қарсы» — 1, «қалыс қалды» — 1 ‖ «за» — 5, «против» — 1, «воздержались» — 1.</summary>
    public static BilingualText Tally(int votesFor, int against, int abstain) => new(
        $"«{Glossary.TallyFor.Kk}» — {votesFor}, «{Glossary.TallyAgainst.Kk}» — {against}, «{Glossary.TallyAbstain.Kk}» — {abstain}",
        $"«{Glossary.TallyFor.Ru}» — {votesFor}, «{Glossary.TallyAgainst.Ru}» — {against}, «{Glossary.TallyAbstain.Ru}» — {abstain}");

    private static BilingualText Capitalised(BilingualText text) => new(Capitalised(text.Kk), Capitalised(text.Ru));

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A name as signatures print it: "Нұрлан Қасымов" → "Н. Қасымов", "Сергей Иванович Волков" → "С.И. Волков" (given names first, surname last).</summary>
    public static string Initials(string fullName)
    {
        var words = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length < 2)
        {
            return fullName.Trim();
        }

        return string.Concat(words[..^1].Select(w => char.ToUpperInvariant(w[0]) + ".")) + " " + words[^1];
    }

    /// <summary>A name in a table cell: one line when both forms agree, the Kazakh form over the Russian one otherwise.</summary>
    public static string NameCell(BilingualText name) =>
        string.Equals(name.Kk, name.Ru, StringComparison.Ordinal) || name.Ru.Length == 0 ? name.Kk : name.Kk.Length == 0 ? name.Ru : Stacked(name);

    /// <summary>
    /// A side's Russian name in the genitive, for "от Республики Казахстан" / "от Российской Федерации":
    /// adjectives and the first noun change, the rest (an apposition) stays.
    /// </summary>
    public static string RussianGenitive(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (w.EndsWith("ая", StringComparison.Ordinal))
            {
                words[i] = w[..^2] + "ой";
                continue;
            }

            if (w.EndsWith("ия", StringComparison.Ordinal))
            {
                words[i] = w[..^2] + "ии";
            }
            else if (w.Length > 1 && w.EndsWith('а') && "кгхжшчщ".Contains(w[^2], StringComparison.Ordinal))
            {
                words[i] = w[..^1] + "и";
            }
            else if (w.EndsWith('а'))
            {
                words[i] = w[..^1] + "ы";
            }

            break;
        }

        return string.Join(' ', words);
    }

    public static BilingualText LanguageName(DocumentLanguage language) => language switch
    {
        DocumentLanguage.Kazakh => new("қазақ тілінде", "на казахском языке"),
        DocumentLanguage.Russian => new("орыс тілінде", "на русском языке"),
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };

    public static string ShortHash(string hash) => hash.Length <= 16 ? hash : hash[..16];

    /// <summary>One row of two level columns: Kazakh left, Russian right.</summary>
    public static ParallelColumnsBlock Row(string kk, string ru, TextStyle style, TextAlign align = TextAlign.Left, double spaceAfter = 2, double spaceBefore = 0) =>
        new([new Paragraph(kk, style, align, SpaceBefore: spaceBefore, SpaceAfter: spaceAfter)],
            [new Paragraph(ru, style, align, SpaceBefore: spaceBefore, SpaceAfter: spaceAfter)]);

    public static ParallelColumnsBlock Row(BilingualText text, TextStyle style, TextAlign align = TextAlign.Left, double spaceAfter = 2, double spaceBefore = 0) =>
        Row(text.Kk, text.Ru, style, align, spaceAfter, spaceBefore);

    /// <summary>The letterhead: both names of the commission, then a double rule.</summary>
    public static IEnumerable<Block> Letterhead(BilingualText commission)
    {
        yield return Row(commission.Kk.ToUpperInvariant(), commission.Ru.ToUpperInvariant(), LetterheadStyle, TextAlign.Center, spaceAfter: 0);
        yield return new RuleBlock(Thickness: 1.2, SpaceBefore: 6, SpaceAfter: 10) { Double = true };
    }

    /// <summary>A section heading that never ends a page.</summary>
    public static ParallelColumnsBlock SectionHeading(string kk, string ru, TextAlign align = TextAlign.Left) =>
        Row(kk, ru, Heading, align, spaceAfter: 6, spaceBefore: 10) with { KeepWithNext = true };

    /// <summary>The standard annex mark at the top right (glossary): «Мемлекетаралық комиссияның 2026 жылғы 21 қарашадағы № 5 шешіміне 1-қосымша» ‖ «Приложение № 1 к решению Межгосударственной комиссии от 21 ноября 2026 г. № 5».</summary>
    public static ParallelColumnsBlock AnnexMark(int number, string decisionNumber, DateOnly date) =>
        Row($"{Glossary.CommissionGenitive.Kk}\n{KazakhDateAttributive(date)} № {decisionNumber}\nшешіміне {number}-қосымша",
            $"Приложение № {number}\nк решению {Glossary.CommissionGenitive.Ru}\nот {RussianDate(date)} № {decisionNumber}",
            Small, TextAlign.Right, spaceAfter: 8);

    /// <param name="auditCheckpoint">The audit trail's signed checkpoint at issue ("length/head hash"), printed when given (issue #14).</param>
    public static ImageBlock VerificationBlock(byte[] qrPng, Uri url, string hash, string? auditCheckpoint = null) =>
        new(qrPng, 78,
        [
            new Paragraph("Құжаттың түпнұсқалығын тексеру · Проверка подлинности документа", Small.AsBold(), TextAlign.Left, SpaceAfter: 2),
            new Paragraph(url.ToString(), Small, TextAlign.Left, SpaceAfter: 2),
            new Paragraph($"SHA-256: {hash}", Small, TextAlign.Left, SpaceAfter: 2),
            .. auditCheckpoint is null
                ? Array.Empty<Paragraph>()
                : [new Paragraph($"Аудит журналының бақылау нүктесі · Контрольная точка журнала аудита: {auditCheckpoint}", Small, TextAlign.Left, SpaceAfter: 2)],
            new Paragraph("QR-кодты сканерлеңіз немесе сілтемені ашыңыз: сервер құжаттың ресімделген нұсқаға сәйкестігін растайды.", Small, TextAlign.Left, SpaceAfter: 1),
            new Paragraph("Отсканируйте QR-код или откройте ссылку: сервер подтвердит, что документ совпадает с оформленным.", Small, TextAlign.Left),
        ]);
}
