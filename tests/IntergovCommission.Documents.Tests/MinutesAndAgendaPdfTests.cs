using IntergovCommission.Documents.Rendering;

using IntergovCommission.Testing;

namespace IntergovCommission.Documents.Tests;

public sealed class MinutesAndAgendaPdfTests
{
    private static readonly DocumentRenderer Renderer = new(new DocumentsOptions());

    [Fact]
    public void Minutes_list_attendance_quorum_with_its_rule_each_item_and_dissent()
    {
        var pdf = Renderer.RenderMinutes(Samples.Minutes());
        var text = PdfTools.Text(pdf);
        var pages = PdfTools.PageCount(pdf);

        Assert.Contains("Мемлекетаралық комиссия отырысының № 5 ХАТТАМАСЫ", text);
        Assert.Contains("ПРОТОКОЛ № 5 заседания Межгосударственной комиссии", text);
        Assert.DoesNotContain("Комиссии № 5", text);
        Assert.Contains("Заседание правомочно: присутствуют 7 из 9 членов с правом голоса (необходимо не менее 6, п. 10 Положения).", text);
        Assert.Contains("Отырыс заңды: дауыс беру құқығы бар 9 мүшенің 7 мүшесі қатысты (кемінде 6 қажет, Ереженің 10-тармағы).", text);
        Assert.DoesNotContain("KZRU", text);
        Assert.Contains("ТӨРАҒАЛЫҚ ЕТКЕНДЕР:", text);
        Assert.Contains("ПРЕДСЕДАТЕЛЬСТВОВАЛИ:", text);
        Assert.Contains("ҚАТЫСҚАНДАР:", text);
        Assert.Contains("ПРИСУТСТВОВАЛИ:", text);
        Assert.Contains("ШАҚЫРЫЛҒАН ТҰЛҒАЛАР:", text);
        Assert.Contains("ПРИГЛАШЕННЫЕ ЛИЦА:", text);
        Assert.Contains("3. ТЫҢДАЛДЫ:", text);
        Assert.Contains("3. СЛУШАЛИ:", text);
        Assert.Contains("ШЕШІЛДІ:", text);
        Assert.Contains("РЕШИЛИ:", text);
        Assert.Contains("Представитель: Мәди Жұмабеков", text);
        Assert.Contains("В режиме видеоконференции", text);
        Assert.Contains("Андрей Соколов", text);
        Assert.Contains("Принять решение № 5-3 (прилагается).", text);
        Assert.Contains("Голосовали: «за» — 5, «против» — 1, «воздержались» — 1.", text);
        Assert.Contains("Дауыс беру нәтижелері: «жақтап» — 5, «қарсы» — 1, «қалыс қалды» — 1.", text);
        Assert.Contains("Передать вопрос экспертной группе", text);
        Assert.Contains("сараптама тобына берілсін", text);
        Assert.Contains("Председательствующий _____________ К. Абдрахманов", text);
        Assert.Contains("Төрағалық етуші _____________ Қ. Әбдірахманов", text);
        Assert.Contains("Секретарь _____________ Е. Морозова", text);
        Assert.Contains(Samples.DissentText.Split('\n')[0], text);
        Assert.Contains($"Бет · Страница {pages} / {pages}", text);
    }

    [Fact]
    public void Minutes_without_quorum_say_so()
    {
        var minutes = Samples.Minutes() with { Quorum = new QuorumLine(false, 4, 21, 14, "10") };
        var text = PdfTools.Text(Renderer.RenderMinutes(minutes));

        Assert.Contains("Заседание неправомочно: присутствуют 4 из 21 члена с правом голоса", text);
        Assert.Contains("Отырыс заңды емес:", text);
        Assert.DoesNotContain("Заседание правомочно", text);
    }

