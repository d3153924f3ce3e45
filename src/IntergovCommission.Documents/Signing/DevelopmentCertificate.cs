using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IntergovCommission.Documents.Signing;

/// <summary>
/// The self-signed certificate the server signs PDFs with in development: RSA 3072, SHA-256,
/// CN=IntergovCommission development, made on first use and kept as a PFX at the given path so that
/// every later run (and every process) signs with the same key. Production loads a real certificate.
/// </summary>
public static class DevelopmentCertificate
{
    public const string SubjectName = "CN=IntergovCommission development";

    public static X509Certificate2 LoadOrCreate(string pfxPath, string? password, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pfxPath);
        ArgumentNullException.ThrowIfNull(time);
        if (!File.Exists(pfxPath))
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(pfxPath))!;
            Directory.CreateDirectory(directory);
            var temp = Path.Combine(directory, $".{Path.GetFileName(pfxPath)}.{Guid.NewGuid():N}.tmp");
            using (var created = Create(time))
            {
                File.WriteAllBytes(temp, created.Export(X509ContentType.Pkcs12, password));
            }

            try
            {
                // Another process may have won the race: keep its file, so everyone signs with one key.
                File.Move(temp, pfxPath, overwrite: false);
            }
            catch (IOException) when (File.Exists(pfxPath))
            {
                File.Delete(temp);
            }
        }

        return X509CertificateLoader.LoadPkcs12FromFile(pfxPath, password, X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet);
    }

    private static X509Certificate2 Create(TimeProvider time)
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest(SubjectName, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.4", "Secure Email"), new Oid("1.3.6.1.4.1.311.10.3.12", "Document Signing")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = time.GetUtcNow();
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
    }
}
