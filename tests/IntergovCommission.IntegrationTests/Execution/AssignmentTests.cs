using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntergovCommission.Domain.Calendars;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Execution;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Calendars;
using IntergovCommission.Web.Features.Execution;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntergovCommission.IntegrationTests.Execution;

/// <summary>
/// KZRU-05/07, WF-02/05/06 on real PostgreSQL: the assignment life cycle and its refusals, extension approval by the right co-chair
/// only, a calendar edit moving dependent deadlines, the control list, two controllers answering the same report at once.
/// </summary>
public sealed class AssignmentTests(AssignmentTests.Fixture fixture) : IClassFixture<AssignmentTests.Fixture>
{
    private readonly TestApp _app = fixture.App;
    private readonly Demo _demo = fixture.Demo;

    public sealed class Fixture : IAsyncLifetime
    {
        public TestApp App { get; private set; } = null!;
        internal Demo Demo { get; private set; } = null!;
        public Guid DecisionId { get; private set; }

        public async Task InitializeAsync()
        {
            App = await TestApp.CreateAsync();
            Demo = await Demo.OfAsync(App);
            DecisionId = await DecisionScenario.IssuedAsync(App);
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private static DateOnly KzToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty")).DateTime);

    private async Task<CreateAssignment.Command> NewAsync(int? workingDays = 5, DateOnly? dueOn = null, string organisation = "АО «Национальная компания «Қазақстан Ғарыш Сапары»»") => new()
    {
        CommissionId = _demo.CommissionId,
        SideId = _demo.KzSideId,
        DecisionId = fixture.DecisionId,
        TaskRu = "Представить график подготовки стартового комплекса",
        TaskKk = "Старттық кешенді дайындау кестесін ұсыну",
        Organisation = organisation,
        ResponsiblePersonId = await Demo.PersonOfAsync(_app, "kz.member"),
        WorkingDays = dueOn is null ? workingDays : null,
        DueOn = dueOn,
    };

    private Task<int> CountAsync() => _app.QueryAsync(db => db.Assignments.CountAsync());

    [Fact]
    public async Task A_decision_assignment_is_reported_with_a_file_and_accepted_and_every_step_is_audited()
    {
        var created = await _app.SendAsAsync("kz.secretary", await NewAsync());
        var expected = await _app.SendAsAsync("kz.secretary", new CountWorkingDays.Query("KZ", KzToday, 5));
        Assert.Equal(expected.Date, created.DueOn);
        Assert.Equal(expected.Rule, created.Rule);

        var report = await _app.SendAsAsync("kz.member", new SubmitReport.Command
        {
            AssignmentId = created.AssignmentId, Text = "График представлен письмом № 12-34.",
            Files = [new ReportUpload("grafik.pdf", new MemoryStream(Materials.MaterialTests.Pdf("grafik")))],
        });
        var submitted = await _app.SendAsAsync("kz.secretary", new GetAssignment.Query(created.AssignmentId));
        Assert.Equal(AssignmentState.ReportSubmitted, submitted.State);
        Assert.True(submitted.Viewer.CanDecide);
        Assert.Equal("grafik.pdf", Assert.Single(Assert.Single(submitted.Reports).Files).FileName);

        await _app.SendAsAsync("kz.secretary", new AcceptReport.Command(created.AssignmentId, report.ReportId, submitted.Version));

        var done = await _app.SendAsAsync("kz.member", new GetAssignment.Query(created.AssignmentId));
        Assert.Equal(AssignmentState.Accepted, done.State);
        Assert.False(done.Overdue);
        Assert.False(done.Viewer.CanReport);
        var actions = await _app.QueryAsync(db => db.AuditEntries.Where(a => a.Action.StartsWith("CreateAssignment") || a.Action.StartsWith("SubmitReport") || a.Action.StartsWith("AcceptReport"))
            .Select(a => a.Action).ToListAsync());
        Assert.Contains("CreateAssignment.Command", actions);
        Assert.Contains("SubmitReport.Command", actions);
        Assert.Contains("AcceptReport.Command", actions);
    }

    [Fact]
    public async Task A_report_is_returned_only_with_a_reason_and_the_work_is_owed_again()
    {
        var created = await _app.SendAsAsync("kz.secretary", await NewAsync());
        var report = await _app.SendAsAsync("kz.member", new SubmitReport.Command { AssignmentId = created.AssignmentId, Text = "Частично." });

        var noReason = await Assert.ThrowsAsync<InputValidationException>(() => _app.SendAsAsync("kz.secretary", new ReturnReport.Command { AssignmentId = created.AssignmentId, ReportId = report.ReportId, Reason = " " }));
        Assert.Contains("Reason", noReason.Errors.Keys);
        await _app.SendAsAsync("kz.secretary", new ReturnReport.Command { AssignmentId = created.AssignmentId, ReportId = report.ReportId, Reason = "Нет подписи руководителя" });

        var returned = await _app.SendAsAsync("kz.member", new GetAssignment.Query(created.AssignmentId));
        Assert.Equal(AssignmentState.Returned, returned.State);
        Assert.Equal("Нет подписи руководителя", returned.Reports[0].ReturnReason);
        Assert.True(returned.Viewer.CanReport);
    }

    [Fact]
    public async Task Refusals_cite_the_rule_and_save_nothing()
    {
        var before = await CountAsync();
        var past = await NewAsync(dueOn: KzToday.AddDays(-1));
        var zero = await NewAsync(workingDays: 0);
        var otherSide = await NewAsync();

        Assert.Contains("DueOn", (await Assert.ThrowsAsync<InputValidationException>(() => _app.SendAsAsync("kz.secretary", past))).Errors.Keys);
        Assert.Contains("WorkingDays", (await Assert.ThrowsAsync<InputValidationException>(() => _app.SendAsAsync("kz.secretary", zero))).Errors.Keys);
        Assert.Equal("KZRU-07", (await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsAsync("ru.secretary", otherSide))).RuleId);
        Assert.Equal("KZRU-07", (await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsAsync("admin", otherSide))).RuleId);
        Assert.Equal(before, await CountAsync());

