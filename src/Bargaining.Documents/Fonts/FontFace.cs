using System.Collections.Concurrent;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Bargaining.Documents.Fonts;

/// <summary>One TrueType font file, registered with PDFsharp, that can tell which characters it has.</summary>
public sealed class FontFace
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    private readonly ConcurrentDictionary<(double Size, bool Bold), XFont> fonts = new();
    private readonly ConcurrentDictionary<int, int> glyphIndices = new();
    private readonly XFont probe;

    internal FontFace(string path, byte[] bytes)
    {
        FilePath = path;
        File = new TrueTypeFile(bytes);
        FamilyName = FontRegistry.Register(path, bytes);
        probe = Font(10, bold: false);
    }

    /// <summary>The .ttf file this face was loaded from.</summary>
    public string FilePath { get; }

    /// <summary>The font file's tables, for embedding subsets of it.</summary>
    internal TrueTypeFile File { get; }

    /// <summary>The face's vertical metrics in design units, as PDFsharp measures with them.</summary>
    internal XFontMetrics Metrics => probe.Metrics;

    /// <summary>The family name under which PDFsharp knows this face.</summary>
    internal string FamilyName { get; }

    /// <summary>Whether the face has a glyph for <paramref name="character"/> (PDFsharp would print a box otherwise).</summary>
    public bool HasGlyph(Rune character) => GlyphIndex(character.Value) != 0;

    /// <summary>The glyph index of a code point, 0 when the face lacks it; cached, as PDFsharp's lookup is slow.</summary>
    internal int GlyphIndex(int codePoint) =>
        glyphIndices.GetOrAdd(codePoint, cp => GlyphHelper.GlyphIndexFromCodePoint(cp, probe));

    /// <summary>The PDFsharp font of this face, for measuring text (documents embed their own subsets, see <c>EmbeddedFonts</c>).</summary>
    internal XFont Font(double size, bool bold) =>
        fonts.GetOrAdd((size, bold), key =>
            new XFont(FamilyName, key.Size, key.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode));

    /// <inheritdoc />
    public override string ToString() => Path.GetFileName(FilePath);
}
