using DocumentFormat.OpenXml.Packaging;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Execution;
using IntergovCommission.Domain.Treaties;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Execution;
using IntergovCommission.Web.Features.Treaties;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Treaties;

/// <summary>
/// WF-07 on real PostgreSQL: the register of treaties (fields (1)-(8)), the annual report drafted from the year's record (field (9)'s
/// figures), fields (10) and (12) written by the Kazakh side's secretariat only, the PDF and the editable DOCX.
/// </summary>
public sealed class TreatyReportTests(TreatyReportTests.Fixture fixture) : IClassFixture<TreatyReportTests.Fixture>
{
    private readonly TestApp _app = fixture.App;
    private readonly Demo _demo = fixture.Demo;

    public sealed class Fixture : IAsyncLifetime
    {
        public TestApp App { get; private set; } = null!;
        internal Demo Demo { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            App = await TestApp.CreateAsync();
            Demo = await Demo.OfAsync(App);
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private static int Year => DateTime.UtcNow.Year;

    private SaveTreaty.Command NewTreaty(string name = "Соглашение о сотрудничестве в области космической деятельности") => new()
    {
        CommissionId = _demo.CommissionId,
        ReportingSideId = _demo.KzSideId,
        NameRu = name,
        NameKk = "Ғарыш қызметі саласындағы ынтымақтастық туралы келісім",
        ConcludedOn = new DateOnly(2020, 5, 14),
        SigningActs = "Постановление № 1 от 01.05.2020",
        InForceOn = new DateOnly(2021, 2, 1),
        Validity = "бессрочно",
        ResponsibleBodies = "Аэрокосмический комитет — сводный",
        Subject = "Космическая деятельность",
    };

    private async Task<Guid> BaiterekAsync() => await _app.QueryAsync(db =>
        db.Treaties.Where(t => t.CommissionId == _demo.CommissionId && t.ConcludedOn == new DateOnly(2004, 12, 22)).Select(t => t.Id).SingleAsync());

    [Fact]
    public async Task The_demo_register_holds_the_agreement_establishing_the_commission_and_the_Baiterek_agreement()
    {
        var register = await _app.SendAsAsync("ru.member", new ListTreaties.Query(_demo.CommissionId));

        Assert.Contains(register.Treaties, t => t.ConcludedOn == new DateOnly(2025, 11, 12) && t.NameRu.Contains("межгосударственной комиссии", StringComparison.Ordinal) && t.ReportingSide == "KZ");
        Assert.Contains(register.Treaties, t => t.ConcludedOn == new DateOnly(2004, 12, 22) && t.NameRu.Contains("«Байтерек»", StringComparison.Ordinal));
        Assert.False(register.CanKeepRegister);
    }

    [Fact]
    public async Task A_secretary_keeps_the_register_and_a_stale_correction_is_refused()
    {
        var created = await _app.SendAsAsync("ru.secretary", NewTreaty());
        var read = await _app.SendAsAsync("kz.secretary", new GetTreaty.Query(created.TreatyId));
        var correction = NewTreaty();
        correction.TreatyId = created.TreatyId;
        correction.Subject = "Космическая деятельность в мирных целях";
        correction.Version = read.Version;

        await _app.SendAsAsync("kz.secretary", correction);
        correction.Subject = "Другое";
        await Assert.ThrowsAsync<ConflictException>(() => _app.SendAsAsync("ru.secretary", correction));

        var saved = await _app.SendAsAsync("kz.member", new GetTreaty.Query(created.TreatyId));
        Assert.Equal("Космическая деятельность в мирных целях", saved.Details.Subject);
        Assert.True(await _app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "SaveTreaty.Command")));
    }

    [Fact]
    public async Task A_member_may_not_keep_the_register_and_bad_input_names_the_field()
    {
        var count = await _app.QueryAsync(db => db.Treaties.CountAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsAsync("kz.member", NewTreaty()));
        var noName = NewTreaty();
        noName.NameRu = noName.NameKk = " ";
        var invalid = await Assert.ThrowsAsync<InputValidationException>(() => _app.SendAsAsync("kz.secretary", noName));
        var early = NewTreaty();
        early.InForceOn = new DateOnly(2019, 1, 1);
        var order = await Assert.ThrowsAsync<InputValidationException>(() => _app.SendAsAsync("kz.secretary", early));

        Assert.Contains("NameRu", invalid.Errors.Keys);
        Assert.Contains("InForceOn", order.Errors.Keys);
        Assert.Equal(count, await _app.QueryAsync(db => db.Treaties.CountAsync()));
    }

