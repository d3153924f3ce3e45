using System.Text.RegularExpressions;
using IntergovCommission.Documents.Rendering;
using PdfSharp.Pdf.IO;

using IntergovCommission.Testing;

namespace IntergovCommission.Documents.Tests;

public sealed partial class DecisionPdfTests
{
    private static readonly DocumentRenderer Renderer = new(new DocumentsOptions());

    [Fact]
    public void Decision_text_carries_both_languages_every_signer_and_the_dissent()
    {
        var pdf = Renderer.RenderDecision(Samples.Decision());
        var text = PdfTools.Text(pdf);

        Assert.Contains("ШЕШІМ", text);
        Assert.Contains("РЕШЕНИЕ", text);
        Assert.Contains("Казахстанско-российская межгосударственная комиссия", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Қазақстан-Ресей мемлекетаралық комиссиясы", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("2026 жылғы 21 қараша № 5-3", text);
        Assert.Contains("21 ноября 2026 г. № 5-3", text);
        Assert.Contains("Байқоңыр қ.", text);
        Assert.Contains("г. Байконур", text);
        var kk = Columns.Kazakh(pdf);
        var ru = Columns.Russian(pdf);
        Assert.Contains("Мемлекетаралық комиссия ШЕШІМ ҚАБЫЛДАДЫ:", kk);
        Assert.Contains("Межгосударственная комиссия РЕШИЛА:", ru);
        Assert.Contains("Дауыс беру нәтижелері: «жақтап» — 5, «қарсы» — 1, «қалыс қалды» — 1.", kk);
        Assert.Contains("Голосовали: «за» — 5, «против» — 1, «воздержались» — 1.", ru);
        foreach (var word in new[] { "мақұлдансын.", "тапсырылсын.", "хабарлайды.", "Одобрить", "Поручить", "Возложить", "этапа." })
        {
            Assert.Contains(word, text);
        }

        foreach (var signer in Samples.Signers)
        {
            Assert.Contains(signer.Kk, text);
            Assert.Contains(signer.Ru, text);
        }

        Assert.Contains("Қайрат Әбдірахманов", text);
        Assert.Contains("Кайрат Абдрахманов", text);
        Assert.Contains("Сергей Волков", text);
        Assert.Contains("21.11.2026 17:40 (UTC+05:00)", text);
        Assert.Contains("21.11.2026 14:12 (UTC+03:00)", text);
        Assert.Contains("ОСОБЫЕ МНЕНИЯ", text);
        Assert.Contains(Samples.DissentText.Replace("\n", " ", StringComparison.Ordinal), text);
        Assert.Contains("Голос внесен секретарем со слов члена Межгосударственной комиссии", ru);
        Assert.Contains("Дауысты Мемлекетаралық комиссия мүшесінің айтуы бойынша хатшы енгізді", kk);
        Assert.Contains("«за» — 5, «против» — 1, «воздержались» — 1", text);
        Assert.Contains(Samples.Decision().VerificationUrl.ToString(), text);

        // The QR code is embedded once, a square image.
        var images = PdfTools.Run("pdfimages", pdf, "-list", "{pdf}").Output.Split('\n')
            .Where(l => l.Contains(" image ", StringComparison.Ordinal)).ToList();
        var columns = Assert.Single(images).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(columns[3], columns[4]);
    }

    [Fact]
    public void Kazakh_letters_come_out_of_the_pdf_as_written()
    {
        const string lower = "әғқңөұүһі";
        const string upper = "ӘҒҚҢӨҰҮҺІ";
        var decision = Samples.Decision() with { TextKk = [.. Samples.TextKk, $"Әліпби: {lower} {upper}."] };
        var pdf = Renderer.RenderDecision(decision);
        var text = PdfTools.Text(pdf);

        Assert.Contains($"Әліпби: {lower} {upper}.", text);
        var fonts = PdfTools.Run("pdffonts", pdf).Output;
        Assert.Matches(@"DejaVu Sans\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes", fonts); // embedded subset with a ToUnicode map
        Assert.DoesNotContain("Helvetica", fonts, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_decision_breaks_into_the_expected_pages_and_every_page_says_X_of_Y()
    {
        // 200 one-line paragraphs a side: each pair is one 13 pt line plus 5 pt spacing, so a full body
        // page (728.5 pt) holds exactly 40 pairs; the first page holds what is left under the heading.
        var kk = Enumerable.Range(1, 200).Select(i => $"{i:000}-тармақ. Сынақ кезеңі.").ToArray();
        var ru = Enumerable.Range(1, 200).Select(i => $"Пункт {i:000}. Этап испытаний.").ToArray();
        var pdf = Renderer.RenderDecision(Samples.Decision() with { TextKk = kk, TextRu = ru });

        var pages = PdfTools.PageCount(pdf);
        using (var reader = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import))
        {
            Assert.Equal(pages, reader.PageCount);
        }

        var pageTexts = Enumerable.Range(1, pages).Select(p => PdfTools.Text(pdf, p)).ToList();
        for (var p = 1; p <= pages; p++)
        {
            Assert.Contains($"Бет · Страница {p} / {pages}", pageTexts[p - 1]);
            Assert.Contains($"Шешім · Решение № 5-3 · SHA-256 {Samples.Hash[..16]}", pageTexts[p - 1]);
        }

        int PageOf(string marker) => pageTexts.FindIndex(t => t.Contains(marker, StringComparison.Ordinal)) + 1;
        var onFirstPage = Enumerable.Range(1, 200).Count(i => pageTexts[0].Contains($"Пункт {i:000}.", StringComparison.Ordinal));
        Assert.InRange(onFirstPage, 10, 39); // under the letterhead, the two approval stamps and the heading
        for (var i = 1; i <= 200; i++)
        {
            var page = PageOf($"Пункт {i:000}.");
            Assert.True(page > 0, $"paragraph {i} is missing");
            Assert.Equal(page, PageOf($"{i:000}-тармақ.")); // the pair stays side by side
            var expected = i <= onFirstPage ? 1 : 2 + (i - onFirstPage - 1) / 40;
            Assert.Equal(expected, page);
        }

        var lastTextPage = 2 + (200 - onFirstPage - 1) / 40;
        // After the text: approval block (same or next page), two signature-sheet copies, annex 1, annex 2.
        Assert.InRange(pages, lastTextPage + 4, lastTextPage + 5);
    }

    [Fact]
    public void Full_route_prints_the_signature_sheet_once_per_copy()
    {
        var pdf = Renderer.RenderDecision(Samples.Decision(copies: 2));
        var pages = Enumerable.Range(1, PdfTools.PageCount(pdf)).Select(p => PdfTools.Text(pdf, p)).ToList();

        var first = pages.FindIndex(t => t.Contains("Экземпляр 1 из 2", StringComparison.Ordinal));
        var second = pages.FindIndex(t => t.Contains("Экземпляр 2 из 2", StringComparison.Ordinal));
        Assert.True(first >= 0 && second > first, "both copies are printed, in order, on their own pages");
        foreach (var sheet in new[] { pages[first], pages[second] })
        {
            Assert.Contains("ЛИСТ ПОДПИСАНИЯ", sheet);
            Assert.Contains("ҚОЛ ҚОЮ ПАРАҒЫ", sheet);
            Assert.All(Samples.Signers, s => Assert.Contains(s.Kk, sheet));
        }

        Assert.Equal(2, pages.Count(t => t.Contains("ЛИСТ ПОДПИСАНИЯ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Short_route_prints_one_signature_sheet_without_copy_numbers()
    {
        var decision = Samples.Decision(copies: 1) with
        {
            Signatures =
            [
                new SignatureEntry(Samples.KzSecretary, Samples.Kazakhstan, Samples.Secretary, new DateTimeOffset(2026, 11, 21, 16, 0, 0, Samples.Astana)),
                new SignatureEntry(Samples.RuSecretary, Samples.Russia, Samples.Secretary, null),
            ],
        };
        var text = PdfTools.Text(Renderer.RenderDecision(decision));

        Assert.Single(SheetTitle().Matches(text));
        Assert.DoesNotContain("Экземпляр", text);
        Assert.Contains("Гүлнар Оспанова", text);
        Assert.Contains("Елена Морозова", text);
        Assert.Contains("Ожидается", text); // the awaited signature is shown as awaited, not left blank
        Assert.Contains("Секретари Межгосударственной комиссии:", text);
        Assert.DoesNotContain("Члены Межгосударственной комиссии:", text);
    }

    [Fact]
    public void Decision_without_dissent_has_no_second_annex()
    {
        var text = PdfTools.Text(Renderer.RenderDecision(Samples.Decision() with { DissentingOpinions = [] }));

        Assert.DoesNotContain("ОСОБЫЕ МНЕНИЯ", text);
        Assert.Contains("Особых мнений не поступало", text);
        Assert.Contains("ПОИМЕННОЕ ГОЛОСОВАНИЕ", text);
    }

    [Fact]
    public void Long_roll_call_repeats_its_table_header_on_every_page_it_spans()
    {
        var members = Enumerable.Range(1, 90)
            .Select(i => new RollCallEntry(new BilingualText($"Мүше-{i:000} Тестов", $"Мүше-{i:000} Тестов"), i % 2 == 0 ? Samples.Russia : Samples.Kazakhstan, VoteChoice.For, false))
            .ToList();
        var pdf = Renderer.RenderDecision(Samples.Decision() with { RollCall = members, DissentingOpinions = [] });
        var pages = Enumerable.Range(1, PdfTools.PageCount(pdf)).Select(p => PdfTools.Text(pdf, p)).ToList();

        var annex = pages.FindIndex(t => t.Contains("ПОИМЕННОЕ ГОЛОСОВАНИЕ", StringComparison.Ordinal));
        var spanned = pages.Skip(annex).Where(t => t.Contains("Мүше-", StringComparison.Ordinal)).ToList();
        Assert.True(spanned.Count >= 2, "90 rows do not fit on one page");
        Assert.All(spanned, t => Assert.Contains("Фамилия, имя", t));
        for (var i = 1; i <= 90; i++)
        {
            Assert.Single(spanned, t => t.Contains($"Мүше-{i:000} Тестов", StringComparison.Ordinal));
        }

        Assert.Contains("Итого: «за» — 90, «против» — 0, «воздержались» — 0.", pages[^1]);
    }

    [Fact]
    public void Co_chairs_approve_with_a_stamp_per_side_at_the_top_of_the_first_page()
    {
        var pdf = Renderer.RenderDecision(Samples.Decision());
        var first = PdfTools.Text(pdf, 1);
        var kk = Columns.Kazakh(pdf, 1);
        var ru = Columns.Russian(pdf, 1);

        Assert.Contains("БЕКІТЕМІН Мемлекетаралық комиссияның Қазақстан Республикасы тарапынан тең төрағасы _________ Қ. Әбдірахманов 2026 жылғы 21 қараша", kk);
        Assert.Contains("БЕКІТЕМІН Мемлекетаралық комиссияның Ресей Федерациясы тарапынан тең төрағасы _________ С. Волков 2026 жылғы 21 қараша", kk);
        Assert.Contains("УТВЕРЖДАЮ Сопредседатель Межгосударственной комиссии от Республики Казахстан _________ К. Абдрахманов 21 ноября 2026 г.", ru);
        Assert.Contains("УТВЕРЖДАЮ Сопредседатель Межгосударственной комиссии от Российской Федерации _________ С. Волков 21 ноября 2026 г.", ru);
        Assert.True(ru.IndexOf("УТВЕРЖДАЮ", StringComparison.Ordinal) < ru.IndexOf("РЕШЕНИЕ", StringComparison.Ordinal), "the stamp is above the heading");
        Assert.DoesNotContain("УТВЕРЖДЕНО СОПРЕДСЕДАТЕЛЯМИ", first);
    }

    [Fact]
    public void Signature_sheet_names_the_decision_with_the_attributive_date_and_says_what_the_signers_did()
    {
        var pdf = Renderer.RenderDecision(Samples.Decision());
        var text = PdfTools.Text(pdf);
        var kk = Columns.Kazakh(pdf);
        var ru = Columns.Russian(pdf);

        Assert.Contains("Мемлекетаралық комиссияның 2026 жылғы 21 қарашадағы № 5-3 шешіміне", kk);
        Assert.Contains("к решению Межгосударственной комиссии от 21 ноября 2026 г. № 5-3", ru);
        Assert.Contains(Columns.Squash("Әрбір қол қоюшы ақпараттық жүйеде жеке басын қайта растап, құжат мазмұнын (SHA-256: " + Samples.Hash + ") растады."), Columns.Squash(kk));
        Assert.Contains(Columns.Squash("Каждый подписавший подтвердил содержание документа (SHA-256: " + Samples.Hash + ") повторной аутентификацией в информационной системе."), Columns.Squash(ru));
        Assert.DoesNotContain("электрондық қол қойды", text);
        Assert.DoesNotContain("подписал электронно", text);
        Assert.Contains("Комиссиядағы лауазымы", text);
        Assert.DoesNotContain("Мәртебесі", text);
        Assert.Contains("Мемлекетаралық комиссияның 2026 жылғы 21 қарашадағы № 5-3 шешіміне 1-қосымша", kk);
        Assert.Contains("Приложение № 1 к решению Межгосударственной комиссии от 21 ноября 2026 г. № 5-3", ru);
    }

    [Fact]
    public void Internal_metadata_goes_to_the_document_properties_not_the_body()
    {
        var pdf = Renderer.RenderDecision(Samples.Decision());
        var text = PdfTools.Text(pdf);
        var info = PdfTools.Run("pdfinfo", pdf, "-enc", "UTF-8", "{pdf}").Output;

        Assert.DoesNotContain("Вид решения", text);
        Assert.DoesNotContain("Шешім түрі", text);
        Assert.DoesNotContain(Samples.Decision().Kind.Ru, text);
        Assert.Contains(Samples.Decision().Kind.Ru, info);
        Assert.Contains("sha256:" + Samples.Hash, info);
    }

    [Fact]
    public void Decision_says_what_cl_13_says_about_its_languages()
    {
        var pdf = Renderer.RenderDecision(Samples.Decision());
        var text = PdfTools.Text(pdf);

        Assert.Contains("Решение оформлено на русском языке (п. 13 Положения); текст на казахском языке приведен параллельно.", Columns.Russian(pdf));
        Assert.Contains("Шешім орыс тілінде ресімделді (Ереженің 13-тармағы); қазақ тіліндегі мәтіні қатар берілген.", Columns.Kazakh(pdf));
        Assert.DoesNotContain("равную силу", text);
        Assert.DoesNotContain("бірдей күші", text);
    }

    [Fact]
    public void Decision_without_Russian_text_is_refused() =>
        Assert.Throws<ArgumentException>(() => Renderer.RenderDecision(Samples.Decision() with { TextRu = [" "] }));

    [GeneratedRegex("ЛИСТ ПОДПИСАНИЯ")]
    private static partial Regex SheetTitle();
}

public sealed class DecisionLayoutTests
{
    private static readonly DocumentRenderer Renderer = new(new DocumentsOptions());

    [Fact]
    public void Each_Kazakh_paragraph_starts_level_with_its_Russian_counterpart()
    {
        var pages = Renderer.LayoutDecision(Samples.Decision());
        var lines = pages[0].Texts.ToList();
        double TopOf(string paragraph) => lines.First(t => paragraph.StartsWith(t.Text, StringComparison.Ordinal)).Top;

        for (var i = 0; i < Samples.TextKk.Length; i++)
        {
            var kk = lines.First(t => Samples.TextKk[i].StartsWith(t.Text, StringComparison.Ordinal));
            var ru = lines.First(t => Samples.TextRu[i].StartsWith(t.Text, StringComparison.Ordinal));
            Assert.Equal(kk.Top, ru.Top, 6);
            Assert.True(kk.X < ru.X, "Kazakh is the left column");
        }

        Assert.True(TopOf(Samples.TextKk[1]) > TopOf(Samples.TextKk[0]));
    }

    [Fact]
    public void Every_word_of_both_texts_and_the_dissent_reaches_the_pdf()
    {
        var decision = Samples.Decision();
        var words = PdfTools.Text(Renderer.RenderDecision(decision)).Split(' ').ToHashSet(StringComparer.Ordinal);

        var expected = decision.TextKk.Concat(decision.TextRu).Append(Samples.DissentText)
            .SelectMany(p => p.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.All(expected, w => Assert.Contains(w, words));
    }
}
