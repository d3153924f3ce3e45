using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace IntergovCommission.Web.Infrastructure.Web;

/// <summary>
/// A return address taken from the request, made safe to redirect to: local to this app (else "/"), and with
/// every character a Location header cannot carry (non-ASCII, controls, spaces) percent-encoded as UTF-8.
/// A return address holding "é" used to end in a 500 ("Invalid non-ASCII … in header") and the user could not sign in.
/// </summary>
public static class LocalUrl
{
    public static string Safe(IUrlHelper url, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2048 || !url.IsLocalUrl(returnUrl))
        {
            return "/";
        }

        var encoded = Encode(returnUrl);
        return url.IsLocalUrl(encoded) ? encoded : "/";
    }

    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value is > 0x20 and < 0x7F)
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
