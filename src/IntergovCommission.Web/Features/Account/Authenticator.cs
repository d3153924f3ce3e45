using System.Text;
using IntergovCommission.Web.Data;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace IntergovCommission.Web.Features.Account;

/// <summary>What happened to a submitted authenticator code.</summary>
public enum CodeCheck
{
    Accepted = 0,
    Rejected = 1,
    LockedOut = 2,
}

/// <summary>
/// The authenticator-app (TOTP, RFC 6238) second factor: checking a code with the same lockout
/// as passwords (10 tries, 15 minutes), the otpauth URI, the QR code and the key grouped for typing.
/// </summary>
public static class Authenticator
{
    public const string Issuer = "IntergovCommission";
    public const int RecoveryCodeCount = 10;

    /// <summary>Verifies a 6-digit code; a wrong one counts as a failed attempt towards lockout.</summary>
    public static async Task<CodeCheck> VerifyAsync(UserManager<AppUser> users, AppUser user, string? code)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return CodeCheck.LockedOut;
        }

        var normalized = Normalize(code);
        if (normalized.Length > 0 && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, normalized))
        {
            await users.ResetAccessFailedCountAsync(user);
            return CodeCheck.Accepted;
        }

        await users.AccessFailedAsync(user);
        return await users.IsLockedOutAsync(user) ? CodeCheck.LockedOut : CodeCheck.Rejected;
    }

    /// <summary>Codes are typed with spaces or hyphens sometimes; only the digits and letters count.</summary>
    public static string Normalize(string? code) =>
        new((code ?? string.Empty).Where(char.IsAsciiLetterOrDigit).ToArray());

    public static string Uri(string userName, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(userName)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>The key in lower-case groups of four, as authenticator apps ask for it.</summary>
    public static string GroupedKey(string key)
    {
        var sb = new StringBuilder(key.Length + (key.Length / 4));
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return sb.ToString().ToLowerInvariant();
    }

    /// <summary>The QR code of the otpauth URI as a PNG data: URI (the CSP allows img-src data:), dark on white.</summary>
    public static string QrDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5, [0x1b, 0x24, 0x30], [0xff, 0xff, 0xff]);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
