using IntergovCommission.Web.Data;
using IntergovCommission.Web.Infrastructure.Mediator;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Tokens;

/// <summary>
/// Revoking every usable token of a user: on an administrator's password reset (always), on the
/// user's own password change or on enabling two-factor sign-in (when they ask, the default), and
/// by an administrator. The rows change inside the use case, so the audit trail records each token.
/// </summary>
public static class TokenRevocation
{
    public static async Task<int> RevokeAllAsync(CommissionDbContext db, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var usable = await db.ApiTokens.Where(t => t.UserId == userId && t.RevokedAt == null && t.ExpiresAt > now).ToListAsync(cancellationToken);
        foreach (var token in usable)
        {
            token.Revoke(now);
        }

        return usable.Count;
    }

    /// <summary>How many tokens of the user are usable now (the cap counts these).</summary>
    public static Task<int> CountActiveAsync(CommissionDbContext db, Guid userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.ApiTokens.CountAsync(t => t.UserId == userId && t.RevokedAt == null && t.ExpiresAt > now, cancellationToken);

    /// <summary>
    /// Inside the command's transaction: locks the user's row, so two requests creating tokens at
    /// the same moment are counted one after the other, then refuses when the cap is reached (the
    /// validator gave the same answer earlier for the ordinary case).
    /// </summary>
    public static async Task RequireRoomAsync(CommissionDbContext db, Guid userId, DateTimeOffset now, int max, string field, string message, CancellationToken cancellationToken)
    {
        await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM identity_users WHERE id = {userId} FOR UPDATE").ToListAsync(cancellationToken);
        if (await CountActiveAsync(db, userId, now, cancellationToken) >= max)
        {
            throw new InputValidationException(field, message);
        }
    }

    /// <summary>The cap on a user's usable tokens (<c>Api:Tokens:MaxActivePerUser</c>, 10 by default).</summary>
    public static int MaxActivePerUser(IConfiguration configuration) => Math.Max(1, configuration.GetValue("Api:Tokens:MaxActivePerUser", 10));
}
