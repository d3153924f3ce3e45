using IntergovCommission.Web.Infrastructure;
using IntergovCommission.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;

namespace IntergovCommission.Web.Data;

/// <summary>
/// Creates (or re-enables as administrator) one account from the command line, for a new
/// installation without demo data. The password comes from an environment variable, never the
/// command line; the Identity password policy applies; the action is audited.
/// </summary>
public static class AdministratorBootstrap
{
    public static async Task<int> RunAsync(WebApplication app, string? userName, string? password)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("Usage: INTERGOV_ADMIN_PASSWORD=<password> dotnet run --project src/IntergovCommission.Web -- --create-admin <user name>");
            return 2;
        }

        var database = app.Services.GetRequiredService<DatabaseOptions>();
        try
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(database.ConnectionString);
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().EnsureReferenceDataAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var user = await users.FindByNameAsync(userName);
            if (user is null)
            {
                user = new AppUser { Id = Guid.CreateVersion7(), UserName = userName.Trim(), DisplayName = userName.Trim(), CreatedAt = clock.GetUtcNow() };
                var created = await users.CreateAsync(user, password);
                if (!created.Succeeded)
                {
                    Console.Error.WriteLine("The account was not created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
                    return 1;
                }
            }

            if (!await users.IsInRoleAsync(user, HttpActorAccessor.AdministratorRole))
            {
                await users.AddToRoleAsync(user, HttpActorAccessor.AdministratorRole);
            }

            var db = scope.ServiceProvider.GetRequiredService<CommissionDbContext>();
            await AuditChain.AppendAsync(db, new AuditEntry(Guid.CreateVersion7(), clock.GetUtcNow(), user.Id, user.UserName, null, "Bootstrap.CreateAdministrator",
                System.Text.Json.JsonSerializer.Serialize(new { userName = user.UserName }), "[]", null, "command line"));
            Console.WriteLine($"{user.UserName} is an administrator. Sign in and create the commission on /Commissions/Create.");
            return 0;
        }
        finally
        {
            if (database.Local is { } local)
            {
                await local.StopAsync();
            }
        }
    }
}
