using IntergovCommission.Documents.Fonts;
using PdfSharp;
using PdfSharp.Fonts;

namespace IntergovCommission.Documents;

/// <summary>
/// PDFsharp keeps its font resolver and licence in process-wide statics that may be set only once
/// (the resolver before the first font is used). This class sets both exactly once and refuses a
/// later call that asks for a different licence, instead of silently keeping the first one.
/// </summary>
public static class PdfSharpSetup
{
    private static readonly Lock Gate = new();
    private static (PdfSharpLicenseMode Mode, string? Key)? _configured;

    public static void EnsureInitialized(DocumentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var wanted = (options.LicenseMode, options.LicenseMode == PdfSharpLicenseMode.Commercial ? options.CommercialLicenseKey : null);
        lock (Gate)
        {
            if (_configured is { } done)
            {
                if (done != wanted)
                {
                    throw new InvalidOperationException(
                        $"PDFsharp is already initialised with licence mode {done.Mode}; it cannot be switched to {wanted.LicenseMode} in the same process.");
                }

                return;
            }

            if (options.LicenseMode == PdfSharpLicenseMode.Commercial)
            {
                if (string.IsNullOrWhiteSpace(options.CommercialLicenseKey))
                {
                    throw new InvalidOperationException("Documents:LicenseMode is Commercial but Documents:CommercialLicenseKey is empty.");
                }

                PdfSharpLicense.LoadLicense(options.CommercialLicenseKey);
            }
            else
            {
                PdfSharpLicense.SetAgplLicense();
            }

            GlobalFontSettings.FontResolver = DejaVuFontResolver.Instance;
            _configured = wanted;
        }
    }
}
