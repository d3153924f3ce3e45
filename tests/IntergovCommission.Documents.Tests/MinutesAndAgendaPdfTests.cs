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

        Assert.Contains("ХАТТАМА", text);
        Assert.Contains("ПРОТОКОЛ", text);
        Assert.Contains("Кворум имеется: присутствуют 7 из 9 имеющих право голоса, необходимо не менее 5 (KZRU-16).", text);
        Assert.Contains("Кворум бар:", text);
        Assert.Contains("Представитель: Мәди Жұмабеков", text);
        Assert.Contains("По видеосвязи", text);
        Assert.Contains("Андрей Соколов", text);
        Assert.Contains("Решение принято (решение № 5-3).", text);
        Assert.Contains("Голосование: «за» — 5, «против» — 1, «воздержались» — 1.", text);
        Assert.Contains("Вопрос передан экспертной группе", text);
        Assert.Contains(Samples.DissentText.Split('\n')[0], text);
        Assert.Contains("Елена Морозова", text);
        Assert.Contains($"Бет · Страница {pages} / {pages}", text);
    }

    [Fact]
    public void Minutes_without_quorum_say_so()
    {
        var minutes = Samples.Minutes() with { Quorum = new QuorumLine(false, 4, 9, 5, "KZRU-16") };
        var text = PdfTools.Text(Renderer.RenderMinutes(minutes));

        Assert.Contains("Кворума нет: присутствуют 4 из 9", text);
        Assert.DoesNotContain("Кворум имеется", text);
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
        Assert.Contains("Утверждена сопредседателями", text);
        Assert.Contains("10.11.2026 11:00 (UTC+05:00)", text);
    }

    [Fact]
    public void Agenda_awaiting_a_co_chair_is_not_marked_approved()
    {
        var agenda = Samples.Agenda();
        agenda = agenda with { Approvals = [agenda.Approvals[0], agenda.Approvals[1] with { ApprovedAt = null }] };
        var text = PdfTools.Text(Renderer.RenderAgenda(agenda));

        Assert.Contains("На утверждении у сопредседателей", text);
        Assert.DoesNotContain("Утверждена сопредседателями", text);
        Assert.Contains("Ожидается", text);
    }
}
