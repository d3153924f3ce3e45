using System.Diagnostics;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Testing;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Live;
using IntergovCommission.Web.Features.Memberships;
using IntergovCommission.Web.Features.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntergovCommission.Benchmarks;

/// <summary>One voting member driven by the benchmark: its sign-in, API token and hub cookie.</summary>
public sealed record Voter(int Index, Guid MembershipId, string UserName, string Token, string Cookie);

/// <summary>What the benchmark runs against: an open ballot in a live session with its voters.</summary>
public sealed record LiveBallot(Guid CommissionId, Guid SessionId, Guid BallotId, int VotingMembers, IReadOnlyList<Voter> Voters);

/// <summary>
/// Brings the demo commission to an open ballot with <c>voters</c> voting members, each with a
/// sign-in: through the real use cases (AddMembership, session and agenda via
/// <see cref="LiveScenario"/>, RegisterAttendance, CreateAccessToken, OpenBallot). Two steps
/// bypass the use cases, because no use case does them: the sign-in accounts of the new members
/// are created with the app's UserManager (no password, so no 500 password hashes), and each
/// voter's browser cookie is issued with the app's own cookie ticket format (what a sign-in sets).
/// </summary>
public static class BenchSetup
{
    public static async Task<LiveBallot> PrepareAsync(TestApp app, int voters, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        var commissionId = await app.QueryAsync(db => db.Commissions.Select(c => c.Id).SingleAsync());
        var sides = await app.QueryAsync(db => db.Sides.Where(s => s.CommissionId == commissionId).ToDictionaryAsync(s => s.Code, s => s.Id));
        var votingRoles = new[] { CommissionRole.CoChair, CommissionRole.DeputyCoChair, CommissionRole.Secretary, CommissionRole.Member };
        var existing = (await LiveScenario.RosterAsync(app)).Count(r => votingRoles.Contains(r.Role));

        // KZRU-01 caps co-chairs and secretaries per side, not members: the roster grows with members,
        // appointed by each side's secretary in turn (KZRU-02: with the appointing act).
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var i = existing; i < voters; i++)
        {
            var kz = i % 2 == 0;
            await app.SendAsAsync(kz ? "kz.secretary" : "ru.secretary", new AddMembership.Command
            {
                CommissionId = commissionId,
                SideId = sides[kz ? "KZ" : "RU"],
                Role = CommissionRole.Member,
                FullNameRu = $"Участник нагрузочного теста {i + 1:D4}",
                FullNameEn = $"Benchmark member {i + 1:D4}",
                PositionRu = "Эксперт",
                OrganisationRu = kz ? "Аэрокосмический комитет" : "Госкорпорация «Роскосмос»",
                AppointingAuthorityRu = kz ? "Правительство Республики Казахстан" : "Правительство Российской Федерации",
                AppointingActNumber = "№ B-" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                AppointingActDate = today.AddDays(-30),
                TermStart = today.AddDays(-30),
            });
        }

        log($"roster: {Math.Max(voters, existing)} voting members ({Math.Max(0, voters - existing)} appointed through AddMembership) in {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();

        // A sign-in for every voting member that has none (the demo roster has accounts for a few only).
        var members = await app.QueryAsync(db => (from m in db.Memberships
                                                  join u in db.Users on m.PersonId equals u.PersonId into users
                                                  from u in users.DefaultIfEmpty()
                                                  where m.CommissionId == commissionId && m.EndedOn == null && votingRoles.Contains(m.Role)
                                                  orderby m.Role, m.Id
                                                  select new { m.Id, m.PersonId, UserName = u == null ? null : u.UserName }).ToListAsync());
        var userNames = new Dictionary<Guid, string>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var n = 0;
            foreach (var m in members)
            {
                var userName = m.UserName;
                if (userName is null)
                {
                    userName = $"bench.{++n:D4}";
                    var result = await users.CreateAsync(new AppUser
                    {
                        Id = Guid.CreateVersion7(),
                        UserName = userName,
                        Email = userName + "@bench.local",
                        DisplayName = userName,
                        PersonId = m.PersonId,
                        CreatedAt = DateTimeOffset.UtcNow,
                    });
                    if (!result.Succeeded)
                    {
                        throw new InvalidOperationException($"{userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                    }
                }

                userNames[m.Id] = userName;
            }
        }

        log($"accounts: {userNames.Count} sign-ins in {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();

        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(app, "Нагрузочный тест: голосование");
        await LiveScenario.RegisterEveryoneAsync(app, sessionId);
        log($"session: created, agenda approved by both co-chairs, started, {members.Count} voting members registered present in {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();

        var chosen = members.Take(voters).ToList();
        var cookies = await CookiesAsync(app, chosen.Select(m => userNames[m.Id]).ToList());
        var list = new List<Voter>(chosen.Count);
        for (var i = 0; i < chosen.Count; i++)
        {
            var userName = userNames[chosen[i].Id];
            var token = await app.SendAsAsync(userName, new CreateAccessToken.Command { Name = "benchmark", ExpiresInDays = 1 });
            list.Add(new Voter(i, chosen[i].Id, userName, token.Secret, cookies[i]));
        }

        log($"credentials: {list.Count} API tokens (CreateAccessToken) and sign-in cookies in {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();

        var ballotId = await app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
        log($"ballot: opened by the presiding co-chair (quorum checked, KZRU-16) in {clock.Elapsed.TotalSeconds:F1} s");
        return new LiveBallot(commissionId, sessionId, ballotId, members.Count, list);
    }

    /// <summary>
    /// The "intergov.auth" cookie a sign-in would set for each user: the app's claims principal
    /// factory (with the security stamp the validator checks) sealed with the app's cookie ticket format.
    /// </summary>
    private static async Task<List<string>> CookiesAsync(TestApp app, List<string> userNames)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        var options = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var cookies = new List<string>(userNames.Count);
        foreach (var userName in userNames)
        {
            var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException("No user " + userName);
            var principal = await principals.CreateAsync(user);
            var now = DateTimeOffset.UtcNow;
            var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.Add(options.ExpireTimeSpan) }, IdentityConstants.ApplicationScheme);
            cookies.Add($"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}");
        }

        return cookies;
    }
}