    [Fact]
    public async Task The_report_counts_the_years_assignments_by_side_and_the_decisions_by_kind()
    {
        var treaty = await BaiterekAsync();
        var before = await _app.SendAsAsync("kz.secretary", new GetTreatyReport.Query(treaty, Year));
        var nextBefore = await _app.SendAsAsync("kz.secretary", new GetTreatyReport.Query(treaty, Year + 1));
        var dueNextYear = new DateOnly(Year + 1, 3, 2);
        foreach (var (user, side) in new[] { ("kz.cochair", _demo.KzSideId), ("kz.cochair", _demo.KzSideId), ("ru.cochair", _demo.RuSideId) })
        {
            await _app.SendAsAsync(user, new CreateAssignment.Command
            {
                CommissionId = _demo.CommissionId, SideId = side, Source = AssignmentSource.CoChairAct, SourceAct = "Поручение сопредседателя № 3",
                TaskRu = "Представить отчёт о подготовке к летным испытаниям", Organisation = "Аэрокосмический комитет", DueOn = dueNextYear,
            });
        }

        var after = await _app.SendAsAsync("kz.secretary", new GetTreatyReport.Query(treaty, Year));
        var nextAfter = await _app.SendAsAsync("kz.secretary", new GetTreatyReport.Query(treaty, Year + 1));

        int Given(GetTreatyReport.Result r, string side) => r.Figures.Sides.SingleOrDefault(s => s.Side == side)?.Given ?? 0;
        int Due(GetTreatyReport.Result r, string side) => r.Figures.Sides.SingleOrDefault(s => s.Side == side)?.Due ?? 0;
        Assert.Equal((2, 1), (Given(after, "KZ") - Given(before, "KZ"), Given(after, "RU") - Given(before, "RU")));
        Assert.Equal((2, 1), (Due(nextAfter, "KZ") - Due(nextBefore, "KZ"), Due(nextAfter, "RU") - Due(nextBefore, "RU")));
        var decisions = await _app.QueryAsync(db => (from d in db.Decisions join s in db.Sessions on d.SessionId equals s.Id
                                                     where d.CommissionId == _demo.CommissionId && d.State != Domain.Decisions.DecisionState.Superseded && s.StartsAt.Year == Year
                                                     select d.Id).CountAsync());
        Assert.Equal(decisions, after.Figures.Decisions);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"KZ — дано {Given(after, "KZ")}"), after.Statistics.Ru, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(Year + 1, 1, 10), after.Deadline);
    }

    [Fact]
    public async Task Only_the_Kazakh_secretary_writes_fields_10_and_12()
    {
        var treaty = await BaiterekAsync();
        var write = new SaveTreatyReport.Command
        {
            TreatyId = treaty, Year = Year - 1, Problems = "Проблемных вопросов не выявлено.", Proposal = TreatyProposal.Continue,
        };

        var ru = await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsAsync("ru.secretary", write));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsAsync("kz.member", write));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsAsync("kz.cochair", write));
        await _app.SendAsAsync("kz.secretary", write);
        var report = await _app.SendAsAsync("ru.secretary", new GetTreatyReport.Query(treaty, Year - 1));

        Assert.Equal("KZRU-07", ru.RuleId);
        Assert.Equal(("Проблемных вопросов не выявлено.", TreatyProposal.Continue), (report.Problems, report.Proposal));
        Assert.False(report.CanWrite);
        Assert.True((await _app.SendAsAsync("kz.secretary", new GetTreatyReport.Query(treaty, Year - 1))).CanWrite);
        Assert.True(await _app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "SaveTreatyReport.Command")));
    }

    [Fact]
    public async Task Other_needs_words_and_a_stale_save_is_refused()
    {
        var treaty = await BaiterekAsync();
        var other = new SaveTreatyReport.Command { TreatyId = treaty, Year = Year - 2, Proposal = TreatyProposal.Other };
        var invalid = await Assert.ThrowsAsync<InputValidationException>(() => _app.SendAsAsync("kz.secretary", other));
        other.ProposalText = "Подготовить протокол о внесении изменений";
        await _app.SendAsAsync("kz.secretary", other);
        other.Problems = "Задержка уведомления";

        await Assert.ThrowsAsync<ConflictException>(() => _app.SendAsAsync("kz.secretary", other));
        var read = await _app.SendAsAsync("kz.secretary", new GetTreatyReport.Query(treaty, Year - 2));
        other.Version = read.Version;
        await _app.SendAsAsync("kz.secretary", other);
        other.Problems = "Третья правка";
        await Assert.ThrowsAsync<ConflictException>(() => _app.SendAsAsync("kz.secretary", other));

        Assert.Contains("ProposalText", invalid.Errors.Keys);
        Assert.Equal("Задержка уведомления", (await _app.SendAsAsync("kz.secretary", new GetTreatyReport.Query(treaty, Year - 2))).Problems);
    }

    [Fact]
    public async Task The_DOCX_opens_and_holds_every_field_and_the_PDF_reads_the_same()
    {
        var treaty = await BaiterekAsync();
        await _app.SendAsAsync("kz.secretary", new SaveTreatyReport.Command
        {
            TreatyId = treaty, Year = Year - 3, Measures = "Проведены консультации экспертов.", Problems = "Требуется уточнить порядок уведомлений.",
            Proposal = TreatyProposal.Extend, ProposalText = "Продлить на 10 лет",
        });

        var docx = await _app.SendAsAsync("ru.member", new GetTreatyReportFile.Query(treaty, Year - 3, TreatyReportFormat.Docx));
        var pdf = await _app.SendAsAsync("ru.member", new GetTreatyReportFile.Query(treaty, Year - 3, TreatyReportFormat.Pdf));

        Assert.Equal(TreatyReportFile.DocxType, docx.ContentType);
        using var document = WordprocessingDocument.Open(new MemoryStream(docx.Content), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var table = Assert.Single(body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>());
        var rows = table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().ToList();
        Assert.Equal(13, rows.Count); // the header and fields (1)-(12)
        string Cell(int field) => string.Join("\n", rows[field].Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Last()
            .Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        Assert.Contains("«Байтерек»", Cell(1), StringComparison.Ordinal);
        Assert.Equal("22.12.2004", Cell(2));
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"За {Year - 3} год: проведено заседаний"), Cell(9), StringComparison.Ordinal);
        Assert.Contains("Проведены консультации экспертов.", Cell(9), StringComparison.Ordinal);
        Assert.Equal("Требуется уточнить порядок уведомлений.", Cell(10));
        Assert.Contains("Заполняется Министерством иностранных дел", Cell(11), StringComparison.Ordinal);
        Assert.Contains("4) продлить действие", Cell(12), StringComparison.Ordinal);
        Assert.Contains("Продлить на 10 лет", Cell(12), StringComparison.Ordinal);

        var text = PdfTools.Text(pdf.Content);
        Assert.Contains("Требуется уточнить порядок", text, StringComparison.Ordinal);
        Assert.Contains("Сыртқы істер министрлігі", text, StringComparison.Ordinal);
        Assert.Contains("продлить действие", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_of_a_year_out_of_range_is_refused_by_field()
    {
        var treaty = await BaiterekAsync();

        var refusal = await Assert.ThrowsAsync<InputValidationException>(() => _app.SendAsAsync("kz.secretary", new GetTreatyReport.Query(treaty, 1200)));

        Assert.Contains("Year", refusal.Errors.Keys);
    }

    [Fact]
    public async Task The_fixed_report_dates_include_the_treaty_report_on_10_January()
    {
        var dates = await _app.SendAsAsync("kz.member", new GetReportDates.Query(_demo.CommissionId));

        Assert.Contains(dates, d => d.Kind == FixedReportKind.Treaties && d.On.Month == 1 && d.On.Day == 10);
        Assert.Contains(dates, d => d.Kind == FixedReportKind.HalfYear && (d.On.Month, d.On.Day) is (6, 15) or (12, 15));
        Assert.All(dates, d => Assert.True(d.WorkingDaysLeft["KZ"] >= 0));
    }
}
