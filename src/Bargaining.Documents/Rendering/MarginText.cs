using Bargaining.Documents.Fonts;
using Bargaining.Documents.Layout;
using Bargaining.Documents.Model;

namespace Bargaining.Documents.Rendering;

/// <summary>The running header and the page number of each page, as boxes in page coordinates.</summary>
internal sealed class MarginText(ChineseFonts fonts, DocumentStyle style, TextShaper shaper, string header, string? code = null)
{
    private const double HeaderBaseline = 17 * DocumentStyle.Millimetre;
    private const double HeaderRule = 19 * DocumentStyle.Millimetre;
    private const double FooterBaseline = 14 * DocumentStyle.Millimetre; // from the page's bottom edge
    private const double DashedNumberGap = 7 * DocumentStyle.Millimetre; // GB/T 9704 §7.5: 7 mm under the text block

    public IEnumerable<(Box Box, double Left, double Top)> For(int page, int pageCount)
    {
        var size = style.MarginTextSize;
        if (style.RunningHeader)
        {
            var line = Shape(header, TextAlignment.Center);
            yield return (new Box(0, [new BoxLine(line, 0, 0)], [new Rule(0, HeaderRule - HeaderBaseline, style.TextWidth, HeaderRule - HeaderBaseline)]),
                style.TextLeft, HeaderBaseline);
        }
        var codeText = code is null ? null : VerificationMark.Label + code;
        if (style.PageNumbers == PageNumbering.PageOfTotal)
        {
            var line = Shape($"第 {page} 页 共 {pageCount} 页", TextAlignment.Center);
            yield return (Box.Of(0, new BoxLine(line, 0, 0)), style.TextLeft, style.PageHeight - FooterBaseline);
            if (codeText is not null)
                yield return (Box.Of(0, new BoxLine(Shape(codeText, TextAlignment.Right), 0, 0)), style.TextLeft, style.PageHeight - FooterBaseline);
        }
        else
        {
            // The dash sits about 0.3 em above the baseline; put the dash itself 7 mm under the block.
            var baseline = style.TextTop + style.TextHeight + DashedNumberGap + 0.3 * size;
            // Odd pages right, even pages left, one character in from the edge of the block (空一字).
            var line = Shape($"— {page} —", page % 2 == 1 ? TextAlignment.Right : TextAlignment.Left, inset: size);
            yield return (Box.Of(0, new BoxLine(line, 0, 0)), style.TextLeft, baseline);
            // The code goes to the other side, in the smaller header size, so it never meets the page number.
            if (codeText is not null)
            {
                var codeLine = Shape(codeText, page % 2 == 1 ? TextAlignment.Left : TextAlignment.Right, size: 9);
                yield return (Box.Of(0, new BoxLine(codeLine, 0, 0)), style.TextLeft, baseline);
            }
        }
    }

    private Line Shape(string text, TextAlignment alignment, double inset = 0, double? size = null)
    {
        var glyphs = shaper.Shape([new TextRun(text, fonts.Song, size ?? style.MarginTextSize)]);
        var lines = LineBreaker.Layout(glyphs, style.TextWidth - 2 * inset, 0, 0, alignment);
        if (lines.Count == 0) return new Line([], 0);
        var line = lines[0];
        return line with { Glyphs = line.Glyphs.Select(g => g with { X = g.X + inset }).ToList() };
    }
}
