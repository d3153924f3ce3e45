using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Domain.Sessions;
using IntergovCommission.Web.Data;
using IntergovCommission.Web.Features.Commissions;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Notifications;

/// <summary>
/// Who hears about what in session preparation (issue 3). Each method adds the rows inside the
/// running command (through <see cref="Notifier"/>), so a notification exists exactly when its cause was saved.
/// Texts are resource keys (notifications-events.*.json) with arguments; each links to the page to act on.
/// </summary>
public static class SessionEvents
{
    public const string ProposalReceivedKind = "proposal-received";
    public const string AgendaSentKind = "agenda-sent";
    public const string AgendaReturnedKind = "agenda-returned";
    public const string AgendaApprovedKind = "agenda-approved";
    public const string DeadlineComingKind = "proposal-deadline";
    public const string VoteOpenedKind = "vote-opened";
    public const string ProposalAcceptedKind = "proposal-accepted";
    public const string ProposalDeclinedKind = "proposal-declined";


    /// <summary>KZRU-06: a proposal goes to the secretary of the proposer's own side, never the other side's.</summary>
    public static Task ProposalReceivedAsync(this Notifier notifier, Session session, AgendaProposal proposal, CancellationToken ct) =>
        notifier.ToHoldersAsync(session.CommissionId, Capability.ReceiveProposals, proposal.SideId, ProposalReceivedKind,
            "Notifications.Event.ProposalReceived", "/Proposals/Inbox", ct, Number(session), proposal.Title.For("ru"));

    /// <summary>KZRU-11: the agenda awaits the co-chairs' approval.</summary>
    public static Task AgendaSentAsync(this Notifier notifier, Session session, CancellationToken ct) =>
        notifier.ToHoldersAsync(session.CommissionId, Capability.ApproveAgenda, null, AgendaSentKind,
            "Notifications.Event.AgendaSent", $"/Sessions/Approve/{session.Id}", ct, Number(session));

    /// <summary>KZRU-11: a co-chair returned the agenda; the secretaries of both sides see the comment.</summary>
    public static Task AgendaReturnedAsync(this Notifier notifier, Session session, string comment, CancellationToken ct) =>
        notifier.ToHoldersAsync(session.CommissionId, Capability.PrepareSessions, null, AgendaReturnedKind,
            "Notifications.Event.AgendaReturned", $"/Sessions/Agenda/{session.Id}", ct, Number(session), comment);

    /// <summary>KZRU-11/KZRU-14: the approved agenda is published to all members and to invitees who have an account.</summary>
    public static async Task AgendaApprovedAsync(this Notifier notifier, CommissionDbContext db, Session session, CancellationToken ct)
    {
        var people = await SeatedPeopleAsync(db, session.CommissionId, notifier.Today, ct);
        people.UnionWith(session.Invitees.Where(i => i.PersonId is not null).Select(i => i.PersonId!.Value));
        foreach (var person in people)
        {
            notifier.To(person, session.CommissionId, AgendaApprovedKind, "Notifications.Event.AgendaApproved", $"/Sessions/Details/{session.Id}", Number(session));
        }
    }

    /// <summary>KZRU-12: the proposal deadline is near; the members (everyone who may propose) are reminded.</summary>
    public static Task DeadlineComingAsync(this Notifier notifier, Session session, DateTimeOffset deadline, CancellationToken ct) =>
        notifier.ToHoldersAsync(session.CommissionId, Capability.Propose, null, DeadlineComingKind,
            "Notifications.Event.DeadlineComing", $"/Proposals/Create?sessionId={session.Id}", ct,
            Number(session), Notifier.Instant(deadline));

    /// <summary>
    /// Issue 15: a vote opened; everyone on the register whose seat votes by the profile (KZRU-17, CIS-01) and who is not
    /// represented by someone else (KZRU-15) hears of it, with a link straight to the ballot.
    /// </summary>
    public static void VoteOpened(this Notifier notifier, Guid commissionId, Guid sessionId, int sessionNumber, int itemNumber, RegulationProfile profile,
        IEnumerable<Domain.Voting.AttendanceEntry> register)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var voters = register.Where(e => e.Mode != AttendanceMode.Represented && profile.Voting.VotingRoles.Contains(e.Role)).Select(e => e.PersonId).Distinct();
        foreach (var person in voters)
        {
            notifier.To(person, commissionId, VoteOpenedKind, "Notifications.Event.VoteOpened", $"/Sessions/Live/{sessionId}#open-ballot-title",
                sessionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), itemNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>WF-02: the member hears that their proposal was put on the agenda.</summary>
    public static void ProposalAccepted(this Notifier notifier, Session session, AgendaProposal proposal) =>
        notifier.To(proposal.ProposerPersonId, session.CommissionId, ProposalAcceptedKind, "Notifications.Event.ProposalAccepted", "/Proposals/Mine",
            Number(session), proposal.Title.For("ru"));

    /// <summary>WF-02: the member hears that their proposal was declined, and why.</summary>
    public static void ProposalDeclined(this Notifier notifier, Guid commissionId, int sessionNumber, AgendaProposal proposal, string reason) =>
        notifier.To(proposal.ProposerPersonId, commissionId, ProposalDeclinedKind, "Notifications.Event.ProposalDeclined", "/Proposals/Mine",
            sessionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), proposal.Title.For("ru"), reason);

    private static string Number(Session session) => session.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<HashSet<Guid>> SeatedPeopleAsync(CommissionDbContext db, Guid commissionId, DateOnly today, CancellationToken ct)
    {
        var profile = await CommissionRules.ProfileAsync(db, commissionId, ct);
        var people = await db.Memberships.AsNoTracking().ActiveOn(today).SeatedBy(profile)
            .Where(m => m.CommissionId == commissionId)
            .Select(m => m.PersonId)
            .Distinct()
            .ToListAsync(ct);
        return [.. people];
    }
}
