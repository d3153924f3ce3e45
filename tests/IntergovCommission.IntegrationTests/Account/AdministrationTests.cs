using System.Globalization;
using System.Net;
using IntergovCommission.Domain.Common;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Admin;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntergovCommission.IntegrationTests.Account;

public sealed class AdministrationTests
{
    private const string NewPassword = "New-Password-2027";

    [Fact]
    public async Task Every_administration_request_is_refused_to_a_non_administrator()
    {
        await using var app = await TestApp.CreateAsync();
        var memberId = await UserIdAsync(app, "kz.member");
        var usersBefore = await app.QueryAsync(db => db.Users.CountAsync());
        IRequest<Unit>[] commands =
        [
            new UnlockUser.Command(memberId),
            new DisableSignIn.Command(memberId),
            new SetAdministrator.Command(await UserIdAsync(app, "kz.secretary"), Grant: true),
            new ResetUserPassword.Command { UserId = memberId, NewPassword = NewPassword },
        ];
        foreach (var command in commands)
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.secretary", command));
        }

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.secretary", ValidUser("intruder")));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("ru.cochair", new ListUsers.Query()));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("ru.cochair", new ListPeopleWithoutAccount.Query()));
        var profileId = await ProfileIdAsync(app);
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.secretary", CommissionCreationTests.ValidCommission("CIS", profileId)));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("kz.secretary", new ListProfiles.Query()));

