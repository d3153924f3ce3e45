using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntergovCommission.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using IntergovCommission.Web.Infrastructure.Mediator;
using Npgsql;

namespace IntergovCommission.Web.Infrastructure.Api;

/// <summary>A request body that holds a secret says what of it identifies the request (without the secret).</summary>
public interface IIdempotencyFingerprint
{
    object Fingerprint { get; }
}

/// <summary>
/// Idempotency-Key on writes a client is likely to retry. The request runs in one transaction that
/// also stores its answer (a unique row per user and key, so this holds across app instances): one
/// commit for the change and the answer. A retry with the same key and the same request gets the
/// stored answer and runs nothing; a twin sent at the same moment runs, finds the first's answer
/// stored when it commits, rolls back and replays it; the same key with a different request is refused.
/// </summary>
public sealed class IdempotencyFilter(TimeProvider clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key))
        {
            return await next(context);
        }

        if (key.Length > 200 || !Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return ApiExceptionFilter.Problem(http, StatusCodes.Status400BadRequest, Header, "The Idempotency-Key must be at most 200 characters, on an authenticated request.", null);
        }

        var options = json.Value.SerializerOptions;
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            http.Request.Method + " " + http.Request.Path + " " + JsonSerializer.Serialize(context.Arguments.Where(a => a is not HttpContext and not CancellationToken and not Stream).Select(FingerprintOf), options)))).ToLowerInvariant();

        var services = http.RequestServices;
        var db = services.GetRequiredService<CommissionDbContext>();
        var existing = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, http.RequestAborted);
        if (existing is { StatusCode: 0 } && existing.CreatedAt < clock.GetUtcNow().AddMinutes(-2))
        {
            // A claim left by an earlier version that kept claims in their own transaction, by a request that never finished.
            await db.IdempotencyRecords.Where(r => r.Id == existing.Id).ExecuteDeleteAsync(http.RequestAborted);
            existing = null;
        }

        if (existing is not null)
        {
            return Replay(http, existing, fingerprint);
        }

        var owner = services.GetRequiredService<RequestTransaction>();
        var afterCommit = services.GetRequiredService<AfterCommit>();
        var strategy = db.Database.CreateExecutionStrategy();
        var (result, twin) = await strategy.ExecuteAsync(async ct =>
        {
            await using var tx = await RequestTransaction.BeginAsync(db, afterCommit, ct);
            owner.Owned = true;
            object? answer;
            try
            {
                answer = await next(context);
            }
            finally
            {
                owner.Owned = false;
            }

            var (status, body, location) = Capture(answer, options);
            if (status is >= 500 or 0)
            {
                // Not an answer to keep: a failure is not committed; an answer that cannot be replayed commits without its key.
                if (status == 0)
                {
                    await tx.CommitAsync(ct);
                }

                return (answer, (IdempotencyRecord?)null);
            }

            db.IdempotencyRecords.Add(new IdempotencyRecord(Guid.CreateVersion7(), userId, key, fingerprint, status, StoredHead.Format("application/json", location), body, clock.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: not null } pg
                && pg.ConstraintName.Contains("idempotency", StringComparison.OrdinalIgnoreCase))
            {
                // A twin with the same key committed first: undo this run, answer as the twin did.
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                afterCommit.Clear();
                return (answer, await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.UserId == userId && r.Key == key, CancellationToken.None));
            }

            await tx.CommitAsync(ct);
            return (answer, (IdempotencyRecord?)null);
        }, http.RequestAborted);

        if (twin is not null)
        {
            return Replay(http, twin, fingerprint);
        }

        await afterCommit.RunAsync(services.GetRequiredService<ILogger<IdempotencyFilter>>());
        return result;
    }

    /// <summary>What of an argument identifies the request: a secret (a password) never goes into the stored fingerprint; a file counts by name, size and SHA-256.</summary>
    private static object? FingerprintOf(object? argument) => argument switch
    {
        IIdempotencyFingerprint custom => custom.Fingerprint,
        IFormFile file => new { file.FileName, file.Length, Sha256 = HashOf(file) },
        _ => argument,
    };

    private static string HashOf(IFormFile file)
    {
        using var stream = file.OpenReadStream();
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    private static IResult Replay(HttpContext http, IdempotencyRecord record, string fingerprint)
    {
        if (!string.Equals(record.RequestFingerprint, fingerprint, StringComparison.Ordinal))
        {
            return ApiExceptionFilter.Problem(http, StatusCodes.Status422UnprocessableEntity, Header, "This Idempotency-Key was already used for a different request.", null);
        }

        if (record.StatusCode == 0)
        {
            http.Response.Headers.RetryAfter = "1";
            return ApiExceptionFilter.Problem(http, StatusCodes.Status409Conflict, Header, "A request with this Idempotency-Key is still being processed; retry shortly.", null);
        }

        http.Response.Headers["Idempotent-Replayed"] = "true";
        var (contentType, location) = StoredHead.Parse(record.ContentType);
        return new StoredResult(record.StatusCode, contentType, location, record.Body);
    }

    private static (int Status, byte[] Body, string? Location) Capture(object? result, JsonSerializerOptions options)
    {
        // Results.Created(...) carries its Location; a replayed 201 must carry it too.
        var location = result?.GetType().GetProperty("Location")?.GetValue(result) as string;
        var status = result is IStatusCodeHttpResult { StatusCode: int code } ? code : StatusCodes.Status200OK;
        var value = result is IValueHttpResult valued ? valued.Value : result is IResult ? null : result;
        if (result is IResult and not IStatusCodeHttpResult)
        {
            status = 0; // an answer we cannot replay faithfully: do not keep the key
        }

        return (status, JsonSerializer.SerializeToUtf8Bytes(value, options), location);
    }

    private sealed class StoredResult(int status, string contentType, string? location, byte[] body) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => status;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            if (location is not null)
            {
                httpContext.Response.Headers.Location = location;
            }

            if (body.Length > 0 && status != StatusCodes.Status204NoContent)
            {
                httpContext.Response.ContentType = contentType;
                await httpContext.Response.Body.WriteAsync(body);
            }
        }
    }
}

/// <summary>
/// The kept answer's content type and, for a 201, its Location, in the record's one content-type
/// column ("application/json\n/api/v1/…"): a replayed 201 points at the same resource as the first
/// (kept without a schema change; the column holds 200 characters).
/// </summary>
internal static class StoredHead
{
    private const int Column = 200;

    public static string Format(string contentType, string? location) =>
        location is null || contentType.Length + 1 + location.Length > Column || location.Contains('\n', StringComparison.Ordinal)
            ? contentType
            : contentType + "\n" + location;

    public static (string ContentType, string? Location) Parse(string stored) =>
        stored.IndexOf('\n', StringComparison.Ordinal) is var at and >= 0 ? (stored[..at], stored[(at + 1)..]) : (stored, null);
}
