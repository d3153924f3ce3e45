using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Common;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Memberships;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntergovCommission.IntegrationTests;

/// <summary>The demo commission's ids and the commands tests send against it.</summary>
internal sealed record Demo(Guid CommissionId, Guid KzSideId, Guid RuSideId)
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static async Task<Demo> OfAsync(TestApp app) => await app.QueryAsync(async db =>
    {
        var commission = await db.Commissions.SingleAsync(c => c.Code == DemoDataSeeder.CommissionCode);
        var sides = await db.Sides.Where(s => s.CommissionId == commission.Id).ToDictionaryAsync(s => s.Code, s => s.Id);
        return new Demo(commission.Id, sides["KZ"], sides["RU"]);
    });

    /// <summary>The active membership of a demo user's person.</summary>
    public static async Task<Guid> MembershipOfAsync(TestApp app, string userName) => await app.QueryAsync(async db =>
    {
        var personId = await db.Users.Where(u => u.UserName == userName).Select(u => u.PersonId).SingleAsync();
        return await db.Memberships.Where(m => m.PersonId == personId && m.EndedOn == null).Select(m => m.Id).SingleAsync();
    });

    public static async Task<Guid> PersonOfAsync(TestApp app, string userName) =>
        await app.QueryAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.PersonId!.Value).SingleAsync());

    /// <summary>A new person appointed as a member of a side, with the appointing act (KZRU-02).</summary>
    public AddMembership.Command NewMember(Guid sideId, string fullNameRu, CommissionRole role = CommissionRole.Member) => new()
    {
        CommissionId = CommissionId,
        SideId = sideId,
        Role = role,
        FullNameRu = fullNameRu,
        FullNameEn = "Test Person",
        Email = "test.person@example.org",
        PositionRu = "Эксперт",
        OrganisationRu = sideId == KzSideId ? "Аэрокосмический комитет" : "Госкорпорация «Роскосмос»",
        AppointingAuthorityRu = sideId == KzSideId ? "Правительство Республики Казахстан" : "Правительство Российской Федерации",
        AppointingActNumber = "№ 101",
        AppointingActDate = Today,
        TermStart = Today,
    };

    /// <summary>The edit form of a membership as the page would load it (read as the administrator).</summary>
    public static async Task<EditMembership.Command> EditFormAsync(TestApp app, Guid membershipId) =>
        (await app.SendAsAsync("admin", new GetMembership.Query(membershipId))).Form;

    public static async Task<(int People, int Memberships, int Audit)> CountsAsync(TestApp app) => await app.QueryAsync(async db =>
        (await db.People.CountAsync(), await db.Memberships.CountAsync(), await db.AuditEntries.CountAsync()));

    /// <summary>A person with no membership anywhere (and optionally a sign-in for them).</summary>
    public static async Task<Guid> NewPersonAsync(TestApp app, string fullNameRu, string? userName = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissionDbContext>();
        var person = new Person(Guid.CreateVersion7(), LocalizedText.Of(null, fullNameRu), null, null, DateTimeOffset.UtcNow);
        db.People.Add(person);
        await db.SaveChangesAsync();
        if (userName is not null)
        {
            await NewUserAsync(scope.ServiceProvider, userName, person.Id);
        }

        return person.Id;
    }

    /// <summary>A sign-in with no person, hence no membership in any commission.</summary>
    public static async Task NewUserAsync(TestApp app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await NewUserAsync(scope.ServiceProvider, userName, null);
    }

    /// <summary>Sends a request with nobody signed in (no HTTP context, no acting user).</summary>
    public static async Task<T> SendAnonymousAsync<T>(TestApp app, IRequest<T> request)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    private static async Task NewUserAsync(IServiceProvider services, string userName, Guid? personId)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var result = await users.CreateAsync(new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            DisplayName = userName,
            PersonId = personId,
            CreatedAt = DateTimeOffset.UtcNow,
        }, DemoDataSeeder.DemoPassword);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