        Assert.Equal(usersBefore, await app.QueryAsync(db => db.Users.CountAsync()));
        Assert.False(await IsAdministratorAsync(app, "kz.secretary"));
        Assert.False(await app.QueryAsync(db => db.Commissions.AnyAsync(c => c.Code == "CIS")));
        Assert.True(await SignInSucceedsAsync(app, "kz.member", DemoDataSeeder.DemoPassword));
    }

    [Fact]
    public async Task Administration_pages_answer_403_to_a_non_administrator_and_the_nav_hides_them()
    {
        await using var app = await TestApp.CreateAsync();
        using var member = new WebSession(app);
        await member.SignInAsync("kz.member", DemoDataSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/Admin/Users")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/Commissions/Create")).Status);
        Assert.DoesNotContain("data-testid=\"nav-admin-users\"", (await member.GetAsync("/Commissions")).Html, StringComparison.Ordinal);

        using var admin = new WebSession(app);
        await admin.SignInAsync("admin", DemoDataSeeder.DemoPassword);
        var users = await admin.GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.OK, users.Status);
        Assert.Contains("data-user=\"kz.member\"", users.Html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"nav-admin-users\"", users.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Commissions/Create")).Status);
    }

    [Fact]
    public async Task The_last_administrator_cannot_be_revoked_or_disabled()
    {
        await using var app = await TestApp.CreateAsync();
        var adminId = await UserIdAsync(app, "admin");

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("admin", new SetAdministrator.Command(adminId, Grant: false)));
        Assert.Equal("Admin.Rule.LastAdministrator", refused.Key);
        Assert.True(await IsAdministratorAsync(app, "admin"));

        // With a second administrator the first may step down; then the second is the last one.
        var secretaryId = await UserIdAsync(app, "kz.secretary");
        await app.SendAsAsync("admin", new SetAdministrator.Command(secretaryId, Grant: true));
        await app.SendAsAsync("admin", new SetAdministrator.Command(adminId, Grant: false));
        Assert.False(await IsAdministratorAsync(app, "admin"));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsAsync("admin", new SetAdministrator.Command(adminId, Grant: true)));
        await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.secretary", new SetAdministrator.Command(secretaryId, Grant: false)));
        Assert.True(await IsAdministratorAsync(app, "kz.secretary"));

        // Disabling your own sign-in is refused; an administrator whose sign-in is disabled does not count.
        var self = await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.secretary", new DisableSignIn.Command(secretaryId)));
        Assert.Equal("Admin.Rule.NotYourself", self.Key);
        await app.SendAsAsync("kz.secretary", new SetAdministrator.Command(adminId, Grant: true));
        await app.SendAsAsync("kz.secretary", new DisableSignIn.Command(adminId));
        await Assert.ThrowsAsync<RuleViolationException>(() => app.SendAsAsync("kz.secretary", new SetAdministrator.Command(secretaryId, Grant: false)));
    }

    [Fact]
    public async Task A_duplicate_user_name_is_refused_with_a_message_on_the_user_name_field()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        await using var app = await TestApp.CreateAsync();
        var refused = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("admin", ValidUser("KZ.Member")));
        var message = Assert.Single(refused.Errors["UserName"]);
        Assert.Equal("User name \"KZ.Member\" is already taken.", message);
        Assert.Equal(1, await app.QueryAsync(db => db.Users.CountAsync(u => u.NormalizedUserName == "KZ.MEMBER")));
    }

    [Fact]
    public async Task A_weak_initial_password_is_refused_with_the_policy_messages_and_nothing_is_saved()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        await using var app = await TestApp.CreateAsync();
        var usersBefore = await app.QueryAsync(db => db.Users.CountAsync());
        var auditBefore = await app.QueryAsync(db => db.AuditEntries.CountAsync());
        var command = ValidUser("new.expert");
        command.InitialPassword = "short";

        var refused = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("admin", command));
        var messages = refused.Errors["InitialPassword"];
        Assert.Contains("The password must be at least 10 characters long.", messages);
        Assert.Contains("The password must contain a digit (0-9).", messages);
        Assert.Contains("The password must contain an upper-case letter.", messages);
        Assert.DoesNotContain("The password must contain a lower-case letter.", messages);
        Assert.Equal(usersBefore, await app.QueryAsync(db => db.Users.CountAsync()));
        Assert.Equal(auditBefore, await app.QueryAsync(db => db.AuditEntries.CountAsync()));

        // Russian (the default interface language) says the same.
        CultureInfo.CurrentUICulture = new CultureInfo("ru");
        var russian = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("admin", command));
        Assert.Contains("Пароль должен содержать не менее 10 символов.", russian.Errors["InitialPassword"]);
    }

    [Fact]
    public async Task A_created_user_is_linked_to_the_person_signs_in_and_the_audit_hides_the_password()
    {
        await using var app = await TestApp.CreateAsync();
        var person = (await app.SendAsAsync("admin", new ListPeopleWithoutAccount.Query())).First(p => p.Name.Ru == "Игорь Волков");
        var command = ValidUser("i.volkov");
        command.PersonId = person.Id;
        command.PreferredLanguage = "kk";

        var id = await app.SendAsAsync("admin", command);

        var stored = await app.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.Equal(person.Id, stored.PersonId);
        Assert.Equal("kk", stored.PreferredLanguage);
        Assert.True(await SignInSucceedsAsync(app, "i.volkov", NewPassword));
        Assert.DoesNotContain(await app.SendAsAsync("admin", new ListPeopleWithoutAccount.Query()), p => p.Id == person.Id);
        var audit = await app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "CreateUser.Command").Select(a => a.Request + a.Changes).SingleAsync());
        Assert.DoesNotContain(NewPassword, audit, StringComparison.Ordinal);
        Assert.Contains("i.volkov", audit, StringComparison.Ordinal);

        // The same person cannot get a second sign-in.
        var again = ValidUser("i.volkov2");
        again.PersonId = person.Id;
        var refused = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("admin", again));
        Assert.True(refused.Errors.ContainsKey("PersonId"));
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_until_an_administrator_allows_it_again()
    {
        await using var app = await TestApp.CreateAsync();
        var memberId = await UserIdAsync(app, "kz.member");

        await app.SendAsAsync("admin", new DisableSignIn.Command(memberId));
        Assert.False(await SignInSucceedsAsync(app, "kz.member", DemoDataSeeder.DemoPassword));
        var listed = (await app.SendAsAsync("admin", new ListUsers.Query())).Single(u => u.Id == memberId);
        Assert.True(listed.SignInDisabled);

        await app.SendAsAsync("admin", new UnlockUser.Command(memberId));
        Assert.True(await SignInSucceedsAsync(app, "kz.member", DemoDataSeeder.DemoPassword));
        Assert.False((await app.SendAsAsync("admin", new ListUsers.Query())).Single(u => u.Id == memberId).SignInDisabled);
    }

    [Fact]
    public async Task A_password_reset_replaces_the_old_password_and_a_weak_one_is_refused()
    {
        await using var app = await TestApp.CreateAsync();
        var memberId = await UserIdAsync(app, "kz.member");

        var weak = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAsAsync("admin", new ResetUserPassword.Command { UserId = memberId, NewPassword = "alllowercase1" }));
        Assert.True(weak.Errors.ContainsKey("NewPassword"));
        Assert.True(await SignInSucceedsAsync(app, "kz.member", DemoDataSeeder.DemoPassword));

        await app.SendAsAsync("admin", new ResetUserPassword.Command { UserId = memberId, NewPassword = NewPassword });
        Assert.False(await SignInSucceedsAsync(app, "kz.member", DemoDataSeeder.DemoPassword));
        Assert.True(await SignInSucceedsAsync(app, "kz.member", NewPassword));
    }

    internal static CreateUser.Command ValidUser(string userName) => new()
    {
        UserName = userName,
        DisplayName = "Новый эксперт",
        InitialPassword = NewPassword,
    };

    internal static Task<Guid> UserIdAsync(TestApp app, string userName) =>
        app.QueryAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    internal static Task<Guid> ProfileIdAsync(TestApp app) =>
        app.QueryAsync(db => db.RegulationProfiles.Where(p => p.Code == "KZRU").Select(p => p.Id).FirstAsync());

    private static async Task<bool> IsAdministratorAsync(TestApp app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName);
        return await users.IsInRoleAsync(user!, "Administrator");
    }

    private static async Task<bool> SignInSucceedsAsync(TestApp app, string userName, string password)
    {
        using var web = new WebSession(app);
        var result = await web.SignInAsync(userName, password);
        return result.Status == HttpStatusCode.Redirect && result.Location == "/";
    }
}
