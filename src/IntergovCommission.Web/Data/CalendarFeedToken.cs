using System.Security.Cryptography;

namespace IntergovCommission.Web.Data;

/// <summary>
/// A user's secret calendar feed address (/Calendar/Feed/{token}.ics) for calendar apps that cannot
/// sign in. One per user; only its SHA-256 is stored (as <see cref="ApiToken"/>); regenerating replaces
/// it, revoking deletes it, and the feed then answers 404.
/// </summary>
public sealed class CalendarFeedToken
{
    private CalendarFeedToken() { TokenHash = string.Empty; }

    public Guid UserId { get; private set; }
    public string TokenHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>A new secret for the user; returns the entity to store and the secret to show.</summary>
    public static (CalendarFeedToken Token, string Secret) Issue(Guid userId, DateTimeOffset now)
    {
        var secret = NewSecret();
        return (new CalendarFeedToken { UserId = userId, TokenHash = ApiToken.Hash(secret), CreatedAt = now }, secret);
    }

    /// <summary>Replaces the secret: the old address stops working at once.</summary>
    public string Regenerate(DateTimeOffset now)
    {
        var secret = NewSecret();
        TokenHash = ApiToken.Hash(secret);
        CreatedAt = now;
        return secret;
    }

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
