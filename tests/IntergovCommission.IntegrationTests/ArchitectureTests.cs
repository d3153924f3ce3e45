using NetArchTest.Rules;

namespace IntergovCommission.IntegrationTests;

/// <summary>
/// The layering as a test (issue 12): the domain depends on nothing of the application; the use cases
/// (Features) know no pages, API endpoints, hubs or ASP.NET MVC / SignalR types; use cases reach the
/// screens only through the broadcast interface.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Web = typeof(IntergovCommission.Web.Features.Live.ILiveBroadcast).Assembly;
    private static readonly System.Reflection.Assembly Domain = typeof(IntergovCommission.Domain.Regulation.RegulationProfile).Assembly;

    [Fact]
    public void The_domain_depends_on_nothing_of_the_application_nor_the_web()
    {
        var result = Types.InAssembly(Domain).ShouldNot()
            .HaveDependencyOnAny("IntergovCommission.Web", "IntergovCommission.Documents", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Npgsql", "MediatR")
            .GetResult();
        Assert.True(result.IsSuccessful, "Domain types with a forbidden dependency: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Use_cases_know_no_pages_api_hubs_or_mvc_types()
    {
        var result = Types.InAssembly(Web).That().ResideInNamespace("IntergovCommission.Web.Features").ShouldNot()
            .HaveDependencyOnAny(
                "IntergovCommission.Web.Pages",
                "IntergovCommission.Web.Infrastructure.Api",
                "IntergovCommission.Web.Hubs",
                "Microsoft.AspNetCore.Mvc",
                "Microsoft.AspNetCore.SignalR",
                "Microsoft.AspNetCore.Http")
            .GetResult();
        Assert.True(result.IsSuccessful, "Use-case types with a forbidden dependency: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
