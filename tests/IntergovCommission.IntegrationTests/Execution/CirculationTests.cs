using IntergovCommission.Domain.Approvals;
using IntergovCommission.Domain.Common;
using IntergovCommission.Domain.Calendars;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Calendars;
using IntergovCommission.Web.Features.Circulation;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.IntegrationTests.Execution;

/// <summary>
/// WF-04 on real PostgreSQL: a draft sent round to bodies; the term of 2 working days on the KZ calendar (over Nauryz 2026); answers in
/// time recorded, a late one refused; a body with no answer deemed to agree once the term has passed (derived); refusals and concurrency.
/// </summary>
public sealed class CirculationTests(CirculationTests.Fixture fixture) : IClassFixture<CirculationTests.Fixture>
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

    private StartCirculation.Command Draft(DateOnly? sentOn, params string[] bodies) => new()
    {
        CommissionId = _demo.CommissionId,
        SideId = _demo.KzSideId,
        TitleRu = "Проект поручений по итогам заседания",
        SentOn = sentOn,
        Bodies = [.. bodies],
    };

    [Fact]
    public async Task A_body_with_no_answer_within_two_working_days_over_Nauryz_is_deemed_to_agree()
    {
        // Received Friday 20 March 2026: 23-25 March are days off in Kazakhstan, so the term ends on Friday 27 March.
        var started = await _app.SendAsAsync("kz.secretary", Draft(new DateOnly(2026, 3, 20), "Министерство финансов", "Министерство обороны", "Министерство энергетики"));
        var circulation = await _app.SendAsAsync("kz.member", new GetCirculation.Query(started.CirculationId));
        Guid Body(string name) => circulation.Circulation.Bodies.Single(b => b.Organisation == name).Id;

        await _app.SendAsAsync("kz.secretary", new RecordCirculationAnswer.Command
        {
            CirculationId = started.CirculationId, BodyId = Body("Министерство финансов"), Answer = ApprovalStanding.AgreedWithRemarks, Text = "Уточнить сроки", ReceivedOn = new DateOnly(2026, 3, 26),
        });
        var late = await Assert.ThrowsAsync<RuleViolationException>(() => _app.SendAsAsync("kz.secretary", new RecordCirculationAnswer.Command
        {
            CirculationId = started.CirculationId, BodyId = Body("Министерство обороны"), Answer = ApprovalStanding.Disagreed, Text = "Возражаем", ReceivedOn = new DateOnly(2026, 3, 30),
        }));
        var after = (await _app.SendAsAsync("ru.member", new GetCirculation.Query(started.CirculationId))).Circulation;

        Assert.Equal(new DateOnly(2026, 3, 27), started.DueOn);
        Assert.Contains("2 working days from 20.03.2026, KZ calendar", started.Rule, StringComparison.Ordinal);
        Assert.Equal(("WF-04", "Circulation.Rule.Late"), (late.RuleId, late.Key));
        Assert.Equal(ApprovalStanding.AgreedWithRemarks, after.Bodies.Single(b => b.Organisation == "Министерство финансов").Outcome);
        Assert.Equal(ApprovalStanding.DeemedAgreed, after.Bodies.Single(b => b.Organisation == "Министерство обороны").Outcome);
        Assert.Equal(ApprovalStanding.DeemedAgreed, after.Bodies.Single(b => b.Organisation == "Министерство энергетики").Outcome);
        Assert.Null(await _app.QueryAsync(db => db.CirculationBodies.Where(b => b.Organisation == "Министерство обороны").Select(b => b.Answer).SingleAsync()));
        Assert.True(after.Complete);
        Assert.Equal(2, await _app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "StartCirculation.Command" || e.Action == "RecordCirculationAnswer.Command")));
    }

    [Fact]
    public async Task A_draft_received_today_is_awaited_and_its_term_is_two_working_days_on_the_side_calendar()
    {
        var started = await _app.SendAsAsync("kz.secretary", Draft(null, "Комитет национальной безопасности"));
        var circulation = (await _app.SendAsAsync("kz.secretary", new GetCirculation.Query(started.CirculationId))).Circulation;

        Assert.Equal(circulation.Today, started.SentOn);
        Assert.True(started.DueOn > started.SentOn.AddDays(1));
        Assert.Equal(ApprovalStanding.Awaiting, Assert.Single(circulation.Bodies).Outcome);
    }

    [Fact]
    public async Task The_other_side_and_a_member_may_not_circulate_and_bad_input_names_the_field()
    {
        var count = await _app.QueryAsync(db => db.Circulations.CountAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsAsync("ru.secretary", Draft(null, "Минфин")));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsAsync("kz.member", Draft(null, "Минфин")));
        var future = await Assert.ThrowsAsync<InputValidationException>(() => _app.SendAsAsync("kz.secretary", Draft(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), "Минфин")));
        var none = await Assert.ThrowsAsync<InputValidationException>(() => _app.SendAsAsync("kz.secretary", Draft(null, " ")));
        var twice = await Assert.ThrowsAsync<InputValidationException>(() => _app.SendAsAsync("kz.secretary", Draft(null, "Минфин", "минфин")));

        Assert.Contains("SentOn", future.Errors.Keys);
        Assert.Contains("Bodies", none.Errors.Keys);
        Assert.Contains("Bodies", twice.Errors.Keys);
        Assert.Equal(count, await _app.QueryAsync(db => db.Circulations.CountAsync()));
    }

    [Fact]
    public async Task Objections_need_their_text_and_of_two_answers_at_once_one_wins()
    {
        var started = await _app.SendAsAsync("kz.secretary", Draft(null, "Министерство транспорта"));
        var body = Assert.Single((await _app.SendAsAsync("kz.secretary", new GetCirculation.Query(started.CirculationId))).Circulation.Bodies);
        var noText = await Assert.ThrowsAsync<InputValidationException>(() => _app.SendAsAsync("kz.secretary", new RecordCirculationAnswer.Command
        {
            CirculationId = started.CirculationId, BodyId = body.Id, Answer = ApprovalStanding.Disagreed,
        }));
        var deemed = await Assert.ThrowsAsync<InputValidationException>(() => _app.SendAsAsync("kz.secretary", new RecordCirculationAnswer.Command
        {
            CirculationId = started.CirculationId, BodyId = body.Id, Answer = ApprovalStanding.DeemedAgreed,
        }));

        var answers = await Task.WhenAll(
            Try(() => _app.SendAsAsync("kz.secretary", new RecordCirculationAnswer.Command { CirculationId = started.CirculationId, BodyId = body.Id, Answer = ApprovalStanding.Agreed, Version = body.Version })),
            Try(() => _app.SendAsAsync("kz.secretary", new RecordCirculationAnswer.Command { CirculationId = started.CirculationId, BodyId = body.Id, Answer = ApprovalStanding.Disagreed, Text = "Нет", Version = body.Version })));

        Assert.Contains("Text", noText.Errors.Keys);
        Assert.Contains("Answer", deemed.Errors.Keys);
        Assert.Single(answers, a => a is null);
        Assert.Single(answers, a => a is ConflictException or RuleViolationException);
    }

    [Fact]
    public async Task A_calendar_edit_moves_the_term_of_a_draft_still_awaiting_answers()
    {
        var started = await _app.SendAsAsync("kz.secretary", Draft(null, "Министерство юстиции"));
        var firstDay = (await _app.SendAsAsync("admin", new CountWorkingDays.Query("KZ", started.SentOn, 1))).Date;
        var year = await _app.SendAsAsync("admin", new GetCalendarYear.Query("KZ", firstDay.Year));

        var change = await _app.SendAsAsync("admin", new SaveCalendarDay.Command
        {
            Country = "KZ", Date = firstDay, Kind = CalendarDayKind.DayOff, MovedFrom = firstDay.AddDays(-1), Note = "test decree", Version = year.Version,
        });
        try
        {
            var moved = (await _app.SendAsAsync("kz.member", new GetCirculation.Query(started.CirculationId))).Circulation;
            Assert.True(moved.DueOn > started.DueOn);
            // The edit says which terms it moved, circulated drafts included (from → to).
            var term = Assert.Single(change.MovedCirculationTerms, t => t.CirculationId == started.CirculationId);
            Assert.Equal((started.DueOn, moved.DueOn), (term.From, term.To));
        }
        finally
        {
            var after = await _app.SendAsAsync("admin", new GetCalendarYear.Query("KZ", firstDay.Year));
            await _app.SendAsAsync("admin", new RemoveCalendarDay.Command { Country = "KZ", Date = firstDay, Version = after.Version });
        }
    }

    private static async Task<Exception?> Try(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
