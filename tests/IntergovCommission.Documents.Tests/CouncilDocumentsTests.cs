using IntergovCommission.Documents.Rendering;
using IntergovCommission.Testing;

namespace IntergovCommission.Documents.Tests;

/// <summary>
/// The documents of the CIS Council on Industrial Policy (seed 002): Russian only (CIS-13), one vote per
/// state (CIS-01), the chair signs alone (CIS-09), dissent entered in the minutes (CIS-08), and the body
/// named in its own words («Совет РЕШИЛ:», not the Interstate Commission's).
/// </summary>
public sealed class CouncilDocumentsTests
{
    private static readonly DocumentRenderer Renderer = new(new DocumentsOptions());

    /// <summary>The letters of Kazakh that Russian does not have: none may appear in a Russian-only document.</summary>
    private static readonly char[] KazakhLetters = ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і', 'Ә', 'Ғ', 'Қ', 'Ң', 'Ө', 'Ұ', 'Ү', 'Һ', 'І'];

    private static readonly IssuingBody Council = new()
    {
        Languages = ["ru"],
        Name = LanguageText.Of(("ru", "Совет")),
        Genitive = LanguageText.Of(("ru", "Совета")),
        Resolved = LanguageText.Of(("ru", "Совет РЕШИЛ:")),
        PositionHeader = LanguageText.Of(("ru", "Должность в Совете")),
        AgendaApproved = LanguageText.Of(("ru", "УТВЕРЖДЕНА Председателем Совета")),
        AgendaApprovalHeading = LanguageText.Of(("ru", "УТВЕРЖДЕНИЕ ПРЕДСЕДАТЕЛЕМ СОВЕТА")),
        ApproverHeader = LanguageText.Of(("ru", "Председатель Совета")),
        VotesByState = true,
        DissentInMinutes = true,
        ExpertGroupClause = "5.7",
    };

    private const string CouncilName = "Совет по промышленной политике государств — участников СНГ";

    // The data a Russian-only caller has: the Russian text in both slots of the (KZRU-shaped) records; the Kazakh slot is never printed.
    private static BilingualText Ru(string text) => new(text, text);

    private static readonly BilingualText Chair = Ru("Ерлан Жаксыбеков");
    private static readonly BilingualText ChairPosition = Ru("Председатель Совета");
    private static readonly BilingualText Kazakhstan = Ru("Казахстан");
    private static readonly BilingualText Belarus = Ru("Беларусь");
    private static readonly BilingualText Russia = Ru("Россия");
    private static readonly BilingualText Armenia = Ru("Армения");

    private const string Dissent = "Считаю необходимым до принятия решения получить заключения отраслевых министерств всех государств — участников.";

    private static DecisionDocument CouncilDecision() => new(
        Ru(CouncilName),
        Number: "2-1",
        Date: new DateOnly(2026, 12, 13),
        Place: Ru("г. Астана"),
        SessionNumber: 2,
        AgendaItemTitle: Ru("О Программе промышленной кооперации на 2027–2029 годы"),
        Kind: Ru("Иное"),
        TextKk: [],
        TextRu: ["Одобрить Программу промышленной кооперации на 2027–2029 годы.", "Секретариату Совета направить решение членам Совета в двухнедельный срок."],
        Approvals: [],
        Signatures: [new SignatureEntry(Chair, Kazakhstan, ChairPosition, new DateTimeOffset(2026, 12, 13, 15, 10, 0, TimeSpan.FromHours(5)))],
        SignatureCopies: 1,
        RollCall:
        [
            new RollCallEntry(Ru("Арам Саргсян"), Armenia, VoteChoice.Against, true),
            new RollCallEntry(Ru("Виктор Лукашевич"), Belarus, VoteChoice.For, false),
            new RollCallEntry(Chair, Kazakhstan, VoteChoice.For, false),
            new RollCallEntry(Ru("Олег Смирнов"), Russia, VoteChoice.For, false),
        ],
        DissentingOpinions: [],
        ContentHash: Samples.Hash,
        VerificationUrl: new Uri("https://council.example.org/Verify/2-1"),
        SignedByPosition: true,
        Body: Council);