    [Fact]
    public void Agenda_lists_items_in_both_languages_and_the_invited_persons()
    {
        var text = PdfTools.Text(Renderer.RenderAgenda(Samples.Agenda()));

        Assert.Contains("КҮН ТӘРТІБІ", text);
        Assert.Contains("ПОВЕСТКА ДНЯ", text);
        Assert.Contains("2. Ұшыру кешенін пайдалануға беру туралы", text);
        Assert.Contains("2. О вводе в эксплуатацию стартового комплекса", text);
        Assert.Contains("Докладчик: Иван Петров", text);
        Assert.Contains("Павел Орлов", text);
        Assert.Contains("Программа испытаний", text);
        Assert.Contains("УТВЕРЖДЕНА сопредседателями Межгосударственной комиссии 10 ноября 2026 г.", text);
        Assert.Contains("Мемлекетаралық комиссияның тең төрағалары БЕКІТКЕН 2026 жылғы 10 қараша", text);
        Assert.DoesNotContain("ПРОЕКТ", text);
        Assert.Contains("ШАҚЫРЫЛҒАН ТҰЛҒАЛАР", text);
        Assert.Contains("ПРИГЛАШЕННЫЕ ЛИЦА", text);
        Assert.Contains("Сөз сөйлеу тақырыбы", text);
        Assert.Contains("заседания № 5 Межгосударственной комиссии", text);
        Assert.Contains("10.11.2026 11:00 (UTC+05:00)", text);
    }

    [Fact]
    public void Agenda_prints_the_speakers_and_the_organisation_in_Kazakh_where_given_and_the_one_text_otherwise()
    {
        var pdf = Renderer.RenderAgenda(Samples.Agenda());
        var kk = Columns.Kazakh(pdf);
        var ru = Columns.Russian(pdf);
        var text = PdfTools.Text(pdf);

        Assert.Contains("Баяндамашы: Ержан Сәрсенбаев", kk);
        Assert.DoesNotContain("Сарсенбаев", kk);
        Assert.Contains("Докладчик: Ержан Сарсенбаев", ru);
        Assert.DoesNotContain("Сәрсенбаев", ru);
        // No Kazakh form given: the one text in both columns, as before.
        Assert.Contains("Баяндамашы: Иван Петров", kk);
        Assert.Contains("Докладчик: Иван Петров", ru);
        Assert.Contains("«РКО «Прогресс» АҚ", text);
        Assert.Contains("АО «РКЦ «Прогресс»", text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "«Бәйтерек» БК» АҚ"));
    }

    [Fact]
    public void Without_Kazakh_forms_an_agenda_entry_and_an_invited_person_serialise_as_before_so_content_hashes_are_unchanged()
    {
        var entry = new AgendaEntry(2, new("A", "B"), "Ivan Petrov");
        var invited = new InvitedPerson("Pavel Orlov", "Progress", new("T", string.Empty), [1, 3]);

        Assert.Equal("""{"Number":2,"Title":{"Kk":"A","Ru":"B"},"Speaker":"Ivan Petrov"}""", System.Text.Json.JsonSerializer.Serialize(entry));
        Assert.Equal("""{"Name":"Pavel Orlov","Organisation":"Progress","Topic":{"Kk":"T","Ru":""},"Items":[1,3]}""", System.Text.Json.JsonSerializer.Serialize(invited));
        Assert.Contains("\"SpeakerKk\":\"Ivan\"", System.Text.Json.JsonSerializer.Serialize(entry with { SpeakerKk = "Ivan" }), StringComparison.Ordinal);
        Assert.Contains("\"OrganisationKk\":\"P\"", System.Text.Json.JsonSerializer.Serialize(invited with { OrganisationKk = "P" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Agenda_awaiting_a_co_chair_is_not_marked_approved()
    {
        var agenda = Samples.Agenda();
        agenda = agenda with { Approvals = [agenda.Approvals[0], agenda.Approvals[1] with { ApprovedAt = null }] };
        var text = PdfTools.Text(Renderer.RenderAgenda(agenda));

        Assert.Contains("ЖОБА", text);
        Assert.Contains("ПРОЕКТ", text);
        Assert.DoesNotContain("УТВЕРЖДЕНА", text);
        Assert.DoesNotContain("БЕКІТКЕН", text);
        Assert.Contains("Ожидается", text);
    }
}
