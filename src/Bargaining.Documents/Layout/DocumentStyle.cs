namespace Bargaining.Documents.Layout;

/// <summary>How page numbers are printed.</summary>
public enum PageNumbering
{
    /// <summary>第 N 页 共 M 页, centred in the footer.</summary>
    PageOfTotal,

    /// <summary>— N —, 7 mm below the text block, one character in from the right on odd pages and from the left on even pages (GB/T 9704-2012 §7.5).</summary>
    Dashed,
}

/// <summary>
/// Page geometry and type sizes, in points (1/72 inch). Use <see cref="Contract"/> (the default) or
/// <see cref="GbT9704"/>, or derive one with <c>with</c>.
/// </summary>
public sealed record DocumentStyle
{
    /// <summary>Points per millimetre.</summary>
    public const double Millimetre = 72 / 25.4;

    /// <summary>The style's name, for messages.</summary>
    public required string Name { get; init; }

    /// <summary>Page width; A4 by default.</summary>
    public double PageWidth { get; init; } = 210 * Millimetre;

    /// <summary>Page height; A4 by default.</summary>
    public double PageHeight { get; init; } = 297 * Millimetre;

    /// <summary>Distance from the page's left edge to the text block.</summary>
    public required double TextLeft { get; init; }

    /// <summary>Distance from the page's top edge to the text block.</summary>
    public required double TextTop { get; init; }

    /// <summary>Width of the text block.</summary>
    public required double TextWidth { get; init; }

    /// <summary>Height of the text block.</summary>
    public required double TextHeight { get; init; }

    /// <summary>Body text size.</summary>
    public required double BodySize { get; init; }

    /// <summary>Distance between the baselines of body lines.</summary>
    public required double LinePitch { get; init; }

    /// <summary>
    /// When set, full lines of Chinese text hold exactly this many characters: the space between characters is
    /// adjusted (here slightly tightened) so that many fit the block width.
    /// </summary>
    public int? CharactersPerLine { get; init; }

    /// <summary>Round every block's height up to whole <see cref="LinePitch"/>es, so body lines sit on a fixed grid.</summary>
    public bool SnapToGrid { get; init; }

    /// <summary>Title size (simulated-bold Song).</summary>
    public required double TitleSize { get; init; }

    /// <summary>Chapter heading size (sans).</summary>
    public required double HeadingSize { get; init; }

    /// <summary>Table text size.</summary>
    public required double TableSize { get; init; }

    /// <summary>Whether each page carries the document's running header with a rule under it.</summary>
    public bool RunningHeader { get; init; }

    /// <summary>How pages are numbered.</summary>
    public PageNumbering PageNumbers { get; init; } = PageNumbering.PageOfTotal;

    /// <summary>Header and footer text size (for <see cref="PageNumbering.Dashed"/> the number's size).</summary>
    public double MarginTextSize { get; init; } = 9;

    /// <summary>
    /// The ordinary contract style: 宋体 12 pt (小四) on a 22 pt pitch, margins 28 mm top and left, 26 mm right,
    /// 25 mm bottom, a running header and 第 N 页 共 M 页 in the footer.
    /// </summary>
    public static DocumentStyle Contract { get; } = new()
    {
        Name = "contract",
        TextLeft = 28 * Millimetre,
        TextTop = 28 * Millimetre,
        TextWidth = 156 * Millimetre,
        TextHeight = 244 * Millimetre,
        BodySize = 12,
        LinePitch = 22,
        TitleSize = 18,
        HeadingSize = 14,
        TableSize = 10.5,
        RunningHeader = true,
        PageNumbers = PageNumbering.PageOfTotal,
    };

    /// <summary>
    /// GB/T 9704-2012, the official-document format: A4, text block 156 × 225 mm at 37 mm from the top and 28 mm from
    /// the left, 16 pt (三号) body, 28 characters × 22 lines, title 22 pt (二号), page numbers — N — in 14 pt (四号).
    /// </summary>
    public static DocumentStyle GbT9704 { get; } = new()
    {
        Name = "GB/T 9704-2012",
        TextLeft = 28 * Millimetre,
        TextTop = 37 * Millimetre,
        TextWidth = 156 * Millimetre,
        TextHeight = 225 * Millimetre,
        BodySize = 16,
        LinePitch = 225 * Millimetre / 22,
        CharactersPerLine = 28,
        SnapToGrid = true,
        TitleSize = 22,
        HeadingSize = 16,
        TableSize = 14,
        RunningHeader = false,
        PageNumbers = PageNumbering.Dashed,
        MarginTextSize = 14,
    };

    /// <summary>Extra space after each character (negative tightens) that makes <see cref="CharactersPerLine"/> fit.</summary>
    internal double Tracking => CharactersPerLine is { } n and > 1 ? (TextWidth - n * BodySize) / (n - 1) : 0;

    /// <summary>A height rounded up to whole line pitches when the style keeps a grid.</summary>
    internal double Snap(double height) =>
        SnapToGrid && height > 0 ? Math.Ceiling(height / LinePitch - 1e-6) * LinePitch : height;
}
