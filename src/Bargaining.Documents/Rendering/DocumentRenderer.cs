using Bargaining.Documents.Fonts;
using Bargaining.Documents.Layout;
using Bargaining.Documents.Model;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Bargaining.Documents.Rendering;

/// <summary>
/// Typesets a <see cref="Document"/> as an A4 PDF with embedded, subsetted fonts. Safe to use from several threads;
/// each call lays out and writes one document.
/// </summary>
/// <param name="fonts">The located faces (<see cref="ChineseFonts.Locate"/>).</param>
/// <param name="style">The page style; <see cref="DocumentStyle.Contract"/> when null.</param>
public sealed class DocumentRenderer(ChineseFonts fonts, DocumentStyle? style = null)
{
    static DocumentRenderer()
    {
        // PDFsharp 6.5 refuses to create documents until a licence is chosen; this product is AGPL (see LICENSE).
        PdfSharp.PdfSharpLicense.SetAgplLicense();
    }

    /// <summary>The page style in use.</summary>
    public DocumentStyle Style { get; } = style ?? DocumentStyle.Contract;

    /// <summary>Writes the PDF to a file, replacing it.</summary>
    public RenderResult Render(Document document, string path)
    {
        using var file = File.Create(path);
        return Render(document, file);
    }

    /// <summary>Writes the PDF to <paramref name="output"/>, which stays open.</summary>
    public RenderResult Render(Document document, Stream output)
    {
        FontRegistry.EnsureInstalled();
        var shaper = new TextShaper(fonts);
        var flows = new Composer(fonts, Style, shaper).Compose(document);
        var pages = Paginator.Paginate(flows, Style.TextHeight);

        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        pdf.Info.Creator = "Bargaining";
        var margins = new MarginText(fonts, Style, shaper, document.RunningHeader ?? document.Title);
        for (var n = 0; n < pages.Count; n++)
        {
            var page = pdf.AddPage();
            page.Width = XUnit.FromPoint(Style.PageWidth);
            page.Height = XUnit.FromPoint(Style.PageHeight);
            using var graphics = XGraphics.FromPdfPage(page);
            foreach (var placement in pages[n])
                Draw(graphics, placement.Box, Style.TextLeft, Style.TextTop + placement.Top);
            foreach (var (box, left, top) in margins.For(n + 1, pages.Count))
                Draw(graphics, box, left, top);
        }
        pdf.Save(output, closeStream: false);
        return new RenderResult(pages.Count, shaper.Missing.ToList());
    }

    private static void Draw(XGraphics graphics, Box box, double left, double top)
    {
        foreach (var line in box.Lines) DrawLine(graphics, line.Line, left + line.X, top + line.Baseline);
        foreach (var rule in box.Rules)
            graphics.DrawLine(new XPen(XColors.Black, rule.Thickness), left + rule.X1, top + rule.Y1, left + rule.X2, top + rule.Y2);
    }

    /// <summary>Draws a line run by run: a run is glyphs of one font that sit at their natural distance.</summary>
    private static void DrawLine(XGraphics graphics, Line line, double left, double baseline)
    {
        var glyphs = line.Glyphs;
        var start = 0;
        for (var i = 1; i <= glyphs.Count; i++)
        {
            if (i < glyphs.Count && Continues(glyphs[i - 1], glyphs[i])) continue;
            var first = glyphs[start].Glyph;
            var text = string.Concat(glyphs.Skip(start).Take(i - start).Select(g => g.Glyph.Char.ToString()));
            graphics.DrawString(text, first.Face.Font(first.Size, first.Bold), XBrushes.Black,
                left + glyphs[start].X, baseline, XStringFormats.BaseLineLeft);
            start = i;
        }
    }

    private static bool Continues(PlacedGlyph previous, PlacedGlyph next) =>
        next.Glyph.Face == previous.Glyph.Face && next.Glyph.Size == previous.Glyph.Size
        && next.Glyph.Bold == previous.Glyph.Bold
        && Math.Abs(next.X - (previous.X + previous.Glyph.Advance)) < 0.001;
}
