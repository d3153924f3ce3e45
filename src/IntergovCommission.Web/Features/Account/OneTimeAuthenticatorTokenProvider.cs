using System.Security.Cryptography;
using IntergovCommission.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IntergovCommission.Web.Features.Account;

/// <summary>
/// The authenticator-app codes (TOTP, RFC 6238: HMAC-SHA1, 30 s steps, 6 digits, one step of clock drift either
/// way), each accepted once: a code, or any older one, that was already used is refused (RFC 6238 §5.2), so a
/// code seen over a shoulder or replayed within its 30 s window does not sign in or sign again. The last step
/// used is stored per user and moved forward atomically (one conditional upsert), safe under concurrent use.
/// Every use of the authenticator goes through here: sign-in, enabling it, and re-confirming a signature.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(CommissionDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string Name = "OneTimeAuthenticator";
    private const string StepProvider = "[IntergovCommission]";
    private const string StepName = "LastAuthenticatorStep";

    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token is not { Length: 6 } || !token.All(char.IsAsciiDigit) || !TryDecodeBase32(key, out var secret))
        {
            return false;
        }

        var code = int.Parse(token, System.Globalization.CultureInfo.InvariantCulture);
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / 30;
        long? matched = null;
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (Code(secret, step) == code)
            {
                matched = step;
            }
        }

        if (matched is not { } used)
        {
            return false;
        }

        // Consume the step: only a step later than the last one used moves it forward.
        var value = used.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var moved = await db.Database.SqlQuery<int>($"""
            INSERT INTO identity_user_tokens (user_id, login_provider, name, value) VALUES ({user.Id}, {StepProvider}, {StepName}, {value})
            ON CONFLICT (user_id, login_provider, name) DO UPDATE SET value = excluded.value
            WHERE identity_user_tokens.value IS NULL OR identity_user_tokens.value::bigint < excluded.value::bigint
            RETURNING 1 AS "Value"
            """).ToListAsync();
        return moved.Count == 1;
    }

    /// <summary>RFC 6238 / RFC 4226 code of one time step.</summary>
    public static int Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // HMAC-SHA1 is what RFC 6238 authenticator apps compute.
        HMACSHA1.HashData(secret, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return binary % 1_000_000;
    }

    public static bool TryDecodeBase32(string text, out byte[] bytes)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Trim().TrimEnd('=').Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var output = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var index = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (index < 0)
            {
                bytes = [];
                return false;
            }

            buffer = (buffer << 5) | index;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
                buffer &= (1 << bits) - 1;
            }
        }

        bytes = [.. output];
        return bytes.Length > 0;
    }
}
