using System.Threading.RateLimiting;
using System.Xml.Linq;
using IntergovCommission.Web.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.SignalR;
using Npgsql;
using StackExchange.Redis;

namespace IntergovCommission.Web.Infrastructure;

/// <summary>
/// Several app instances behind a load balancer over one PostgreSQL (docs/operations.md, "Scaling
/// out"). What they must share: Data Protection keys (sign-in cookies, antiforgery tokens) are kept
/// in PostgreSQL (<see cref="DatabaseKeyRepository"/>); idempotency records already are. With
/// <c>Redis:Configuration</c> set, live updates go through Redis (the SignalR backplane), so a vote
/// cast on one instance reaches screens connected to any other, and the API's per-user rate limit
/// is counted in Redis for all instances together. Without it, one instance works as before.
/// </summary>
public static class ScaleOut
{
    public const string RedisSetting = "Redis:Configuration";

    public static string? RedisConfiguration(IConfiguration configuration) =>
        configuration[RedisSetting] is { Length: > 0 } value ? value : null;

    public static void AddScaleOut(this IServiceCollection services, IConfiguration configuration, ISignalRServerBuilder signalR)
    {
        if (RedisConfiguration(configuration) is not { } redis)
        {
            return;
        }

        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        signalR.AddStackExchangeRedis(o =>
        {
            o.Configuration = options.Clone();
            o.Configuration.ChannelPrefix = RedisChannel.Literal("intergov");
        });
    }

    /// <summary>
    /// The API's per-user fixed window: in process, or with Redis configured, one counter per user and
    /// window in Redis shared by every instance (the window and the limit are the same either way).
    /// </summary>
    public static RateLimitPartition<string> ApiPartition(HttpContext http, string key, int permitPerMinute)
    {
        var redis = http.RequestServices.GetService<IConnectionMultiplexer>();
        return redis is null
            ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permitPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.Get(key, k => new RedisFixedWindowLimiter(redis, k, permitPerMinute, TimeSpan.FromMinutes(1)));
    }
}

/// <summary>A fixed-window limit counted in Redis (INCR with an expiry per window): every instance sees the same count.</summary>
public sealed class RedisFixedWindowLimiter(IConnectionMultiplexer redis, string partition, int permitLimit, TimeSpan window) : RateLimiter
{
    private static readonly RateLimitLease NotYet = new Lease(false, null);

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => null;

    // The middleware tries without waiting first; the count lives in Redis, so it always asks asynchronously.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => NotYet;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var windowIndex = now.ToUnixTimeMilliseconds() / (long)window.TotalMilliseconds;
        var key = new RedisKey($"intergov:rate:{partition}:{windowIndex}");
        var database = redis.GetDatabase();
        long count;
        try
        {
            count = await database.StringIncrementAsync(key, permitCount);
            if (count == permitCount)
            {
                await database.KeyExpireAsync(key, window + TimeSpan.FromSeconds(5));
            }
        }
        catch (RedisException)
        {
            // Redis unreachable: the limit is a protection, not a gate; requests go on (the failure is logged by the client).
            return new Lease(true, null);
        }

        var retryAfter = TimeSpan.FromMilliseconds((windowIndex + 1) * (long)window.TotalMilliseconds - now.ToUnixTimeMilliseconds());
        return count <= permitLimit ? new Lease(true, null) : new Lease(false, retryAfter);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}

/// <summary>Data Protection keys in PostgreSQL (table data_protection_keys): every instance reads and writes the same ring.</summary>
public sealed class DatabaseKeyRepository(string connectionString) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys ORDER BY id", connection);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@name, @xml)", connection);
        command.Parameters.AddWithValue("name", (object?)friendlyName ?? DBNull.Value);
        command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
