using IntergovCommission.IntegrationTests.Account;
using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Sessions;
using IntergovCommission.Web.Infrastructure.Mediator;
using static IntergovCommission.IntegrationTests.Sessions.SessionSteps;

namespace IntergovCommission.IntegrationTests.Calendar;

/// <summary>Issue 3: the annual work plan lists one commission's sessions of one year.</summary>
public sealed class WorkPlanTests
{
    [Fact]
    public async Task Work_plan_lists_only_this_commissions_sessions_of_that_year_with_the_approved_agenda()
    {
        await using var app = await TestApp.CreateAsync();
        var commissionId = await CommissionIdAsync(app);
        var approved = await CreateSessionAsync(app, 20);
        await AddItemAsync(app, approved, "Об утверждении программы лётных испытаний");
        await SendForApprovalAsync(app, approved);
        await ApproveAsync(app, approved, "kz.cochair");
        await ApproveAsync(app, approved, "ru.cochair");
        var draft = await CreateSessionAsync(app, 25);
        await AddItemAsync(app, draft, "Черновой вопрос");
        var nextYear = await CreateSessionAsync(app, 385);
        var otherCommission = await app.SendAsAsync("admin", CommissionCreationTests.ValidCommission("OTHER", await AdministrationTests.ProfileIdAsync(app)));
        var approvedStart = (await app.SendAsAsync("kz.member", new GetSession.Query(approved))).StartsAt;
        var foreign = await CalendarFeedTests.AddSessionDirectlyAsync(app, otherCommission, approvedStart.AddHours(2));
        var year = System.TimeZoneInfo.ConvertTime(approvedStart, System.TimeZoneInfo.FindSystemTimeZoneById(Almaty)).Year;

        var plan = await app.SendAsAsync("kz.member", new GetWorkPlan.Query(commissionId, year));

        var ids = plan.Sessions.Select(s => s.Id).ToList();
        Assert.Contains(approved, ids);
        Assert.DoesNotContain(foreign, ids);
        Assert.DoesNotContain(nextYear, ids);
        Assert.Equal(["Об утверждении программы лётных испытаний"], plan.Sessions.Single(s => s.Id == approved).ApprovedAgenda!.Select(t => t.Ru));
        if (ids.Contains(draft))
        {
            Assert.Null(plan.Sessions.Single(s => s.Id == draft).ApprovedAgenda);
        }

        var following = await app.SendAsAsync("kz.member", new GetWorkPlan.Query(commissionId, year + 1));
        Assert.Contains(nextYear, following.Sessions.Select(s => s.Id));
        Assert.DoesNotContain(approved, following.Sessions.Select(s => s.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.member", new GetWorkPlan.Query(otherCommission, year)));
    }
}

/// <summary>The plan and calendar pages render for a signed-in member, with links from the sessions list.</summary>
public sealed class WorkPlanPageTests
{
    [Fact]
    public async Task Plan_and_calendar_pages_render_and_are_linked_from_the_sessions_list()
    {
        await using var app = await TestApp.CreateAsync();
        var commissionId = await CommissionIdAsync(app);
        var sessionId = await CreateSessionAsync(app, 20);
        var start = (await app.SendAsAsync("kz.member", new GetSession.Query(sessionId))).StartsAt;
        var year = System.TimeZoneInfo.ConvertTime(start, System.TimeZoneInfo.FindSystemTimeZoneById(Almaty)).Year;
        using var client = HttpTests.NewClient(app);
        Assert.True(await HttpTests.SignInAsync(client, "kz.member", "Demo-Password-2026"));

        var list = await client.GetStringAsync($"/Sessions?commissionId={commissionId}");
        Assert.Contains($"/Sessions/Plan?commissionId={commissionId}", list, StringComparison.Ordinal);
        Assert.Contains("href=\"/Calendar\"", list, StringComparison.Ordinal);
        var plan = await client.GetStringAsync($"/Sessions/Plan?commissionId={commissionId}&year={year}");
        Assert.Contains($"/Sessions/Details/{sessionId}", plan, StringComparison.Ordinal);
        Assert.Contains($"year={year + 1}", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", plan, StringComparison.Ordinal);
        var calendar = await client.GetStringAsync("/Calendar");
        Assert.Contains("/Calendar/My.ics", calendar, StringComparison.Ordinal);
    }
}
