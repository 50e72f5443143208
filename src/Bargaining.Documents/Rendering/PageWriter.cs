using System.Text;
using Bargaining.Documents.Layout;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Bargaining.Documents.Rendering;

/// <summary>
/// Draws boxes into one content stream of a page. Text is written straight into the stream in the document's own
/// fonts (<see cref="EmbeddedFonts"/>): a run of glyphs of one font with equal gaps between them (a justified line of
/// Chinese is one run) is one string of codes, positioned with Tm and spaced with Tc. Fills and rules go through
/// PDFsharp, which draws no text, so the text state in the stream is this writer's alone.
/// </summary>
/// <param name="graphics">The page's graphics.</param>
/// <param name="page">The page, whose resources get the fonts used.</param>
/// <param name="fonts">The document's fonts, shared by all its pages and streams.</param>
internal sealed class PageWriter(XGraphics graphics, PdfPage page, EmbeddedFonts fonts)
{
    // PDFsharp's simulated bold, as it drew bold text before: filled and stroked (2 Tr) with a line 2 % of the size
    // wide, and 2 % of the size added after each glyph.
    private const double BoldEmphasis = 0.02;

    private readonly StringBuilder content = graphics.Internals.ContentStringBuilder
        ?? throw new InvalidOperationException("Only PDF pages can be drawn on.");
    private readonly double pageHeight = graphics.PageSize.Height;

    // The text state this writer last set in this stream; unknown at its start.
    private EmbeddedFont? currentFont;
    private double currentSize;
    private double currentSpacing = double.NaN;

    public void Draw(Box box, double left, double top)
    {
        if (box.Fills.Count > 0)
        {
            var path = new XGraphicsPath { FillMode = XFillMode.Winding };
            foreach (var fill in box.Fills) path.AddRectangle(left + fill.X, top + fill.Y, fill.Width, fill.Height);
            graphics.DrawPath(XBrushes.Black, path);
        }
        if (box.Lines.Count > 0)
        {
            content.Append("BT\n");
            foreach (var line in box.Lines) DrawLine(line.Line, left + line.X, top + line.Baseline);
            content.Append("ET\n");
        }
        foreach (var rule in box.Rules)
            graphics.DrawLine(new XPen(XColors.Black, rule.Thickness), left + rule.X1, top + rule.Y1, left + rule.X2, top + rule.Y2);
    }

    /// <summary>Draws a line run by run: a run is glyphs of one font with equal gaps between them.</summary>
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
            if (glyphs[start].Glyph.Bold) DrawBold(glyphs, start, end, gap, left, baseline);
            else DrawRun(glyphs, start, end, gap, left, baseline);
            start = end;
        }
    }

    /// <summary>Tc for the gap between glyphs, 0 for the last one, so no spacing trails the run.</summary>
    private void DrawRun(IReadOnlyList<PlacedGlyph> glyphs, int start, int end, double gap, double left, double baseline)
    {
        var font = Select(glyphs[start].Glyph);
        MoveTo(left + glyphs[start].X, pageHeight - baseline);
        if (Math.Abs(gap) >= 0.001 && end - start > 1)
        {
            Spacing(gap);
            Show(font, glyphs, start, end - 1);
            start = end - 1;
        }
        Spacing(0);
        Show(font, glyphs, start, end);
    }

    /// <summary>
    /// Bold as PDFsharp drew it: the run in one string when its glyphs touch, else each glyph at its place; inside
    /// q/Q, so the line width does not reach PDFsharp's rules.
    /// </summary>
    private void DrawBold(IReadOnlyList<PlacedGlyph> glyphs, int start, int end, double gap, double left, double baseline)
    {
        var emphasis = BoldEmphasis * glyphs[start].Glyph.Size;
        Number(content.Append("ET\nq\nBT\n2 Tr\n"), emphasis, 3).Append(" w\n");
        (currentFont, currentSpacing) = (null, double.NaN);
        var font = Select(glyphs[start].Glyph);
        Spacing(emphasis);
        var each = Math.Abs(gap) >= 0.001;
        for (var i = start; i < end; i = each ? i + 1 : end)
        {
            MoveTo(left + glyphs[i].X, pageHeight - baseline, decimals: 4); // as precise as PDFsharp placed it
            Show(font, glyphs, i, each ? i + 1 : end);
        }
        content.Append("ET\nQ\nBT\n");
        (currentFont, currentSpacing) = (null, double.NaN);
    }

    private EmbeddedFont Select(Glyph glyph)
    {
        var font = fonts.For(glyph.Face);
        if (font == currentFont && glyph.Size == currentSize) return font;
        if (font != currentFont) font.AddTo(page);
        Number(content.Append(font.ResourceName).Append(' '), glyph.Size, 3).Append(" Tf\n");
        (currentFont, currentSize) = (font, glyph.Size);
        return font;
    }

    private void Spacing(double spacing)
    {
        if (spacing == currentSpacing) return;
        Number(content, spacing, 4).Append(" Tc\n");
        currentSpacing = spacing;
    }

    /// <summary>Shows glyphs as a string of two-byte codes (Identity-H).</summary>
    private void Show(EmbeddedFont font, IReadOnlyList<PlacedGlyph> glyphs, int start, int end)
    {
        content.Append('<');
        for (var i = start; i < end; i++)
        {
            var code = font.Code(glyphs[i].Glyph.Char);
            for (var shift = 12; shift >= 0; shift -= 4) content.Append("0123456789ABCDEF"[(code >> shift) & 0xF]);
        }
        content.Append("> Tj\n");
    }

    /// <summary>Sets the text and line matrix to a translation.</summary>
    private void MoveTo(double x, double y, int decimals = 3)
    {
        Number(content.Append("1 0 0 1 "), x, decimals).Append(' ');
        Number(content, y, decimals).Append(" Tm\n");
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
