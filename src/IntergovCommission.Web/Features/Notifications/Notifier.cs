using IntergovCommission.Domain.Regulation;
using IntergovCommission.Domain.Voting;
using IntergovCommission.Web.Features.Commissions;
using IntergovCommission.Domain.Commissions;
using IntergovCommission.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Notifications;

/// <summary>
/// Adds notifications inside the current command's transaction: they exist exactly when the
/// change that caused them was saved. Handlers call it; nothing is sent half-way.
/// </summary>
public sealed class Notifier(CommissionDbContext db, TimeProvider clock)
{
    public void To(Guid personId, Guid? commissionId, string kind, string textKey, string? link, params string[] arguments)
    {
        var now = clock.GetUtcNow();
        var notification = new Notification(Guid.CreateVersion7(), personId, commissionId, kind, textKey, arguments, link, now);
        db.Notifications.Add(notification);
        // Issue 15: the e-mail it may cause, in the same transaction; MailSender decides and sends it outside the request.
        db.MailOutbox.Add(new MailOutboxEntry(Guid.CreateVersion7(), notification.Id, personId, kind, now));
    }

    /// <summary>An instant as a notification argument: shown to each reader in their own zone (<see cref="NotificationText"/>).</summary>
    public static string Instant(DateTimeOffset at) => NotificationText.InstantPrefix + at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Today's date (UTC) by the injected clock, for "active membership" checks.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Everyone who holds a capability by the commission's profile (for one held per side: that side's holders).</summary>
    public async Task ToHoldersAsync(Guid commissionId, Capability capability, Guid? sideId, string kind, string textKey, string? link, CancellationToken ct, params string[] arguments)
    {
        var people = (await CommissionRules.HoldersAsync(db, commissionId, capability, sideId, Today, ct)).Select(h => h.PersonId).Distinct();
        foreach (var person in people)
        {
            To(person, commissionId, kind, textKey, link, arguments);
        }
    }
}
