namespace IntergovCommission.Web.Features.Notifications;

/// <summary>The notification kinds a person may choose to receive by e-mail too (labels: mail.*.json "Mail.Kind.{kind}").</summary>
public static class NotificationKinds
{
    public static IReadOnlyList<string> Choosable { get; } =
    [
        SessionEvents.VoteOpenedKind,
        Decisions.DecisionAccess.SignKind,
        Decisions.DecisionAccess.ApproveKind,
        Decisions.DecisionAccess.IssuedKind,
        SessionEvents.AgendaSentKind,
        SessionEvents.AgendaReturnedKind,
        SessionEvents.AgendaApprovedKind,
        SessionEvents.ProposalReceivedKind,
        SessionEvents.ProposalAcceptedKind,
        SessionEvents.ProposalDeclinedKind,
        SessionEvents.DeadlineComingKind,
        "assignment-coming",
        "assignment-overdue",
        "item-deferred",
        "expert-proposal-returned",
        "extraordinary-proposed",
        "extraordinary-supported",
        Sessions.SessionFrequencyReminders.NotificationKind,
    ];

    public static bool IsKnown(string kind) => Choosable.Contains(kind, StringComparer.Ordinal);
}
