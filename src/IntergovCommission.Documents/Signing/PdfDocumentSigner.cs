using System.Security.Cryptography.X509Certificates;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;

namespace IntergovCommission.Documents.Signing;

/// <summary>What the PDF signature dictionary says about the signing (shown by PDF readers).</summary>
public sealed record PdfSignatureDetails(string Reason, string Location, string ContactInfo)
{
    public static PdfSignatureDetails IssuedDecision(string number, string location) => new(
        $"Formalised decision No. {number} (Шешім · Решение № {number})", location, "Secretariat of the Interstate Commission");
}

/// <summary>
/// Applies the server's PDF digital signature (CMS, SHA-256, invisible) to an issued PDF, so that any
/// PDF reader can show it untampered. The certificate must carry its private key.
/// </summary>
public sealed class PdfDocumentSigner
{
    private readonly X509Certificate2 _certificate;

    public PdfDocumentSigner(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!certificate.HasPrivateKey)
        {
            throw new ArgumentException($"The certificate {certificate.Subject} has no private key; it cannot sign.", nameof(certificate));
        }

        _certificate = certificate;
    }

    public byte[] Sign(byte[] pdf, PdfSignatureDetails details)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(details);
        using var input = new MemoryStream(pdf, writable: false);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        var signer = new PdfSharpDefaultSigner(_certificate, PdfMessageDigestType.SHA256, null);
        DigitalSignatureHandler.ForDocument(document, signer, new DigitalSignatureOptions
        {
            Reason = details.Reason,
            Location = details.Location,
            ContactInfo = details.ContactInfo,
            AppName = "IntergovCommission",
        });
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }
}
