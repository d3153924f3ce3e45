using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace IntergovCommission.IntegrationTests.Account;

/// <summary>What an authenticator app does, written from RFC 6238 / RFC 4226 (not from the server's code): the 6-digit code of a base32 key at a moment.</summary>
internal static class Totp
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Code(string base32Key, DateTimeOffset at)
    {
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 as authenticator apps implement it is HMAC-SHA1.
        var hash = HMACSHA1.HashData(Base32Decode(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>A 6-digit code that is certainly not valid around <paramref name="at"/> (the server accepts a few steps either side).</summary>
    public static string WrongCode(string base32Key, DateTimeOffset at)
    {
        var valid = Enumerable.Range(-3, 7).Select(i => Code(base32Key, at.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 20).Select(i => ((123456 + (i * 111111)) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }

    public static byte[] Base32Decode(string text)
    {
        var clean = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '=').Select(char.ToUpperInvariant).ToArray());
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a base32 character.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)((buffer >> bits) & 0xff));
            }
        }

        return [.. bytes];
    }
}
