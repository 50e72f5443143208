using System.Globalization;
using System.Text;
using Bargaining.Documents.Fonts;
using Bargaining.Documents.Layout;
using PdfSharp.Drawing;

namespace Bargaining.Documents.Rendering;

/// <summary>
/// Draws boxes into one content stream of a page. Text goes through <see cref="XGraphics.DrawString(string, XFont, XBrush, double, double, XStringFormat)"/>
/// only for the first occurrence of each glyph in the document: that call registers the glyph for the embedded
/// subset, the widths and the ToUnicode map, and costs a string measurement per character. Every later occurrence
/// is written straight into the same text object as a glyph-index string (Identity-H), positioned with Tm and
/// spaced with Tc, which is what makes a ten-page contract render in milliseconds.
/// </summary>
/// <param name="graphics">The page's graphics.</param>
/// <param name="registered">The glyphs PDFsharp has drawn in this document, shared by all its pages and streams.</param>
internal sealed class PageWriter(XGraphics graphics, HashSet<(FontFace Face, bool Bold, int Char)> registered)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly StringBuilder? content = graphics.Internals.ContentStringBuilder;
    private readonly double pageHeight = graphics.PageSize.Height;

    // PDFsharp's state as its last call left it: inside a text object with this font, the line matrix at this origin.
    private XFont? currentFont;
    private (double X, double Y) origin;

    public void Draw(Box box, double left, double top)
    {
        if (box.Fills.Count > 0)
        {
            var path = new XGraphicsPath { FillMode = XFillMode.Winding };
            foreach (var fill in box.Fills) path.AddRectangle(left + fill.X, top + fill.Y, fill.Width, fill.Height);
            graphics.DrawPath(XBrushes.Black, path);
            currentFont = null; // paths end the text object
        }
        foreach (var line in box.Lines) DrawLine(line.Line, left + line.X, top + line.Baseline);
        foreach (var rule in box.Rules)
        {
            graphics.DrawLine(new XPen(XColors.Black, rule.Thickness), left + rule.X1, top + rule.Y1, left + rule.X2, top + rule.Y2);
            currentFont = null;
        }
    }

    /// <summary>Draws a line run by run: a run is glyphs of one font with equal gaps between them (a justified line of Chinese is one run).</summary>
    private void DrawLine(Line line, double left, double baseline)
    {
        var glyphs = line.Glyphs;
        var start = 0;
        while (start < glyphs.Count)
        {
            var end = start + 1;
            var gap = 0.0;
            while (end < glyphs.Count && SameFont(glyphs[end - 1].Glyph, glyphs[end].Glyph))
            {
                var next = glyphs[end].X - (glyphs[end - 1].X + glyphs[end - 1].Glyph.Advance);
                if (end == start + 1) gap = next;
                else if (Math.Abs(next - gap) > 0.001) break;
                end++;
            }
            DrawRun(glyphs, start, end, gap, left, baseline);
            start = end;
        }
    }

    private void DrawRun(IReadOnlyList<PlacedGlyph> glyphs, int start, int end, double gap, double left, double baseline)
    {
        var first = glyphs[start].Glyph;
        var font = first.Face.Font(first.Size, first.Bold);
        // PDFsharp sets Tc and Tr itself for simulated bold; the title's few characters simply go through it.
        if (first.Bold || content is null)
        {
            if (Math.Abs(gap) < 0.001) DrawString(font, glyphs, start, end, left, baseline);
            else for (var i = start; i < end; i++) DrawString(font, glyphs, i, i + 1, left, baseline);
            return;
        }
        var spaced = Math.Abs(gap) >= 0.001;
        var i0 = start;
        while (i0 < end)
        {
            if (!registered.Contains((glyphs[i0].Glyph.Face, false, glyphs[i0].Glyph.Char.Value)))
            {
                // New glyphs, as many as follow each other, in one call. Spaced, that needs the font selected first
                // (so PDFsharp does not reset our Tc) and the run's last glyph left out (so no spacing trails it).
                var k = i0 + 1;
                while (k < end && !registered.Contains((glyphs[k].Glyph.Face, false, glyphs[k].Glyph.Char.Value))) k++;
                if (spaced && (currentFont != font || k == end)) k = k == end && k - i0 > 1 && currentFont == font ? k - 1 : i0 + 1;
                if (spaced && k - i0 > 1) Number(content, gap, 4).Append(" Tc\n");
                DrawString(font, glyphs, i0, k, left, baseline);
                if (spaced && k - i0 > 1) content.Append("0 Tc\n");
                i0 = k;
                continue;
            }
            if (currentFont != font)
            {
                DrawString(font, glyphs, i0, i0 + 1, left, baseline);
                i0++;
                continue;
            }
            var j = i0;
            while (j < end && registered.Contains((glyphs[j].Glyph.Face, false, glyphs[j].Glyph.Char.Value))) j++;
            Write(glyphs, i0, j, gap, left, baseline);
            i0 = j;
        }
    }

    /// <summary>Lets PDFsharp draw (and register) glyphs; afterwards its text object is open with this font.</summary>
    private void DrawString(XFont font, IReadOnlyList<PlacedGlyph> glyphs, int start, int end, double left, double baseline)
    {
        var text = new StringBuilder();
        for (var i = start; i < end; i++)
        {
            text.Append(glyphs[i].Glyph.Char.ToString());
            registered.Add((glyphs[i].Glyph.Face, glyphs[i].Glyph.Bold, glyphs[i].Glyph.Char.Value));
        }
        var x = left + glyphs[start].X;
        graphics.DrawString(text.ToString(), font, XBrushes.Black, x, baseline, XStringFormats.BaseLineLeft);
        currentFont = glyphs[start].Glyph.Bold ? null : font;
        origin = (x, pageHeight - baseline);
    }

    /// <summary>
    /// Writes registered glyphs into PDFsharp's open text object: absolute Tm to the first glyph, Tc for the gap
    /// (0 for the last glyph, so no spacing trails the run), then Tm back to where PDFsharp's relative Td expects
    /// the line matrix.
    /// </summary>
    private void Write(IReadOnlyList<PlacedGlyph> glyphs, int start, int end, double gap, double left, double baseline)
    {
        var c = content!;
        MoveTo(c, left + glyphs[start].X, pageHeight - baseline);
        var spaced = Math.Abs(gap) >= 0.001 && end - start > 1;
        if (spaced) Number(c, gap, 4).Append(" Tc\n");
        c.Append('<');
        for (var i = start; i < end; i++)
        {
            if (spaced && i == end - 1) c.Append("> Tj\n0 Tc\n<");
            c.Append(Invariant, $"{glyphs[i].Glyph.Face.GlyphIndex(glyphs[i].Glyph.Char.Value):X4}");
        }
        c.Append("> Tj\n");
        MoveTo(c, origin.X, origin.Y);
    }

    /// <summary>Sets the text and line matrix to a translation.</summary>
    private static void MoveTo(StringBuilder c, double x, double y)
    {
        Number(c.Append("1 0 0 1 "), x, 3).Append(' ');
        Number(c, y, 3).Append(" Tm\n");
    }

    /// <summary>
    /// Appends a number rounded to <paramref name="decimals"/> decimals (3 or 4), without trailing zeros, as "0.###"
    /// would (but never "-0"); in integers, as a page has thousands of numbers and formatting a double is slow.
    /// </summary>
    private static StringBuilder Number(StringBuilder c, double value, int decimals)
    {
        var scale = decimals == 3 ? 1000 : 10000;
        var scaled = (long)Math.Round(value * scale, MidpointRounding.AwayFromZero);
        if (scaled < 0) c.Append('-');
        scaled = Math.Abs(scaled);
        c.Append(scaled / scale);
        var fraction = scaled % scale;
        if (fraction == 0) return c;
        c.Append('.');
        for (var digit = scale / 10; fraction > 0; digit /= 10)
        {
            c.Append((char)('0' + fraction / digit));
            fraction %= digit;
        }
        return c;
    }

    private static bool SameFont(Glyph previous, Glyph next) =>
        next.Face == previous.Face && next.Size == previous.Size && next.Bold == previous.Bold;
}
