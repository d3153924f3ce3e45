using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Data;

/// <summary>Sign-ins, failures, lock-outs and sign-outs go into the audit trail too.</summary>
public sealed class SignInAudit(CommissionDbContext db, TimeProvider clock)
{
    public async Task RecordAsync(string userName, string action, HttpContext context)
    {
        var userId = await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => (Guid?)u.Id).SingleOrDefaultAsync();
        db.AuditEntries.Add(new AuditEntry(Guid.CreateVersion7(), clock.GetUtcNow(), userId, userName, null, "Account." + action,
            JsonSerializer.Serialize(new { userName }), "[]", context.TraceIdentifier, context.Connection.RemoteIpAddress?.ToString()));
        await db.SaveChangesAsync();
    }
}
