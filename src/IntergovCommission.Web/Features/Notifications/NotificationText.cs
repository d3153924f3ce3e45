using System.Globalization;
using IntergovCommission.Domain.Common;

namespace IntergovCommission.Web.Features.Notifications;

/// <summary>
/// A notification's arguments as a reader sees them: an instant (written by <see cref="Notifier.Instant"/>) on the
/// reader's own clock with its zone, everything else as stored (issue 15 item 8).
/// </summary>
public static class NotificationText
{
    public const string InstantPrefix = "@instant:";

    public static object[] Arguments(IEnumerable<string> arguments, string zoneId) =>
        arguments.Select(a => (object)(a.StartsWith(InstantPrefix, StringComparison.Ordinal)
            && DateTimeOffset.TryParse(a[InstantPrefix.Length..], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? ZonedTime.Screen(at, zoneId)
                : a)).ToArray();
}
