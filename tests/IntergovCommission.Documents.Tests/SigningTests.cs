using System.Security.Cryptography.X509Certificates;
using System.Text;
using IntergovCommission.Documents.Rendering;
using IntergovCommission.Documents.Signing;

using IntergovCommission.Testing;

namespace IntergovCommission.Documents.Tests;

public sealed class SigningTests : IDisposable
{
    private static readonly DocumentRenderer Renderer = new(new DocumentsOptions());
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"intergov-cert-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private byte[] SignedDecision()
    {
        using var certificate = DevelopmentCertificate.LoadOrCreate(Path.Combine(_directory, "signing.pfx"), "dev-password", TimeProvider.System);
        var pdf = Renderer.RenderDecision(Samples.Decision());
        return new PdfDocumentSigner(certificate).Sign(pdf, PdfSignatureDetails.IssuedDecision("5-3", "Baikonur"));
    }

    [Fact]
    public void Signed_decision_validates_with_pdfsig()
    {
        var signed = SignedDecision();
        var report = PdfTools.Run("pdfsig", signed).Output;

        Assert.Contains("Signature Validation: Signature is Valid.", report, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Signer Certificate Common Name: IntergovCommission development", report);
        Assert.Contains("SHA-256", report);
        Assert.Contains("Total document signed", report);
        // Signing keeps the document readable as before.
        Assert.Contains("Экземпляр 2 из 2", PdfTools.Text(signed));
    }

    [Fact]
    public void Changing_one_byte_of_the_signed_pdf_breaks_the_signature()
    {
        var signed = SignedDecision();
        var at = IndexOf(signed, "IntergovCommission"); // the Creator entry, inside the signed byte range
        Assert.True(at > 0);
        var tampered = (byte[])signed.Clone();
        tampered[at] = (byte)'X';

        var result = PdfTools.Run("pdfsig", tampered);

        Assert.DoesNotContain("Signature is Valid", result.Output, StringComparison.OrdinalIgnoreCase);
        Assert.True(result.Output.Contains("Digest Mismatch", StringComparison.OrdinalIgnoreCase)
            || result.Output.Contains("Invalid", StringComparison.OrdinalIgnoreCase)
            || result.ExitCode != 0, result.Output);
    }

    [Fact]
    public void Development_certificate_is_created_once_and_reused()
    {
        var path = Path.Combine(_directory, "nested", "signing.pfx");
        using var first = DevelopmentCertificate.LoadOrCreate(path, "pw", TimeProvider.System);
        using var second = DevelopmentCertificate.LoadOrCreate(path, "pw", TimeProvider.System);

        Assert.True(File.Exists(path));
        Assert.Equal(DevelopmentCertificate.SubjectName, first.Subject);
        Assert.True(first.HasPrivateKey);
        Assert.Equal(first.Thumbprint, second.Thumbprint);
        Assert.NotNull(first.GetRSAPublicKey());
        Assert.Equal(3072, first.GetRSAPublicKey()!.KeySize);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!)); // no temp file left behind
    }

    [Fact]
    public void Certificate_without_private_key_is_refused()
    {
        using var withKey = DevelopmentCertificate.LoadOrCreate(Path.Combine(_directory, "k.pfx"), null, TimeProvider.System);
        using var publicOnly = X509CertificateLoader.LoadCertificate(withKey.Export(X509ContentType.Cert));

        Assert.Throws<ArgumentException>(() => new PdfDocumentSigner(publicOnly));
    }

    private static int IndexOf(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle));
}
