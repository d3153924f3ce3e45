using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace IntergovCommission.Web.Infrastructure.Web;

/// <summary>Settings of <see cref="SignInThrottle"/> (section <c>SignIn</c>; docs/operations.md).</summary>
public sealed class SignInThrottleOptions
{
    /// <summary>Failed attempts for one account before each further attempt has to wait (1 s, 2 s, 4 s … up to <see cref="MaxDelaySeconds"/>).</summary>
    public int FreeFailuresPerAccount { get; set; } = 3;

    /// <summary>Failed attempts from one client address (any accounts) before each further attempt has to wait.</summary>
    public int FreeFailuresPerAddress { get; set; } = 10;

    public int MaxDelaySeconds { get; set; } = 300;

    /// <summary>Sign-in form posts one client address may make per minute at all (ASP.NET Core's rate limiter).</summary>
    public int PostsPerAddressPerMinute { get; set; } = 60;
}

/// <summary>
/// Slows password guessing down without handing anyone a way to lock an account: failed sign-ins are
/// counted per client address and per account, and past a few free failures each further attempt waits
/// a growing delay (it is refused at once, before the password is checked, so it counts towards nothing).
/// The account lock-out (Identity's, after more failures) stays for real guessing, and never stops the
/// account's API tokens (only an administrator's disabling does). Every attempt is reserved before the
/// password is checked, so a burst of parallel attempts cannot all slip through before the first failure is counted.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, Microsoft.Extensions.Options.IOptions<SignInThrottleOptions> options)
{
    public const string RateLimitPolicy = "sign-in";
    private const int MaxEntries = 100_000;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private sealed class Entry
    {
        public int Failures;
        public DateTimeOffset Last;
    }

    /// <summary>
    /// Reserves an attempt for this address and account: null when it may go ahead (then call <see cref="Succeeded"/>
    /// or leave it counted as a failure), or how long to wait.
    /// </summary>
    public TimeSpan? TryBegin(string? address, string userName)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var keys = Keys(address, userName);
        lock (_gate)
        {
            var wait = TimeSpan.Zero;
            foreach (var (key, free) in keys.Zip([settings.FreeFailuresPerAddress, settings.FreeFailuresPerAccount]))
            {
                if (_entries.TryGetValue(key, out var entry))
                {
                    var remaining = Delay(entry.Failures, free, settings.MaxDelaySeconds) - (now - entry.Last);
                    if (remaining > wait)
                    {
                        wait = remaining;
                    }
                }
            }

            if (wait > TimeSpan.Zero)
            {
                return wait;
            }

            Prune(now, settings.MaxDelaySeconds);
            foreach (var key in keys)
            {
                if (!_entries.TryGetValue(key, out var entry))
                {
                    _entries[key] = entry = new Entry();
                }

                entry.Failures++;
                entry.Last = now;
            }

            return null;
        }
    }

    /// <summary>The password was right: the account starts afresh, and the address gets its reservation back.</summary>
    public void Succeeded(string? address, string userName)
    {
        var keys = Keys(address, userName);
        lock (_gate)
        {
            _entries.Remove(keys[1]);
            if (_entries.TryGetValue(keys[0], out var entry) && --entry.Failures <= 0)
            {
                _entries.Remove(keys[0]);
            }
        }
    }

    private static string[] Keys(string? address, string userName) =>
        ["address:" + (address ?? "unknown"), "account:" + userName.Trim().ToUpperInvariant()];

    private static TimeSpan Delay(int failures, int free, int maxSeconds) =>
        failures < free ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(maxSeconds, Math.Pow(2, failures - free)));

    private void Prune(DateTimeOffset now, int maxDelaySeconds)
    {
        if (_entries.Count < MaxEntries)
        {
            return;
        }

        foreach (var stale in _entries.Where(e => now - e.Value.Last > TimeSpan.FromSeconds(maxDelaySeconds) * 2).Select(e => e.Key).ToList())
        {
            _entries.Remove(stale);
        }
    }

    /// <summary>A coarse cap on sign-in form posts per client address (ASP.NET Core's rate limiter), before any of the above.</summary>
    public static void AddPolicy(RateLimiterOptions limiter, SignInThrottleOptions settings) =>
        limiter.AddPolicy(RateLimitPolicy, http => HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter("sign-in:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, settings.PostsPerAddressPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("sign-in:get"));

    public static string Seconds(TimeSpan wait) => Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
