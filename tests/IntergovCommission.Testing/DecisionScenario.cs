using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Decisions;
using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Features.Admin;
using IntergovCommission.Web.Features.Decisions;
using IntergovCommission.Web.Features.Live;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Testing;

/// <summary>
/// Brings a demo commission to an adopted decision through the real use cases: a session in
/// progress, everyone present, a vote where every present member votes For, closed by the co-chair.
/// </summary>
public static class DecisionScenario
{
    public const string Password = "Demo-Password-2026";
    public const string KazakhText = "Ұшу сынақтарының бағдарламасын бекіту.\nҚазақстан тарапы әзірлікті қамтамасыз етеді.";
    public const string RussianText = "Утвердить программу лётных испытаний.\nКазахстанская сторона обеспечивает готовность.";

    public sealed record Adopted(Guid SessionId, Guid ItemId, Guid BallotId, Guid DecisionId);

    /// <param name="absentUserNames">Sign-ins whose members are marked absent before the vote (they are then not full-route signers).</param>
    public static async Task<Adopted> AdoptedAsync(TestApp app, DecisionKind kind, params string[] absentUserNames)
    {
        var (sessionId, itemId) = await LiveScenario.StartedSessionAsync(app, "Об утверждении программы лётных испытаний", kind, RussianText, KazakhText,
            "Ұшу сынақтарының бағдарламасын бекіту туралы");
        await LiveScenario.RegisterEveryoneAsync(app, sessionId);
        var roster = await LiveScenario.RosterAsync(app);
        foreach (var absent in roster.Where(r => absentUserNames.Contains(r.UserName)))
        {
            await app.SendAsAsync(await LiveScenario.SecretaryOfSideAsync(app, absent.MembershipId), new RegisterAttendance.Command { SessionId = sessionId, MembershipId = absent.MembershipId, Mode = AttendanceMode.Absent });
        }

        var ballotId = await app.SendAsAsync("kz.cochair", new OpenBallot.Command(sessionId, itemId));
        foreach (var voter in roster.Where(r => r.Role is not CommissionRole.Representative and not CommissionRole.Secretary and not CommissionRole.Invitee
                     && !absentUserNames.Contains(r.UserName)))
        {
            await LiveScenario.RecordVoteAsync(app, ballotId, voter.MembershipId, VoteChoice.For);
        }

        await app.SendAsAsync("kz.cochair", new CloseBallot.Command(ballotId, ConfirmMissingVotes: true));
        var decisionId = await app.QueryAsync(db => db.Decisions.Where(d => d.BallotId == ballotId).Select(d => d.Id).SingleAsync());
        return new Adopted(sessionId, itemId, ballotId, decisionId);
    }

    /// <summary>
    /// A sign-in for every person awaited on the decision who has none yet (user name "signer-N",
    /// the demo password); returns the user name of each awaited membership.
    /// </summary>
    public static async Task<Dictionary<Guid, string>> SignInsOfAwaitedAsync(TestApp app, Guid decisionId)
    {
        var slots = await app.QueryAsync(db => (from s in db.DecisionSignatures
                                                join u in db.Users on s.PersonId equals u.PersonId into users
                                                from u in users.DefaultIfEmpty()
                                                where s.DecisionId == decisionId
                                                select new { s.MembershipId, s.PersonId, UserName = u == null ? null : u.UserName }).ToListAsync());
        var result = new Dictionary<Guid, string>();
        var made = new Dictionary<Guid, string>();
        foreach (var slot in slots)
        {
            var userName = slot.UserName ?? (made.TryGetValue(slot.PersonId, out var known) ? known : null);
            if (userName is null)
            {
                userName = "signer-" + slot.PersonId.ToString("N")[^12..];
                made[slot.PersonId] = userName;
                await app.SendAsAsync("admin", new CreateUser.Command
                {
                    UserName = userName,
                    DisplayName = userName,
                    PersonId = slot.PersonId,
                    InitialPassword = Password,
                });
            }

            result[slot.MembershipId] = userName;
        }

        return result;
    }

    /// <summary>An issued decision (short route, KZRU-21: both secretaries sign, both co-chairs approve) of a new session.</summary>
    public static async Task<Guid> IssuedAsync(TestApp app)
    {
        var adopted = await AdoptedAsync(app, DecisionKind.ProgrammeApprovalOrChange);
        var hash = await app.SendAsAsync("kz.secretary", new StartSigning.Command(adopted.DecisionId));
        foreach (var (user, kind) in new[] { ("kz.secretary", SignatureKind.Sign), ("ru.secretary", SignatureKind.Sign), ("kz.cochair", SignatureKind.Approve), ("ru.cochair", SignatureKind.Approve) })
        {
            await app.SendAsAsync(user, new SignDecision.Command { DecisionId = adopted.DecisionId, Kind = kind, ContentHash = hash, Confirmation = Password });
        }

        return adopted.DecisionId;
    }
}
