using IntergovCommission.Testing;
using IntergovCommission.Web.Features.Execution;

namespace IntergovCommission.IntegrationTests.Execution;

/// <summary>The demo (Demo:Sessions) has assignments under control to look at: one overdue, one with a report waiting.</summary>
public sealed class DemoAssignmentsTests
{
    [Fact]
    public async Task The_demo_shows_assignments_on_control_one_overdue_and_one_report_to_answer()
    {
        await using var app = await TestApp.CreateAsync(settings: new Dictionary<string, string?> { ["Demo:Sessions"] = "true" });
        var demo = await Demo.OfAsync(app);

        var control = await app.SendAsAsync("kz.secretary", new ListAssignments.Query(demo.CommissionId));

        Assert.Equal(3, control.Counts.Unfinished);
        Assert.Equal(1, control.Counts.Overdue);
        Assert.Contains(control.Rows, r => r.State == Domain.Execution.AssignmentState.ReportSubmitted);
        Assert.Contains(control.Rows, r => r.SideCode == "RU" && r.WorkingDaysLeft > 0);
    }
}
