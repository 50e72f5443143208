namespace Bargaining.Documents.Layout;

/// <summary>A line of glyphs inside a box, its baseline measured from the box's top.</summary>
internal sealed record BoxLine(Line Line, double X, double Baseline);

/// <summary>A straight rule inside a box (table borders, the header rule), in box coordinates.</summary>
internal sealed record Rule(double X1, double Y1, double X2, double Y2, double Thickness = 0.5);

/// <summary>A filled black rectangle inside a box (the modules of a QR code), in box coordinates.</summary>
internal readonly record struct Fill(double X, double Y, double Width, double Height);

/// <summary>A rectangle of content that never breaks: a line of a paragraph, a table row, the signature block.</summary>
internal sealed record Box(double Height, IReadOnlyList<BoxLine> Lines, IReadOnlyList<Rule> Rules)
{
    /// <summary>Filled rectangles, drawn as one path.</summary>
    public IReadOnlyList<Fill> Fills { get; init; } = [];

    public static Box Of(double height, params BoxLine[] lines) => new(height, lines, []);
}

/// <summary>Something the paginator places: a run of boxes with its rules for breaking across pages.</summary>
internal abstract record Flow
{
    /// <summary>Space above, dropped at the top of a page.</summary>
    public double SpaceBefore { get; init; }

    /// <summary>Space below, merged with the next flow's <see cref="SpaceBefore"/> (the larger wins).</summary>
    public double SpaceAfter { get; init; }

    /// <summary>Must share its page with the start of the next flow (headings, captions).</summary>
    public bool KeepWithNext { get; init; }

    /// <summary>
    /// Not part of the document's text (the verification mark): drawn into each page's second content stream with
    /// the running header, page numbers and repeated table headers, so the first stream holds exactly the text.
    /// </summary>
    public bool Furniture { get; init; }
}

/// <summary>
/// Lines of a paragraph. Split across pages only when at least two lines stay on each side (no orphan at the
/// bottom, no widow at the top); with <see cref="KeepTogether"/>, never split.
/// </summary>
internal sealed record LinesFlow(IReadOnlyList<Box> Lines) : Flow
{
    public bool KeepTogether { get; init; }
}

/// <summary>A table: its rows may go to the next page, where the header row is printed again first.</summary>
internal sealed record TableFlow(Box Header, IReadOnlyList<Box> Rows) : Flow;

/// <summary>Ends the page here.</summary>
internal sealed record PageBreakFlow : Flow;
