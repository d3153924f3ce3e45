namespace IntergovCommission.Documents.Layout;

/// <summary>Page size and margins in points (1 pt = 1/72 in).</summary>
public sealed record PageGeometry(double Width, double Height, double MarginLeft, double MarginRight, double MarginTop, double MarginBottom)
{
    public const double A4Width = 595.28;
    public const double A4Height = 841.89;
    public const double PointsPerMillimetre = 72 / 25.4;

    /// <summary>A4 portrait with the margins of Kazakh and Russian office-work rules
    /// (GOST R 7.0.97-2016: left 30 mm for binding, right 15 mm, top and bottom 20 mm).</summary>
    public static PageGeometry A4Official { get; } = new(
        A4Width, A4Height,
        MarginLeft: 30 * PointsPerMillimetre,
        MarginRight: 15 * PointsPerMillimetre,
        MarginTop: 20 * PointsPerMillimetre,
        MarginBottom: 20 * PointsPerMillimetre);

    public double BodyLeft => MarginLeft;

    public double BodyRight => Width - MarginRight;

    public double BodyTop => MarginTop;

    public double BodyBottom => Height - MarginBottom;

    public double BodyWidth => BodyRight - BodyLeft;

    public double BodyHeight => BodyBottom - BodyTop;
}
