using System.Security.Cryptography.X509Certificates;
using IntergovCommission.Documents;
using IntergovCommission.Documents.Rendering;
using IntergovCommission.Documents.Signing;
using Serilog;

namespace IntergovCommission.Web.Infrastructure.Documents;

/// <summary>Settings of the official documents (section "Pdf").</summary>
public sealed class PdfSettings
{
    public string LicenseMode { get; set; } = "Agpl";
    public string? LicenseKey { get; set; }

    /// <summary>The PFX of the server's document-signing certificate. Empty: a self-signed development certificate is made on first run (not for production).</summary>
    public string? SigningCertificatePath { get; set; }
    public string? SigningCertificatePassword { get; set; }

    /// <summary>Where the PDF signature says the document was signed (the commission's seat).</summary>
    public string SigningLocation { get; set; } = "Astana";

    /// <summary>The public address printed in the QR code (e.g. https://commission.example.org). Empty: the request's own address.</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>The server's own certificate that signs issued PDFs (loaded once, kept for the process).</summary>
public sealed class ServerSigningCertificate(X509Certificate2 certificate) : IDisposable
{
    public X509Certificate2 Certificate { get; } = certificate;
    public PdfDocumentSigner Signer { get; } = new(certificate);
    public void Dispose() => Certificate.Dispose();
}

public static class DocumentServices
{
    public static IServiceCollection AddOfficialDocuments(this IServiceCollection services, IConfiguration configuration, string? localDataDirectory)
    {
        var settings = configuration.GetSection("Pdf").Get<PdfSettings>() ?? new PdfSettings();
        services.AddSingleton(settings);
        services.AddSingleton(_ => new DocumentRenderer(new DocumentsOptions
        {
            LicenseMode = string.Equals(settings.LicenseMode, "Commercial", StringComparison.OrdinalIgnoreCase) ? PdfSharpLicenseMode.Commercial : PdfSharpLicenseMode.Agpl,
            CommercialLicenseKey = string.IsNullOrWhiteSpace(settings.LicenseKey) ? null : settings.LicenseKey,
        }));
        services.AddSingleton(sp =>
        {
            if (!string.IsNullOrWhiteSpace(settings.SigningCertificatePath))
            {
                return new ServerSigningCertificate(X509CertificateLoader.LoadPkcs12FromFile(settings.SigningCertificatePath, settings.SigningCertificatePassword,
                    X509KeyStorageFlags.EphemeralKeySet));
            }

            var directory = localDataDirectory ?? Path.Combine(AppContext.BaseDirectory, "App_Data");
            var path = Path.Combine(directory, "document-signing-development.pfx");
            Log.Warning("Pdf:SigningCertificatePath is not set: issued PDFs are signed with a self-signed development certificate ({Path}).", path);
            return new ServerSigningCertificate(DevelopmentCertificate.LoadOrCreate(path, settings.SigningCertificatePassword, sp.GetRequiredService<TimeProvider>()));
        });
        return services;
    }
}
