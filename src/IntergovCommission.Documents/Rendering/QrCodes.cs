using QRCoder;

namespace IntergovCommission.Documents.Rendering;

internal static class QrCodes
{
    private static readonly byte[] Dark = [0, 0, 0, 255];
    private static readonly byte[] Light = [255, 255, 255, 255];

    /// <summary>A PNG of the QR code. The colours are given explicitly: QRCoder's default palette PNG is
    /// rejected by PDFsharp's <c>XImage.FromStream</c>.</summary>
    public static byte[] Png(Uri url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url.ToString(), QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data);
        return png.GetGraphic(8, Dark, Light, drawQuietZones: true);
    }
}