    private static MinutesDocument CouncilMinutes() => new(
        Ru(CouncilName), 2, new DateOnly(2026, 12, 13), Ru("г. Астана"), Ru("очная"),
        Presiding: [Chair],
        Attendance:
        [
            new AttendanceEntry("Арам Саргсян", Armenia, Ru("Член Совета"), AttendanceMode.InPerson),
            new AttendanceEntry("Виктор Лукашевич", Belarus, Ru("Член Совета"), AttendanceMode.InPerson),
            new AttendanceEntry("Ерлан Жаксыбеков", Kazakhstan, ChairPosition, AttendanceMode.InPerson),
            new AttendanceEntry("Олег Смирнов", Russia, Ru("Член Совета"), AttendanceMode.Video),
        ],
        Quorum: new QuorumLine(true, 5, 7, 5, "5.3"),
        Items:
        [
            new MinutesItem(1, Ru("О Программе промышленной кооперации на 2027–2029 годы"), ItemOutcome.Adopted, new VoteTally(3, 1, 0), "2-1",
                [new DissentingOpinion("Арам Саргсян", Armenia, Dissent, DocumentLanguage.Russian)]),
            new MinutesItem(2, Ru("О плане работы Совета на 2027 год"), ItemOutcome.ReferredToExpertGroup, null, null, []),
        ],
        Signatories: [new MinutesSignatory(Chair, Ru("Председательствующий")), new MinutesSignatory(Ru("Динара Ахметова"), Ru("Секретариат Совета"))],
        ContentHash: Samples.Hash,
        Body: Council);

    /// <summary>GOLDEN_PDF_DIR=/some/folder writes the council's PDFs there, to look at while reviewing.</summary>
    private static void Dump(string name, byte[] pdf)
    {
        if (Environment.GetEnvironmentVariable("GOLDEN_PDF_DIR") is { Length: > 0 } dump)
        {
            File.WriteAllBytes(Path.Combine(dump, $"{name}.pdf"), pdf);
        }
    }

    [Fact]
    public void A_council_decision_is_in_Russian_only_the_Council_decided_and_the_chair_signs_alone_CIS_09_CIS_13()
    {
        var pdf = Renderer.RenderDecision(CouncilDecision());
        Dump("council-decision", pdf);
        var text = PdfTools.Text(pdf);

        Assert.Empty(text.Where(KazakhLetters.Contains).Distinct());
        Assert.DoesNotContain("Шешім", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Межгосударственн", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Сопредседател", text, StringComparison.Ordinal);
        Assert.DoesNotContain("УТВЕРЖДАЮ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Члены", text, StringComparison.Ordinal);
        Assert.DoesNotContain("казахском", text, StringComparison.Ordinal);
        Assert.Contains("Совет РЕШИЛ:", text, StringComparison.Ordinal);
        Assert.Contains("13 декабря 2026 г. № 2-1", text, StringComparison.Ordinal);

        // CIS-09: one signature line, under the position.
        var lines = GoldenTextTests.ColumnText(pdf, 0, 595).Split('\n');
        var signatureLines = lines.Where(l => l.Contains("_______________", StringComparison.Ordinal)).ToList();
        var signature = Assert.Single(signatureLines);
        Assert.Matches(@"^\s*Председатель Совета\s+_+\s+Е\. Жаксыбеков\s*$", signature);

        // CIS-01: the tally and the roll call count states, one line per state with who cast its vote.
        Assert.Contains("Голосовали: «за» — 3 государства, «против» — 1 государство, «воздержались» — 0 государств.", text, StringComparison.Ordinal);
        Assert.Contains("Государство", text, StringComparison.Ordinal);
        Assert.Contains("Голос подал(а)", text, StringComparison.Ordinal);
        Assert.Contains("* Голос внесен секретариатом со слов представителя государства.", text, StringComparison.Ordinal);
        Assert.Contains("Приложение № 1\nк решению Совета\nот 13 декабря 2026 г. № 2-1", string.Join('\n', lines), StringComparison.Ordinal);

        // CIS-08: dissent is not annexed to the decision (it is entered in the minutes), and the decision does not claim there was none.
        Assert.DoesNotContain("ОСОБЫЕ МНЕНИЯ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Особых мнений не поступало", text, StringComparison.Ordinal);
        Assert.Contains("ЛИСТ ПОДПИСАНИЯ", text, StringComparison.Ordinal);
        Assert.Contains("Должность в Совете", text, StringComparison.Ordinal);
        Assert.Contains("Проверка подлинности документа", text, StringComparison.Ordinal);

        var info = PdfTools.Run("pdfinfo", pdf, "-enc", "UTF-8", "{pdf}");
        Assert.Equal(0, info.ExitCode);
        Assert.Contains("Решение № 2-1", info.Output, StringComparison.Ordinal);
        Assert.Empty(info.Output.Where(KazakhLetters.Contains).Distinct());
    }

