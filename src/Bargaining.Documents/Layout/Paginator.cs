namespace Bargaining.Documents.Layout;

/// <summary>
/// A box placed on a page, <see cref="Top"/> measured from the top of the text block; <see cref="Furniture"/> when it
/// repeats or annotates the text rather than being part of it (a repeated table header, the verification mark).
/// </summary>
internal readonly record struct Placement(Box Box, double Top, bool Furniture = false);

/// <summary>
/// Fills pages with flows, top to bottom: no paragraph leaves a single line at the bottom or top of a page, a
/// heading never ends a page without the start of what follows, a kept-together block moves whole to the next page,
/// and a table continues on the next page under a repeated header row.
/// </summary>
internal sealed class Paginator(double pageHeight)
{
    private const double Tolerance = 0.01;
    private const int MinimumLines = 2;

    private readonly List<List<Placement>> pages = [[]];
    private double y;
    private double pendingSpace;

    private List<Placement> Page => pages[^1];
    private bool AtTop => Page.Count == 0;
    private double Gap(Flow flow) => AtTop ? 0 : Math.Max(pendingSpace, flow.SpaceBefore);
    private bool Fits(double height) => y + height <= pageHeight + Tolerance;

    public static List<List<Placement>> Paginate(IReadOnlyList<Flow> flows, double pageHeight)
    {
        var paginator = new Paginator(pageHeight);
        for (var i = 0; i < flows.Count; i++) paginator.Add(flows, i);
        return paginator.pages;
    }

    private void Add(IReadOnlyList<Flow> flows, int index)
    {
        var flow = flows[index];
        if (flow.KeepWithNext && !AtTop && !Fits(Gap(flow) + Height(flow) + Lead(flows, index + 1))) NewPage();
        switch (flow)
        {
            case LinesFlow { KeepTogether: true } kept:
                if (!AtTop && !Fits(Gap(kept) + Height(kept))) NewPage();
                Place(kept, kept.Lines);
                break;
            case LinesFlow paragraph:
                AddParagraph(paragraph);
                break;
            case TableFlow table:
                AddTable(table);
                break;
            case PageBreakFlow:
                if (!AtTop) NewPage();
                break;
        }
        pendingSpace = flow.SpaceAfter;
    }

    private void AddParagraph(LinesFlow paragraph)
    {
        var rest = paragraph.Lines.ToList();
        var gap = Gap(paragraph);
        while (rest.Count > 0)
        {
            var fitting = CountFitting(rest, gap);
            if (fitting >= rest.Count)
            {
                Place(paragraph, rest, gap);
                return;
            }
            // Leave at least two lines for the next page, and put at least two here; otherwise start a page.
            var take = Math.Min(fitting, rest.Count - MinimumLines);
            if (take < MinimumLines)
            {
                if (!AtTop)
                {
                    NewPage();
                    gap = 0;
                    continue;
                }
                take = Math.Max(1, fitting); // a page too short for the rules: fill it rather than loop forever
            }
            Place(paragraph, rest.Take(take), gap);
            rest.RemoveRange(0, take);
            NewPage();
            gap = 0;
        }
    }

    private void AddTable(TableFlow table)
    {
        if (!AtTop && !Fits(Gap(table) + table.Header.Height + FirstRow(table))) NewPage();
        Place(table, [table.Header]);
        foreach (var row in table.Rows)
        {
            if (!Fits(row.Height) && Page.Count > 1)
            {
                NewPage();
                Place(table, [table.Header], furniture: true);
            }
            Place(table, [row], gap: 0);
        }
    }

    private int CountFitting(List<Box> lines, double gap)
    {
        var height = gap;
        var count = 0;
        while (count < lines.Count && Fits(height + lines[count].Height)) height += lines[count++].Height;
        return count;
    }

    private void Place(Flow flow, IEnumerable<Box> boxes, double? gap = null, bool furniture = false)
    {
        y += gap ?? Gap(flow);
        foreach (var box in boxes)
        {
            Page.Add(new Placement(box, y, furniture || flow.Furniture));
            y += box.Height;
        }
    }

    private void NewPage()
    {
        pages.Add([]);
        y = 0;
        pendingSpace = 0;
    }

    private static double Height(Flow flow) => flow switch
    {
        LinesFlow lines => lines.Lines.Sum(l => l.Height),
        TableFlow table => table.Header.Height + FirstRow(table),
        _ => 0,
    };

    /// <summary>The least of the flows from <paramref name="index"/> on that must share a page with a heading before them.</summary>
    private static double Lead(IReadOnlyList<Flow> flows, int index)
    {
        if (index >= flows.Count) return 0;
        var flow = flows[index];
        var own = flow switch
        {
            LinesFlow { KeepTogether: true } kept => Height(kept),
            // A paragraph too short to split moves whole, so all of it must fit under the heading.
            LinesFlow paragraph => paragraph.Lines.Take(paragraph.Lines.Count < 2 * MinimumLines ? int.MaxValue : MinimumLines).Sum(l => l.Height),
            TableFlow table => Height(table),
            _ => 0,
        };
        return flow.SpaceBefore + own + (flow.KeepWithNext ? Lead(flows, index + 1) : 0);
    }

    private static double FirstRow(TableFlow table) => table.Rows.Count > 0 ? table.Rows[0].Height : 0;
}
