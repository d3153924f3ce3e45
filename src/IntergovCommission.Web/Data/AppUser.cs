using Microsoft.AspNetCore.Identity;

namespace IntergovCommission.Web.Data;

/// <summary>A sign-in. Rights come from the person's memberships, not from the account (except Administrator).</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public Guid? PersonId { get; set; }
    public string DisplayName { get; set; } = string.Empty;
    public string PreferredLanguage { get; set; } = "ru";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The zone the person reads times in (IANA id); null: their side's zone (issue 15 item 8).</summary>
    public string? TimeZoneId { get; set; }

    /// <summary>The notification kinds that also come by e-mail; null: every kind, empty: none (issue 15 item 5).</summary>
    public string[]? EmailKinds { get; set; }
}
