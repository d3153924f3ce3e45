using System.Text.Json;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Web.Features.Memberships;
using IntergovCommission.Web.Infrastructure.Mediator;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IntergovCommission.IntegrationTests;

/// <summary>Every command leaves one audit row in its own transaction; secrets never reach it; the trail is append-only.</summary>
public sealed class AuditTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private readonly TestApp _app = fixture.App;
    private readonly Demo _demo = fixture.Demo;

    [Fact]
    public async Task Add_edit_and_end_each_write_one_audit_row_with_action_user_commission_and_changes()
    {
        var secretaryId = await _app.QueryAsync(db => db.Users.Where(u => u.UserName == "kz.secretary").Select(u => u.Id).SingleAsync());

        var (id, added) = await AuditedAsync(() => _app.SendAsAsync("kz.secretary", _demo.NewMember(_demo.KzSideId, "Аудируемый Член")));
        AssertEntry(added, "AddMembership.Command", secretaryId);
        var addChanges = Changes(added);
        var membership = Assert.Single(addChanges, c => c.GetProperty("entity").GetString() == "Membership");
        Assert.Equal("Added", membership.GetProperty("state").GetString());
        Assert.Equal(id.ToString(), membership.GetProperty("key").GetString());
        Assert.Equal("Member", membership.GetProperty("changed").GetProperty("Role").GetString());
        Assert.Equal("Эксперт", membership.GetProperty("complex").GetProperty("Position").GetProperty("Ru").GetString());
        var person = Assert.Single(addChanges, c => c.GetProperty("entity").GetString() == "Person");
        Assert.Equal("Added", person.GetProperty("state").GetString());
        Assert.Equal("Аудируемый Член", person.GetProperty("complex").GetProperty("FullName").GetProperty("Ru").GetString());
        Assert.Equal("Аудируемый Член", JsonDocument.Parse(added.Request).RootElement.GetProperty("FullNameRu").GetString());

        var form = await Demo.EditFormAsync(_app, id);
        form.PositionRu = "Ведущий эксперт";
        var (_, edited) = await AuditedAsync(() => _app.SendAsAsync("kz.secretary", form));
        AssertEntry(edited, "EditMembership.Command", secretaryId);
        var editChange = Assert.Single(Changes(edited));
        Assert.Equal("Membership", editChange.GetProperty("entity").GetString());
        Assert.Equal("Modified", editChange.GetProperty("state").GetString());
        Assert.Equal("Ведущий эксперт", editChange.GetProperty("complex").GetProperty("Position").GetProperty("Ru").GetString());
        Assert.False(editChange.GetProperty("changed").TryGetProperty("TermStart", out _), "unchanged properties are not listed");

        var end = new EndMembership.Command { MembershipId = id, CommissionId = _demo.CommissionId, Version = (await Demo.EditFormAsync(_app, id)).Version, EndedOn = Demo.Today, Reason = "Освобождён" };
        var (_, ended) = await AuditedAsync(() => _app.SendAsAsync("kz.secretary", end));
        AssertEntry(ended, "EndMembership.Command", secretaryId);
        var endChange = Assert.Single(Changes(ended));
        Assert.Equal("Modified", endChange.GetProperty("state").GetString());
        Assert.Equal("Освобождён", endChange.GetProperty("changed").GetProperty("EndReason").GetString());
        Assert.Equal(Demo.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), endChange.GetProperty("changed").GetProperty("EndedOn").GetString());
    }

    [Fact]
    public async Task Queries_and_refused_commands_write_no_audit_row()
    {
        var before = await Demo.CountsAsync(_app);

        await _app.SendAsAsync("kz.member", new GetRoster.Query(_demo.CommissionId));
        await _app.SendAsAsync("kz.member", new ListCommissions.Query());
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsAsync("kz.member", _demo.NewMember(_demo.KzSideId, "Отказ Доступа")));
        var invalid = _demo.NewMember(_demo.KzSideId, "Отказ Проверки");
        invalid.PositionRu = null;
        await Assert.ThrowsAsync<InputValidationException>(() => _app.SendAsAsync("kz.secretary", invalid));
        await Assert.ThrowsAsync<IntergovCommission.Domain.Common.RuleViolationException>(() =>
            _app.SendAsAsync("kz.secretary", _demo.NewMember(_demo.KzSideId, "Отказ Правила", IntergovCommission.Domain.Commissions.CommissionRole.CoChair)));

        Assert.Equal(before, await Demo.CountsAsync(_app));
    }

    [Fact]
    public async Task Passwords_hashes_and_security_stamps_never_reach_the_audit_trail()
    {
        const string newPassword = "Brand-New-Secret-42";
        const string code = "493817";
        using var withProbe = _app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddScoped<IRequestHandler<SetPasswordProbe, bool>, SetPasswordProbe.Handler>();
            services.AddScoped<IAuthorizer<SetPasswordProbe>, SetPasswordProbe.Authorizer>();
        }));

        // Sign-ins (right and wrong password) are audited too.
        using (var client = HttpTests.NewClient(withProbe))
        {
            Assert.True(await HttpTests.SignInAsync(client, "kz.member", DemoDataSeeder.DemoPassword));
            Assert.False(await HttpTests.SignInAsync(client, "kz.secretary", "Wrong-Password-123"));
        }

        await using (var scope = withProbe.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommissionDbContext>();
            scope.ServiceProvider.GetRequiredService<ActingUser>().UserId = await db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SetPasswordProbe
            {
                CommissionId = _demo.CommissionId,
                UserName = "kz.deputy",
                NewPassword = newPassword,
                OneTimeCode = code,
            });
        }

        var deputy = await _app.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "kz.deputy"));
        var (hash, stamp) = (deputy.PasswordHash!, deputy.SecurityStamp!);
        Assert.True(new PasswordHasher<AppUser>().VerifyHashedPassword(new AppUser(), hash, newPassword) != PasswordVerificationResult.Failed, "the probe really changed the password");

        var entries = await _app.QueryAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        Assert.Contains(entries, e => e.Action == "Account.SignIn");
        Assert.Contains(entries, e => e.Action == "Account.SignIn.Failed");
        var probe = Assert.Single(entries, e => e.Action == "SetPasswordProbe");
        Assert.Equal("***", JsonDocument.Parse(probe.Request).RootElement.GetProperty("NewPassword").GetString());
        Assert.Equal("***", JsonDocument.Parse(probe.Request).RootElement.GetProperty("OneTimeCode").GetString());
        var userChange = Assert.Single(Changes(probe), c => c.GetProperty("entity").GetString() == "AppUser");
        Assert.Equal("Modified", userChange.GetProperty("state").GetString());

        foreach (var secret in new[] { newPassword, code, DemoDataSeeder.DemoPassword, "Wrong-Password-123", hash, stamp, "PasswordHash", "SecurityStamp", "ConcurrencyStamp" })
        {
            Assert.DoesNotContain(entries, e => e.Request.Contains(secret, StringComparison.OrdinalIgnoreCase) || e.Changes.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET action = 'Rewritten'")]
    [InlineData("DELETE FROM audit_entries")]
    [InlineData("TRUNCATE audit_entries")]
    [InlineData("TRUNCATE audit_entries CASCADE")]
    public async Task The_audit_trail_is_append_only(string sql)
    {
        await _app.SendAsAsync("kz.secretary", _demo.NewMember(_demo.KzSideId, "Для Журнала " + Guid.NewGuid().ToString("N")[..6]));
        var before = await _app.QueryAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Id + a.Action).ToListAsync());
        Assert.NotEmpty(before);

        var ex = await Assert.ThrowsAsync<PostgresException>(() => MigrationTests.ExecuteAsync(_app.ConnectionString, sql));

        Assert.Contains("append-only", ex.MessageText, StringComparison.Ordinal);
        Assert.Equal(before, await _app.QueryAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Id + a.Action).ToListAsync()));
    }

    private async Task<(T Result, AuditEntry Entry)> AuditedAsync<T>(Func<Task<T>> send)
    {
        var before = await _app.QueryAsync(db => db.AuditEntries.Select(a => a.Id).ToListAsync());
        var result = await send();
        var entry = Assert.Single(await _app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => !before.Contains(a.Id)).ToListAsync()));
        return (result, entry);
    }

    private void AssertEntry(AuditEntry entry, string action, Guid userId)
    {
        Assert.Equal(action, entry.Action);
        Assert.Equal(userId, entry.UserId);
        Assert.Equal("kz.secretary", entry.UserName);
        Assert.Equal(_demo.CommissionId, entry.CommissionId);
        Assert.True(entry.At > DateTimeOffset.UtcNow.AddMinutes(-5) && entry.At <= DateTimeOffset.UtcNow.AddMinutes(1));
    }

    private static List<JsonElement> Changes(AuditEntry entry) => [.. JsonDocument.Parse(entry.Changes).RootElement.EnumerateArray()];
}

/// <summary>
/// A test-only command that sets a user's password the way an account use case would: its
/// request carries a password and a [Sensitive] code, and it changes the password hash and the
/// security stamp of a tracked user. The audit trail must show none of them.
/// </summary>
public sealed class SetPasswordProbe : ICommand<bool>, ICommissionScoped
{
    public Guid CommissionId { get; set; }
    public string UserName { get; set; } = string.Empty;
    public string? NewPassword { get; set; }

    [Sensitive]
    public string? OneTimeCode { get; set; }

    public sealed class Authorizer : IAuthorizer<SetPasswordProbe>
    {
        public Task AuthorizeAsync(SetPasswordProbe request, Actor actor, CancellationToken cancellationToken)
        {
            Require.Administrator(actor);
            return Task.CompletedTask;
        }
    }

    public sealed class Handler(CommissionDbContext db) : IRequestHandler<SetPasswordProbe, bool>
    {
        public async Task<bool> Handle(SetPasswordProbe request, CancellationToken cancellationToken)
        {
            var user = await db.Users.SingleAsync(u => u.UserName == request.UserName, cancellationToken);
            user.PasswordHash = new PasswordHasher<AppUser>().HashPassword(user, request.NewPassword!);
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            return true;
        }
    }
}