        var created = await _app.SendAsAsync("kz.secretary", await NewAsync());
        await _app.SendAsAsync("kz.secretary", new CancelAssignment.Command { AssignmentId = created.AssignmentId, Reason = "Решением № 7 поручение отменено" });
        var reports = await _app.QueryAsync(db => db.AssignmentReports.CountAsync());
        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => _app.SendAsAsync("kz.member", new SubmitReport.Command { AssignmentId = created.AssignmentId, Text = "Сделано" }));
        Assert.Equal("KZRU-07", refusal.RuleId);
        Assert.Equal("Execution.Rule.Cancelled", refusal.Key);
        Assert.Equal(reports, await _app.QueryAsync(db => db.AssignmentReports.CountAsync()));
    }

    [Fact]
    public async Task An_assignment_is_entered_while_the_decision_is_drafted()
    {
        var adopted = await _app.QueryAsync(db => db.Decisions.Where(d => d.State == Domain.Decisions.DecisionState.Adopted).Select(d => (Guid?)d.Id).FirstOrDefaultAsync());
        var command = await NewAsync();
        command.DecisionId = adopted ?? (await DecisionScenario.AdoptedAsync(_app, Domain.Regulation.DecisionKind.ProgrammeApprovalOrChange)).DecisionId;

        var created = await _app.SendAsAsync("kz.secretary", command);

        Assert.Equal(command.DecisionId, await _app.QueryAsync(db => db.Assignments.Where(a => a.Id == created.AssignmentId).Select(a => a.DecisionId).SingleAsync()));
    }

    [Fact]
    public async Task An_assignment_entered_at_drafting_follows_the_decision_when_it_is_corrected()
    {
        var adopted = await DecisionScenario.AdoptedAsync(_app, Domain.Regulation.DecisionKind.ProgrammeApprovalOrChange);
        var command = await NewAsync();
        command.DecisionId = adopted.DecisionId;
        var created = await _app.SendAsAsync("kz.secretary", command);

        var corrected = await _app.SendAsAsync("ru.secretary", new Web.Features.Decisions.CorrectDecision.Command
        {
            DecisionId = adopted.DecisionId,
            TitleKk = "Ұшу сынақтарының бағдарламасын бекіту туралы",
            TitleRu = "Об утверждении программы лётных испытаний",
            TextKk = DecisionScenario.KazakhText,
            TextRu = DecisionScenario.RussianText + " (уточнено)",
            Reason = "Уточнение формулировки",
        });

        Assert.NotEqual(adopted.DecisionId, corrected);
        Assert.Equal(corrected, await _app.QueryAsync(db => db.Assignments.Where(a => a.Id == created.AssignmentId).Select(a => a.DecisionId).SingleAsync()));
    }

    [Fact]
    public async Task The_decision_page_offers_its_secretaries_to_enter_an_assignment_under_it_and_a_member_not()
    {
        var adopted = await DecisionScenario.AdoptedAsync(_app, Domain.Regulation.DecisionKind.ProgrammeApprovalOrChange);
        var link = $"/Execution/Create?commissionId={await _app.QueryAsync(db => db.Decisions.Where(d => d.Id == adopted.DecisionId).Select(d => d.CommissionId).SingleAsync())}&amp;decisionId={adopted.DecisionId}";
        foreach (var (user, offered) in new[] { ("kz.secretary", true), ("kz.member", false) })
        {
            using var web = new Account.WebSession(_app);
            await web.SignInAsync(user, Web.Data.DemoDataSeeder.DemoPassword);
            var page = await web.GetAsync($"/Decisions/Details/{adopted.DecisionId}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(offered, page.Html.Contains(link, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task An_extension_takes_effect_only_when_the_co_chair_of_that_side_approves_it()
    {
        var created = await _app.SendAsAsync("kz.secretary", await NewAsync());
        var asked = await _app.SendAsAsync("kz.member", new RequestExtension.Command { AssignmentId = created.AssignmentId, WorkingDays = 20, Reason = "Ждём заключение Роскосмоса" });
        Assert.Equal(created.DueOn, (await _app.SendAsAsync("kz.member", new GetAssignment.Query(created.AssignmentId))).DueOn);

        foreach (var wrong in new[] { "ru.cochair", "kz.secretary", "kz.deputy", "admin" })
        {
            var refused = await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsAsync(wrong, new ApproveExtension.Command(created.AssignmentId, asked.ExtensionId)));
            Assert.Equal("KZRU-04", refused.RuleId);
        }

        Assert.True((await _app.SendAsAsync("kz.cochair", new GetAssignment.Query(created.AssignmentId))).Viewer.CanApproveExtension);
        await _app.SendAsAsync("kz.cochair", new ApproveExtension.Command(created.AssignmentId, asked.ExtensionId));

        var extended = await _app.SendAsAsync("kz.member", new GetAssignment.Query(created.AssignmentId));
        Assert.Equal(asked.ProposedDueOn, extended.DueOn);
        Assert.Equal(created.DueOn, extended.OriginalDueOn);
        Assert.True(Assert.Single(extended.Extensions).Approved);
    }

    [Fact]
    public async Task A_co_chair_gives_an_assignment_by_their_own_act_and_a_secretary_cannot()
    {
        var command = await NewAsync();
        command.Source = AssignmentSource.CoChairAct;
        command.DecisionId = null;
        command.SourceAct = "Поручение сопредседателя от 01.12.2026: представить заключение";

        Assert.Equal("KZRU-05", (await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsAsync("kz.secretary", command))).RuleId);
        Assert.Equal("KZRU-05", (await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsAsync("ru.cochair", command))).RuleId);
        var created = await _app.SendAsAsync("kz.cochair", command);

        var stored = await _app.SendAsAsync("kz.member", new GetAssignment.Query(created.AssignmentId));
        Assert.Equal(AssignmentSource.CoChairAct, stored.Source);
        Assert.Null(stored.DecisionId);
    }

    [Fact]
    public async Task A_calendar_edit_moves_the_deadlines_counted_on_it_and_says_which()
    {
        var created = await _app.SendAsAsync("kz.secretary", await NewAsync(workingDays: 3));
        var dated = await _app.SendAsAsync("kz.secretary", await NewAsync(dueOn: created.DueOn));
        var firstDay = (await _app.SendAsAsync("admin", new CountWorkingDays.Query("KZ", KzToday, 1))).Date;
        var year = await _app.SendAsAsync("admin", new GetCalendarYear.Query("KZ", firstDay.Year));

        var change = await _app.SendAsAsync("admin", new SaveCalendarDay.Command
        {
            Country = "KZ", Date = firstDay, Kind = CalendarDayKind.DayOff, MovedFrom = firstDay.AddDays(-1), Note = "test decree", Version = year.Version,
        });

        try
        {
            var moved = Assert.Single(change.MovedDeadlines, m => m.AssignmentId == created.AssignmentId);
            Assert.Equal(created.DueOn, moved.From);
            Assert.True(moved.To > created.DueOn);
            Assert.DoesNotContain(change.MovedDeadlines, m => m.AssignmentId == dated.AssignmentId);
            Assert.Equal(moved.To, (await _app.SendAsAsync("kz.member", new GetAssignment.Query(created.AssignmentId))).DueOn);
            Assert.Equal(created.DueOn, (await _app.SendAsAsync("kz.member", new GetAssignment.Query(dated.AssignmentId))).DueOn);
            var trail = await _app.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "SaveCalendarDay.Command").OrderByDescending(a => a.At).Select(a => a.Changes).FirstAsync());
            Assert.Contains("Assignment", trail, StringComparison.Ordinal);
        }
        finally
        {
            var after = await _app.SendAsAsync("admin", new GetCalendarYear.Query("KZ", firstDay.Year));
            await _app.SendAsAsync("admin", new RemoveCalendarDay.Command { Country = "KZ", Date = firstDay, Version = after.Version });
        }
    }

    [Fact]
    public async Task The_control_list_derives_overdue_counts_and_groups_by_organisation()
    {
        var late = await _app.SendAsAsync("kz.secretary", await NewAsync(organisation: "ТОО «Просрочка»"));
        await _app.QueryAsync(db => db.Assignments.Where(a => a.Id == late.AssignmentId).ExecuteUpdateAsync(s => s.SetProperty(a => a.DueOn, KzToday.AddDays(-3))));
        var soon = await _app.SendAsAsync("kz.secretary", await NewAsync(workingDays: 1, organisation: "ТОО «Просрочка»"));

        var overdue = await _app.SendAsAsync("kz.secretary", new ListAssignments.Query(_demo.CommissionId, Filter: ControlFilter.Overdue));
        var dueSoon = await _app.SendAsAsync("ru.member", new ListAssignments.Query(_demo.CommissionId, Filter: ControlFilter.DueSoon, DueWithin: 1));
        var mine = await _app.SendAsAsync("kz.member", new ListAssignments.Query(null, Filter: ControlFilter.All, Mine: true));

        Assert.Contains(overdue.Rows, r => r.Id == late.AssignmentId && r.Overdue);
        Assert.DoesNotContain(overdue.Rows, r => r.Id == soon.AssignmentId);
        Assert.Contains(dueSoon.Rows, r => r.Id == soon.AssignmentId && r.WorkingDaysLeft == 1);
        var group = Assert.Single(overdue.ByOrganisation, g => g.Key == "ТОО «Просрочка»");
        Assert.Equal(2, group.Unfinished);
        Assert.Equal(1, group.Overdue);
        Assert.True(overdue.Counts.Overdue >= 1);
        Assert.Contains(mine.Rows, r => r.Id == late.AssignmentId);
        await Demo.NewUserAsync(_app, "exec.outsider");
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsAsync("exec.outsider", new ListAssignments.Query(_demo.CommissionId)));
    }

    [Fact]
    public async Task Two_controllers_answering_the_same_report_at_once_one_wins_and_the_other_is_told()
    {
        using var first = await WorkingDayCalendarTests.ClientAsync(_app, "kz.secretary");
        using var second = await WorkingDayCalendarTests.ClientAsync(_app, "kz.secretary");
        for (var round = 0; round < 5; round++)
        {
            var created = await _app.SendAsAsync("kz.secretary", await NewAsync());
            var report = await _app.SendAsAsync("kz.member", new SubmitReport.Command { AssignmentId = created.AssignmentId, Text = $"Раунд {round}" });
            var version = (await _app.SendAsAsync("kz.secretary", new GetAssignment.Query(created.AssignmentId))).Version;

            var accept = first.PostAsJsonAsync($"/api/v1/assignments/{created.AssignmentId}/accept", new { reportId = report.ReportId, version });
            var @return = second.PostAsJsonAsync($"/api/v1/assignments/{created.AssignmentId}/return", new { reportId = report.ReportId, reason = "Нет подписи", version });
            var answers = await Task.WhenAll(accept, @return);

            var codes = answers.Select(a => a.StatusCode).ToList();
            Assert.Single(codes, c => c == HttpStatusCode.NoContent);
            Assert.Single(codes, c => c is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity);
            var state = (await _app.SendAsAsync("kz.secretary", new GetAssignment.Query(created.AssignmentId))).State;
            Assert.Equal(answers[0].StatusCode == HttpStatusCode.NoContent ? AssignmentState.Accepted : AssignmentState.Returned, state);
        }
    }

    [Fact]
    public async Task The_api_creates_lists_and_refuses_a_past_deadline_naming_the_field()
    {
        using var client = await WorkingDayCalendarTests.ClientAsync(_app, "kz.secretary");
        var body = await NewAsync();

        var created = await client.PostAsJsonAsync($"/api/v1/commissions/{_demo.CommissionId}/assignments", body);
        var refused = await client.PostAsJsonAsync($"/api/v1/commissions/{_demo.CommissionId}/assignments", (await NewAsync()).With(dueOn: KzToday.AddDays(-2)));
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/commissions/{_demo.CommissionId}/assignments?filter=All");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("dueOn", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.True(list.GetProperty("rows").GetArrayLength() >= 1);
    }

    [Fact]
    public async Task The_csv_report_neutralises_cells_a_spreadsheet_would_run_as_formulas()
    {
        var command = await NewAsync(organisation: "=HYPERLINK(\"http://evil.example\",\"x\")");
        command.TaskRu = "+1+1";
        command.ResponsiblePersonId = null;
        command.ResponsibleName = "@SUM(A1:A9)";
        await _app.SendAsAsync("kz.secretary", command);

        var csv = await _app.SendAsAsync("ru.member", new GetExecutionReportCsv.Query(_demo.CommissionId, KzToday.AddDays(-1), KzToday.AddMonths(2)));
        var text = System.Text.Encoding.UTF8.GetString(csv.Content);

        Assert.Equal([0xEF, 0xBB, 0xBF], csv.Content[..3]);
        var cells = text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Skip(1).SelectMany(line => line.Split(';')).Select(c => c.Trim('"')).ToList();
        Assert.Contains(cells, c => c.StartsWith("'=HYPERLINK", StringComparison.Ordinal));
        Assert.Contains(cells, c => c == "'+1+1");
        Assert.Contains(cells, c => c == "'@SUM(A1:A9)");
        Assert.DoesNotContain(cells, c => c.Length > 0 && "=+-@".Contains(c[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_pdf_report_lists_an_accepted_assignment_as_done_under_its_organisation_with_the_discipline()
    {
        var created = await _app.SendAsAsync("kz.secretary", await NewAsync(organisation: "ТОО «Отчётная организация»"));
        var report = await _app.SendAsAsync("kz.member", new SubmitReport.Command { AssignmentId = created.AssignmentId, Text = "Исполнено." });
        await _app.SendAsAsync("kz.secretary", new AcceptReport.Command(created.AssignmentId, report.ReportId));

        var pdf = await _app.SendAsAsync("kz.member", new GetExecutionReportPdf.Query(_demo.CommissionId, KzToday.AddDays(-1), KzToday.AddMonths(2)));
        var text = PdfTools.Text(pdf.Content);

        Assert.Contains("СВОДНЫЙ ОТЧЁТ ОБ ИСПОЛНЕНИИ ПОРУЧЕНИЙ", text, StringComparison.Ordinal);
        Assert.Contains("Отчётная организация", text, StringComparison.Ordinal);
        Assert.Contains($"KZRU-{created.Number}", text, StringComparison.Ordinal);
        Assert.Contains("исполнено", text, StringComparison.Ordinal);
        Assert.Contains("ИСПОЛНИТЕЛЬСКАЯ ДИСЦИПЛИНА", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_period_that_ends_before_it_starts_is_refused()
    {
        var refused = await Assert.ThrowsAsync<InputValidationException>(() => _app.SendAsAsync("kz.member", new GetExecutionReportPdf.Query(_demo.CommissionId, KzToday, KzToday.AddDays(-1))));
        Assert.Contains("To", refused.Errors.Keys);
    }

    [Fact]
    public async Task Reminders_go_once_before_the_deadline_and_once_it_passed_with_escalation_to_the_controller()
    {
        var reminders = new AssignmentReminders(_app.Services.GetRequiredService<Microsoft.Extensions.DependencyInjection.IServiceScopeFactory>(), TimeProvider.System,
            Microsoft.Extensions.Options.Options.Create(new AssignmentReminderOptions { LeadWorkingDays = 3 }), Microsoft.Extensions.Logging.Abstractions.NullLogger<AssignmentReminders>.Instance);
        var created = await _app.SendAsAsync("kz.secretary", await NewAsync(workingDays: 2));
        var member = await Demo.PersonOfAsync(_app, "kz.member");
        var secretary = await Demo.PersonOfAsync(_app, "kz.secretary");
        var link = $"/Execution/Details/{created.AssignmentId}";

        await reminders.RunOnceAsync(CancellationToken.None);
        await reminders.RunOnceAsync(CancellationToken.None);
        var coming = await _app.QueryAsync(db => db.Notifications.Where(n => n.Link == link).Select(n => new { n.RecipientPersonId, n.Kind }).ToListAsync());
        Assert.Equal([(member, "assignment-coming")], coming.Select(n => (n.RecipientPersonId, n.Kind)));

        await _app.QueryAsync(db => db.Assignments.Where(a => a.Id == created.AssignmentId).ExecuteUpdateAsync(u => u.SetProperty(a => a.DueOn, KzToday.AddDays(-1))));
        await reminders.RunOnceAsync(CancellationToken.None);
        await reminders.RunOnceAsync(CancellationToken.None);
        var overdue = await _app.QueryAsync(db => db.Notifications.Where(n => n.Link == link && n.Kind == "assignment-overdue").Select(n => n.RecipientPersonId).ToListAsync());
        Assert.Equal(2, overdue.Count);
        Assert.Contains(member, overdue);
        Assert.Contains(secretary, overdue);
    }

    [Fact]
    public async Task Unfinished_assignments_go_onto_the_next_draft_agenda_in_one_step_once()
    {
        await _app.SendAsAsync("kz.secretary", await NewAsync());
        var next = await Sessions.SessionSteps.CreateSessionAsync(_app, 30);
        var decisionNumber = await _app.QueryAsync(db => db.Decisions.Where(d => d.Id == fixture.DecisionId).Select(d => d.Number).SingleAsync());

        Assert.Equal("KZRU-07", (await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsAsync("kz.member", new PutOnAgenda.Command(_demo.CommissionId, next)))).RuleId);
        var control = await _app.SendAsAsync("ru.secretary", new ListAssignments.Query(_demo.CommissionId));
        Assert.True(control.CanPutOnAgenda);
        Assert.NotNull(control.NextDraftSessionId);
        var first = await _app.SendAsAsync("ru.secretary", new PutOnAgenda.Command(_demo.CommissionId, next));
        var again = await _app.SendAsAsync("kz.secretary", new PutOnAgenda.Command(_demo.CommissionId, next));

        Assert.True(first.ItemsAdded >= 1);
        Assert.Equal(0, again.ItemsAdded);
        var items = await _app.QueryAsync(db => db.AgendaItems.Where(i => i.SessionId == next).Select(i => new { i.Title.Ru, Draft = i.DraftDecision.Ru }).ToListAsync());
        var item = Assert.Single(items, i => i.Ru == $"Об исполнении решения № {decisionNumber}");
        Assert.Contains("Представить график подготовки стартового комплекса", item.Draft, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execution_discipline_is_the_share_of_the_period_s_assignments_done_on_time()
    {
        const string organisation = "ТОО «Дисциплина»";
        var onTime = await _app.SendAsAsync("kz.secretary", await NewAsync(organisation: organisation));
        var report = await _app.SendAsAsync("kz.member", new SubmitReport.Command { AssignmentId = onTime.AssignmentId, Text = "Сделано." });
        await _app.SendAsAsync("kz.secretary", new AcceptReport.Command(onTime.AssignmentId, report.ReportId));
        var late = await _app.SendAsAsync("kz.secretary", await NewAsync(organisation: organisation));
        await _app.QueryAsync(db => db.Assignments.Where(a => a.Id == late.AssignmentId).ExecuteUpdateAsync(u => u.SetProperty(a => a.DueOn, KzToday.AddDays(-2))));

        var rows = await _app.SendAsAsync("ru.member", new GetExecutionDiscipline.Query(_demo.CommissionId, KzToday.AddDays(-10), KzToday.AddMonths(2)));

        var row = Assert.Single(rows, r => r.Organisation == organisation);
        Assert.Equal(2, row.Due);
        Assert.Equal(1, row.DoneOnTime);
        Assert.Equal(1, row.Overdue);
        Assert.Equal(50, row.OnTimePercent);
    }
}

internal static class CreateAssignmentCommandExtensions
{
    public static CreateAssignment.Command With(this CreateAssignment.Command command, DateOnly dueOn)
    {
        command.DueOn = dueOn;
        command.WorkingDays = null;
        return command;
    }
}
