using System.Reflection;
using PdfSharp.Fonts;

namespace IntergovCommission.Documents.Fonts;

/// <summary>
/// Serves DejaVu Sans (regular and bold) from the library's embedded resources, whatever family is
/// asked for: documents never depend on the fonts installed on the server. DejaVu Sans covers every
/// Kazakh letter (ә ғ қ ң ө ұ ү һ і); its licence ships next to the files (Fonts/LICENSE-DejaVu.txt).
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    public const string FamilyName = "DejaVu Sans";
    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    public static DejaVuFontResolver Instance { get; } = new();

    private readonly Dictionary<string, byte[]> _faces;

    private DejaVuFontResolver()
    {
        _faces = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [RegularFace] = Load(RegularFace),
            [BoldFace] = Load(BoldFace),
        };
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => _faces.TryGetValue(faceName, out var bytes) ? bytes : null;

    private static byte[] Load(string face)
    {
        var name = $"IntergovCommission.Documents.Fonts.{face}.ttf";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded font {name} is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
