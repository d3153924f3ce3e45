namespace IntergovCommission.Documents.Tests;

public sealed class SetupTests
{
    [Fact]
    public void Switching_to_a_commercial_licence_after_AGPL_is_refused()
    {
        PdfSharpSetup.EnsureInitialized(new DocumentsOptions());

        var error = Assert.Throws<InvalidOperationException>(() =>
            PdfSharpSetup.EnsureInitialized(new DocumentsOptions { LicenseMode = PdfSharpLicenseMode.Commercial, CommercialLicenseKey = "a2V5" }));
        Assert.Contains("Commercial", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Embedded_fonts_and_their_licence_ship_with_the_library()
    {
        var resolver = Fonts.DejaVuFontResolver.Instance;
        var regular = resolver.GetFont(resolver.ResolveTypeface("Anything", bold: false, italic: false).FaceName);
        var bold = resolver.GetFont(resolver.ResolveTypeface("DejaVu Sans", bold: true, italic: false).FaceName);

        Assert.NotNull(regular);
        Assert.NotNull(bold);
        Assert.NotEqual(regular, bold);
        Assert.Equal([0x00, 0x01, 0x00, 0x00], regular![..4]); // TrueType signature
        var licence = Path.Combine(AppContext.BaseDirectory, "Fonts", "LICENSE-DejaVu.txt");
        Assert.Contains("Bitstream", File.ReadAllText(licence), StringComparison.Ordinal);
    }
}
