using System.Collections.Concurrent;
using System.Text;
using Bargaining.Documents.Fonts;
using PdfSharp.Drawing;

namespace Bargaining.Documents.Layout;

/// <summary>
/// Turns text into glyphs: picks, character by character, the first face of the fallback chain that has a glyph
/// (PDFsharp itself has no fallback and would print an empty box), and measures each character once.
/// </summary>
internal sealed class TextShaper(ChineseFonts fonts)
{
    /// <summary>Printed in place of a character no face has: the geta mark, the typesetters' sign for a missing character.</summary>
    public static readonly Rune Placeholder = new('〓');

    private static readonly ConcurrentDictionary<(FontFace Face, double Size, bool Bold, int Char), double> Widths = new();
    private static readonly Lock MeasureGate = new();
    private static XGraphics? measureContext;

    private readonly SortedSet<string> missing = new(StringComparer.Ordinal);

    /// <summary>The characters no installed face could print, each once.</summary>
    public IReadOnlyCollection<string> Missing => missing;

    public List<Glyph> Shape(IReadOnlyList<TextRun> runs)
    {
        var length = 0;
        foreach (var run in runs) length += run.Text.Length;
        var glyphs = new List<Glyph>(length);
        foreach (var run in runs)
        {
            var chain = fonts.FallbackChain(run.Face);
            foreach (var rune in run.Text.EnumerateRunes())
            {
                var character = IsCollapsibleSpace(rune) ? new Rune(' ') : rune;
                // Whitespace collapses to one space, as in HTML, so template line breaks do not show.
                if (character.Value == ' ' && (glyphs.Count == 0 || glyphs[^1].IsSpace)) continue;
                var face = FirstWith(chain, character);
                if (face is null)
                {
                    missing.Add(character.ToString());
                    character = Placeholder;
                    face = FirstWith(chain, character);
                    if (face is null) continue;
                }
                glyphs.Add(new Glyph(character, face, run.Size, run.Bold, Width(face, run.Size, run.Bold, character)));
            }
        }
        return glyphs;
    }

    private static FontFace? FirstWith(IReadOnlyList<FontFace> chain, Rune character)
    {
        foreach (var face in chain)
            if (face.HasGlyph(character)) return face;
        return null;
    }

    private static bool IsCollapsibleSpace(Rune rune) => rune.Value is ' ' or '\t' or '\r' or '\n';

    private static double Width(FontFace face, double size, bool bold, Rune character) =>
        Widths.GetOrAdd((face, size, bold, character.Value), _ =>
        {
            lock (MeasureGate)
            {
                measureContext ??= XGraphics.CreateMeasureContext(new XSize(595, 842), XGraphicsUnit.Point, XPageDirection.Downwards);
                return measureContext.MeasureString(character.ToString(), face.Font(size, bold)).Width;
            }
        });
}
