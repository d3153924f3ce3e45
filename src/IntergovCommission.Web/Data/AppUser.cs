using Microsoft.AspNetCore.Identity;

namespace IntergovCommission.Web.Data;

/// <summary>A sign-in. Rights come from the person's memberships, not from the account (except Administrator).</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public Guid? PersonId { get; set; }
    public string DisplayName { get; set; } = string.Empty;
    public string PreferredLanguage { get; set; } = "ru";
    public DateTimeOffset CreatedAt { get; set; }
}
