using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace IntergovCommission.Domain.Audit;

/// <summary>
/// A signed statement of the audit chain at one moment: its length and the hash of its last row
/// (as a Certificate Transparency signed tree head). Anyone holding it can later show that the
/// first <see cref="Length"/> rows are still the ones that were there.
/// </summary>
public sealed partial record AuditCheckpoint(long Length, string HeadHash, DateTimeOffset At, string? Signature = null)
{
    public const string Header = "intergov-audit-checkpoint/1";

    /// <summary>The signed text: four lines, UTC time to the second.</summary>
    public string Statement =>
        $"{Header}\nlength {Length.ToString(CultureInfo.InvariantCulture)}\nhead {HeadHash}\nat {At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\n";

    /// <summary>The short form printed in an issued decision: "length/head".</summary>
    public string Compact => $"{Length.ToString(CultureInfo.InvariantCulture)}/{HeadHash}";

    /// <summary>The statement followed by its signature line: the checkpoint file's and the download's form.</summary>
    public string ToText() => Statement + (Signature is null ? string.Empty : $"signature {Signature}\n");

    public static AuditCheckpoint Create(long length, string headHash, DateTimeOffset at, X509Certificate2 certificate)
    {
        var unsigned = new AuditCheckpoint(length, headHash, TruncateToSeconds(at));
        using var rsa = certificate.GetRSAPrivateKey();
        using var ecdsa = rsa is null ? certificate.GetECDsaPrivateKey() : null;
        var data = Encoding.UTF8.GetBytes(unsigned.Statement);
        var signature = rsa is not null
            ? rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : ecdsa?.SignData(data, HashAlgorithmName.SHA256) ?? throw new InvalidOperationException("The document certificate has no RSA or ECDSA private key.");
        return unsigned with { Signature = Convert.ToBase64String(signature) };
    }

    /// <summary>True when the signature is present and made by the certificate's key over the statement.</summary>
    public bool IsSignedBy(X509Certificate2 certificate)
    {
        if (Signature is null)
        {
            return false;
        }

        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(Signature);
        }
        catch (FormatException)
        {
            return false;
        }

        var data = Encoding.UTF8.GetBytes(Statement);
        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is not null)
        {
            return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }

        using var ecdsa = certificate.GetECDsaPublicKey();
        return ecdsa is not null && ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256);
    }

    /// <summary>
    /// Reads a checkpoint from the statement form (with or without its signature line) or from the
    /// compact "length/head" form printed in issued decisions. Null when the text is neither.
    /// </summary>
    public static AuditCheckpoint? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var compact = CompactForm().Match(text);
        var length = LengthLine().Match(text);
        var head = HeadLine().Match(text);
        if (length.Success && head.Success)
        {
            var at = AtLine().Match(text) is { Success: true } a
                && DateTimeOffset.TryParse(a.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed : DateTimeOffset.MinValue;
            var signature = SignatureLine().Match(text);
            return long.TryParse(length.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? new AuditCheckpoint(n, head.Groups[1].Value.ToLowerInvariant(), at, signature.Success ? signature.Groups[1].Value : null)
                : null;
        }

        return compact.Success && long.TryParse(compact.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? new AuditCheckpoint(count, compact.Groups[2].Value.ToLowerInvariant(), DateTimeOffset.MinValue)
            : null;
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    [GeneratedRegex(@"(?:^|\s)(\d{1,18})\s*/\s*([0-9a-fA-F]{64})(?:\s|$)")]
    private static partial Regex CompactForm();

    [GeneratedRegex(@"(?m)^\s*length\s+(\d{1,18})\s*$")]
    private static partial Regex LengthLine();

    [GeneratedRegex(@"(?m)^\s*head\s+([0-9a-fA-F]{64})\s*$")]
    private static partial Regex HeadLine();

    [GeneratedRegex(@"(?m)^\s*at\s+(\S+)\s*$")]
    private static partial Regex AtLine();

    [GeneratedRegex(@"(?m)^\s*signature\s+([A-Za-z0-9+/=]+)\s*$")]
    private static partial Regex SignatureLine();
}