    [Fact]
    public void A_council_decision_prints_one_full_width_column()
    {
        var pages = Renderer.LayoutDecision(CouncilDecision());
        var first = GoldenTextTests.ColumnText(Renderer.RenderDecision(CouncilDecision()), 0, 595, page: 1);

        // The operative text runs across the page, not in a 40-character column.
        Assert.Contains(first.Split('\n'), l => l.Contains("Одобрить Программу промышленной кооперации на 2027–2029 годы.", StringComparison.Ordinal));
        Assert.True(pages.Count >= 3);
    }

    [Fact]
    public void Council_minutes_count_states_and_enter_the_dissenting_opinion_CIS_05_CIS_08()
    {
        var pdf = Renderer.RenderMinutes(CouncilMinutes());
        Dump("council-minutes", pdf);
        var text = PdfTools.Text(pdf);

        Assert.Empty(text.Where(KazakhLetters.Contains).Distinct());
        Assert.Contains("ПРОТОКОЛ № 2 заседания Совета", text, StringComparison.Ordinal);
        Assert.Contains("Заседание правомочно: представлены 5 из 7 государств (необходимо не менее 5, п. 5.3 Положения).", text, StringComparison.Ordinal);
        Assert.Contains("Голосовали: «за» — 3 государства, «против» — 1 государство, «воздержались» — 0 государств.", text, StringComparison.Ordinal);
        Assert.Contains("ОСОБЫЕ МНЕНИЯ:", text, StringComparison.Ordinal);
        Assert.Contains("1. Арам Саргсян (Армения). Особое мнение изложено на русском языке:", text, StringComparison.Ordinal);
        Assert.Contains("Считаю необходимым до принятия решения получить заключения", text, StringComparison.Ordinal);
        Assert.Contains("(п. 5.7 Положения)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("п. 10 Положения", text, StringComparison.Ordinal);
        Assert.Contains("Государство", text, StringComparison.Ordinal);
        Assert.Contains("Должность в Совете", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Межгосударственн", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Хаттама", text, StringComparison.Ordinal);
        Assert.Empty(Glossary.ReplacedWordsIn(text));
    }

    [Fact]
    public void A_council_agenda_is_approved_by_the_chair_in_Russian_only()
    {
        var agenda = new AgendaDocument(
            Ru(CouncilName), 2, new DateOnly(2026, 12, 13), Ru("г. Астана"), Ru("очная"),
            [new AgendaEntry(1, Ru("О Программе промышленной кооперации на 2027–2029 годы"), "Ахметова Д.")],
            [new InvitedPerson("Иван Орлов", "АО «Промкооперация»", new("Итоги 2026 года", string.Empty), [1])],
            [new CoChairApproval(Chair, Kazakhstan, new DateTimeOffset(2026, 11, 10, 11, 0, 0, TimeSpan.FromHours(5)))],
            ContentHash: null,
            Body: Council);
        var text = PdfTools.Text(Renderer.RenderAgenda(agenda));

        Assert.Empty(text.Where(KazakhLetters.Contains).Distinct());
        Assert.Contains("УТВЕРЖДЕНА Председателем Совета", text, StringComparison.Ordinal);
        Assert.Contains("заседания № 2 Совета", text, StringComparison.Ordinal);
        Assert.Contains("Итоги 2026 года", text, StringComparison.Ordinal);
        Assert.DoesNotContain("сопредседател", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_Russian_only_decision_needs_no_Kazakh_text_but_a_bilingual_one_does()
    {
        Renderer.RenderDecision(CouncilDecision());
        var ex = Assert.Throws<ArgumentException>(() => Renderer.RenderDecision(Samples.Decision() with { TextKk = [] }));
        Assert.Equal("The decision has no Kazakh text.", ex.Message);
        var unknown = Assert.Throws<ArgumentException>(() => Renderer.RenderDecision(CouncilDecision() with { Body = Council with { Languages = ["hy"] } }));
        Assert.Contains("\"hy\"", unknown.Message, StringComparison.Ordinal);
    }
}
