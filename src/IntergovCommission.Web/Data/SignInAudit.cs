using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Data;

/// <summary>Sign-ins, failures, lock-outs and sign-outs go into the audit trail too.</summary>
public sealed class SignInAudit(CommissionDbContext db, TimeProvider clock)
{
    /// <summary>Whatever was typed as the user name is recorded (a 10 000-character probe too): cut to the column, NULs dropped.</summary>
    public async Task RecordAsync(string userName, string action, HttpContext context)
    {
        if (action.Contains("Failed", StringComparison.Ordinal) || action.EndsWith("LockedOut", StringComparison.Ordinal))
        {
            Infrastructure.AppMetrics.FailedSignIns.Add(1);
        }

        var clean = new string(userName.Where(c => c != '\0').ToArray());
        var stored = clean.Length > 256 ? clean[..255] + "…" : clean;
        var userId = clean.Length > 256 ? null
            : await db.Users.AsNoTracking().Where(u => u.UserName == clean).Select(u => (Guid?)u.Id).SingleOrDefaultAsync();
        await AuditChain.AppendAsync(db, new AuditEntry(Guid.CreateVersion7(), clock.GetUtcNow(), userId, stored, null, "Account." + action,
            JsonSerializer.Serialize(new { userName = clean.Length > 1024 ? clean[..1024] + "…" : clean }), "[]", context.TraceIdentifier, context.Connection.RemoteIpAddress?.ToString()));
    }
}
