namespace IntergovCommission.Documents;

/// <summary>How PDFsharp is licensed in this process.</summary>
public enum PdfSharpLicenseMode
{
    /// <summary>The AGPL licence (the default): PDFsharp is used under its open-source terms.</summary>
    Agpl,

    /// <summary>A commercial PDFsharp licence; <see cref="DocumentsOptions.CommercialLicenseKey"/> holds the key.</summary>
    Commercial,
}

/// <summary>Settings of the documents library (bind from configuration section "Documents").</summary>
public sealed class DocumentsOptions
{
    public PdfSharpLicenseMode LicenseMode { get; set; } = PdfSharpLicenseMode.Agpl;

    /// <summary>The base64 licence key PDFsharp's vendor issued; required when <see cref="LicenseMode"/> is Commercial.</summary>
    public string? CommercialLicenseKey { get; set; }
}
