namespace IntergovCommission.Documents.Layout;

/// <summary>What to draw on one page, in drawing order. Coordinates in points from the top-left corner.</summary>
public sealed class LaidOutPage
{
    private readonly List<DrawOp> _ops = [];

    public IReadOnlyList<DrawOp> Ops => _ops;

    internal void Add(DrawOp op) => _ops.Add(op);

    /// <summary>The text of the page in drawing order, one entry per line (what a reader sees, for tests and search).</summary>
    public IEnumerable<TextOp> Texts => _ops.OfType<TextOp>();
}

public abstract record DrawOp;

/// <summary>One line of text in a box starting at <paramref name="X"/>, <paramref name="Top"/>, <paramref name="Width"/> wide, aligned in it.</summary>
public sealed record TextOp(double X, double Top, double Width, string Text, TextStyle Style, TextAlign Align, bool Justify) : DrawOp
{
    public double Bottom => Top + Style.LineHeight;
}

public sealed record LineOp(double X1, double Y1, double X2, double Y2, double Thickness) : DrawOp;

/// <summary>A filled rectangle in a grey level (0 black … 255 white).</summary>
public sealed record FillOp(double X, double Y, double Width, double Height, byte Grey) : DrawOp;

public sealed record ImageOp(double X, double Y, double Width, double Height, byte[] Png) : DrawOp;
