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

    private static readonly string[] RussianMonthsGenitive =
        ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

    /// <summary>"2026 жылғы 21 қараша".</summary>
    public static string KazakhDate(DateOnly date) => $"{date.Year} жылғы {date.Day} {KazakhMonths[date.Month - 1]}";

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
        VoteChoice.For => new("Қолдады", "За"),
        VoteChoice.Against => new("Қарсы", "Против"),
        VoteChoice.Abstain => new("Қалыс қалды", "Воздержался"),
        _ => throw new ArgumentOutOfRangeException(nameof(vote)),
    };

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

    /// <summary>Annex marking at the top right: "№ 1 қосымша" | "Приложение № 1 к решению № …".</summary>
    public static ParallelColumnsBlock AnnexMark(int number, string decisionNumber, DateOnly date) =>
        Row($"№ {decisionNumber} шешімге\n{number}-қосымша",
            $"Приложение № {number}\nк решению № {decisionNumber} от {RussianDate(date)}",
            Small, TextAlign.Right, spaceAfter: 8);

    public static ImageBlock VerificationBlock(byte[] qrPng, Uri url, string hash) =>
        new(qrPng, 78,
        [
            new Paragraph("Құжаттың түпнұсқалығын тексеру · Проверка подлинности документа", Small.AsBold(), TextAlign.Left, SpaceAfter: 2),
            new Paragraph(url.ToString(), Small, TextAlign.Left, SpaceAfter: 2),
            new Paragraph($"SHA-256: {hash}", Small, TextAlign.Left, SpaceAfter: 2),
            new Paragraph("QR-кодты сканерлеңіз немесе сілтемені ашыңыз: сервер құжаттың шығарылған нұсқаға сәйкестігін растайды.", Small, TextAlign.Left, SpaceAfter: 1),
            new Paragraph("Отсканируйте QR-код или откройте ссылку: сервер подтвердит, что документ совпадает с выпущенным.", Small, TextAlign.Left),
        ]);
}
