using Bargaining.Documents.Model;

namespace Bargaining.Documents.Layout;

/// <summary>A line's glyphs, placed; <see cref="Width"/> is where its last glyph ends.</summary>
internal sealed record Line(IReadOnlyList<PlacedGlyph> Glyphs, double Width);

/// <summary>
/// Breaks shaped text into lines of a given width and places the glyphs: greedy filling over unbreakable clusters
/// (see <see cref="LineBreakRules"/>), then alignment. Justified lines spread the leftover space evenly over the gaps
/// between characters (not inside Latin words), so they end exactly at the right edge; a paragraph's last line keeps
/// its natural spacing.
/// </summary>
internal static class LineBreaker
{
    private const double Tolerance = 0.01;

    /// <param name="glyphs">The paragraph's glyphs.</param>
    /// <param name="width">The width of the text block (or table cell).</param>
    /// <param name="firstIndent">The first line's indent.</param>
    /// <param name="restIndent">The indent of every later line: a list item's hanging indent, 0 otherwise.</param>
    /// <param name="tracking">Extra space between any two adjacent characters (negative on a tight grid).</param>
    /// <param name="alignment">How to place each line.</param>
    public static List<Line> Layout(IReadOnlyList<Glyph> glyphs, double width, double firstIndent, double tracking,
        TextAlignment alignment, double restIndent = 0)
    {
        var ranges = Break(glyphs, width, firstIndent, tracking, restIndent);
        var lines = new List<Line>(ranges.Count);
        for (var i = 0; i < ranges.Count; i++)
        {
            var (start, end) = ranges[i];
            var indent = i == 0 ? firstIndent : restIndent;
            var isLast = i == ranges.Count - 1;
            lines.Add(Place(glyphs, start, end, indent, width - indent, tracking, alignment, isLast));
        }
        return lines;
    }

    /// <summary>The lines as glyph ranges [start, end), spaces at either end of a line left out.</summary>
    internal static List<(int Start, int End)> Break(IReadOnlyList<Glyph> glyphs, double width, double firstIndent,
        double tracking, double restIndent = 0)
    {
        var lines = new List<(int, int)>();
        var clusters = Clusters(glyphs, width - Math.Max(firstIndent, restIndent), tracking);
        var lineStart = -1;
        var lineEnd = -1; // end of the last non-space cluster on the line
        var used = 0.0;
        var available = width - firstIndent;
        foreach (var (start, end, clusterWidth) in clusters)
        {
            var isSpace = end - start == 1 && glyphs[start].IsSpace;
            if (lineStart < 0)
            {
                if (isSpace) continue;
                (lineStart, lineEnd, used) = (start, end, clusterWidth);
                continue;
            }
            var needed = used + tracking + clusterWidth;
            if (needed <= available + Tolerance)
            {
                used = needed;
                if (!isSpace) lineEnd = end;
                continue;
            }
            lines.Add((lineStart, lineEnd));
            available = width - restIndent;
            (lineStart, lineEnd, used) = isSpace ? (-1, -1, 0.0) : (start, end, clusterWidth);
        }
        if (lineStart >= 0) lines.Add((lineStart, lineEnd));
        return lines;
    }

    /// <summary>Runs of glyphs with no break opportunity inside, with their natural widths.</summary>
    private static List<(int Start, int End, double Width)> Clusters(IReadOnlyList<Glyph> glyphs, double narrowest,
        double tracking)
    {
        var allowed = LineBreakRules.BreakOpportunities(glyphs.Select(g => g.Char).ToArray());
        var clusters = new List<(int, int, double)>();
        var start = 0;
        for (var i = 1; i <= glyphs.Count; i++)
        {
            if (i < glyphs.Count && !allowed[i]) continue;
            var clusterWidth = NaturalWidth(glyphs, start, i, tracking);
            if (clusterWidth > narrowest + Tolerance)
                // Wider than a whole line (a long URL, say): the only way out is to break it anywhere.
                for (var k = start; k < i; k++) clusters.Add((k, k + 1, glyphs[k].Advance));
            else
                clusters.Add((start, i, clusterWidth));
            start = i;
        }
        return clusters;
    }

    private static double NaturalWidth(IReadOnlyList<Glyph> glyphs, int start, int end, double tracking)
    {
        var sum = 0.0;
        for (var i = start; i < end; i++) sum += glyphs[i].Advance;
        return sum + tracking * (end - start - 1);
    }

    private static Line Place(IReadOnlyList<Glyph> glyphs, int start, int end, double indent, double available,
        double tracking, TextAlignment alignment, bool isLast)
    {
        var natural = NaturalWidth(glyphs, start, end, tracking);
        var slack = available - natural;
        var stretchable = new bool[end - start];
        var gaps = 0;
        for (var i = start + 1; i < end; i++)
        {
            // Spreading letters of a Latin word or number apart reads badly; the space goes around them instead.
            stretchable[i - start] = !(LineBreakRules.IsLatin(glyphs[i - 1].Char) && LineBreakRules.IsLatin(glyphs[i].Char));
            if (stretchable[i - start]) gaps++;
        }
        var justify = alignment == TextAlignment.Justify && !isLast && gaps > 0;
        var perGap = justify ? slack / gaps : 0;
        var x = indent + alignment switch
        {
            TextAlignment.Center => slack / 2,
            TextAlignment.Right => slack,
            _ => 0,
        };
        var placed = new PlacedGlyph[end - start];
        for (var i = start; i < end; i++)
        {
            if (i > start) x += tracking + (stretchable[i - start] ? perGap : 0);
            placed[i - start] = new PlacedGlyph(glyphs[i], x);
            x += glyphs[i].Advance;
        }
        return new Line(placed, x);
    }
}
