using System.Globalization;
using System.Text;
using Bargaining.Documents.Fonts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Bargaining.Documents.Rendering;

/// <summary>
/// The fonts of one PDF, one per face, written by us rather than PDFsharp: PDFsharp's subset of a face keeps every
/// glyph number of the face (its <c>loca</c> and <c>hmtx</c> span all 49,382 glyphs of Droid Sans Fallback, 350 KB
/// to build and deflate in every contract), while ours holds only the glyphs the document prints.
/// </summary>
internal sealed class EmbeddedFonts(PdfDocument pdf)
{
    private readonly Dictionary<FontFace, EmbeddedFont> fonts = [];

    /// <summary>The document's font of a face, created at its first use.</summary>
    public EmbeddedFont For(FontFace face)
    {
        if (!fonts.TryGetValue(face, out var font))
            fonts[face] = font = new EmbeddedFont(pdf, face, "/CF" + fonts.Count.ToString(CultureInfo.InvariantCulture));
        return font;
    }

    /// <summary>Writes each font's subset, widths and ToUnicode map, once every page is drawn and before saving.</summary>
    public void Complete()
    {
        foreach (var font in fonts.Values) font.Complete();
    }
}

/// <summary>
/// A face as a Type0 font (Identity-H) over a TrueType CIDFont. Codes are given out in order of first use, 1, 2, 3…
/// (0 is .notdef), one per character, and the code of a character is its glyph's number in the embedded subset
/// (CIDToGIDMap Identity). The ToUnicode map turns each code back into its character, so text copies and searches.
/// </summary>
internal sealed class EmbeddedFont
{
    private readonly FontFace face;
    private readonly PdfDictionary type0;
    private readonly PdfDictionary cidFont;
    private readonly PdfDictionary descriptor;
    private readonly Dictionary<int, int> codes = [];
    private readonly List<int> glyphs = [0]; // the face's glyph of each code
    private readonly List<int> characters = [-1]; // the code point of each code

    public EmbeddedFont(PdfDocument pdf, FontFace face, string resourceName)
    {
        this.face = face;
        ResourceName = resourceName;
        var file = face.File;
        int Pdf(double designUnits) => (int)Math.Round(designUnits * 1000.0 / file.UnitsPerEm);

        descriptor = Indirect(pdf);
        descriptor.Elements.SetName("/Type", "/FontDescriptor");
        descriptor.Elements.SetInteger("/Ascent", Pdf(face.Metrics.Ascent));
        descriptor.Elements.SetInteger("/CapHeight", Pdf(face.Metrics.CapHeight));
        descriptor.Elements.SetInteger("/Descent", Pdf(face.Metrics.Descent));
        descriptor.Elements.SetInteger("/Flags", file.IsSymbolic ? 1 << 2 : 1 << 5); // symbolic or nonsymbolic
        descriptor.Elements.SetRectangle("/FontBBox", new PdfRectangle(
            new XPoint(Pdf(file.Box.XMin), Pdf(file.Box.YMin)), new XPoint(Pdf(file.Box.XMax), Pdf(file.Box.YMax))));
        descriptor.Elements.SetReal("/ItalicAngle", file.ItalicAngle);
        descriptor.Elements.SetInteger("/StemV", face.Metrics.StemV);
        descriptor.Elements.SetInteger("/XHeight", Pdf(face.Metrics.XHeight));

        cidFont = Indirect(pdf);
        cidFont.Elements.SetName("/Type", "/Font");
        cidFont.Elements.SetName("/Subtype", "/CIDFontType2");
        var system = new PdfDictionary();
        system.Elements.SetString("/Ordering", "Identity");
        system.Elements.SetString("/Registry", "Adobe");
        system.Elements.SetInteger("/Supplement", 0);
        cidFont.Elements.SetValue("/CIDSystemInfo", system);
        cidFont.Elements.SetName("/CIDToGIDMap", "/Identity");
        cidFont.Elements.SetReference("/FontDescriptor", descriptor);

        type0 = Indirect(pdf);
        type0.Elements.SetName("/Type", "/Font");
        type0.Elements.SetName("/Subtype", "/Type0");
        type0.Elements.SetName("/Encoding", "/Identity-H");
        type0.Elements.SetValue("/DescendantFonts", new PdfArray(pdf, cidFont.Reference!));
    }

    /// <summary>The name pages know the font by in their resources.</summary>
    public string ResourceName { get; }

    /// <summary>The code that prints <paramref name="character"/>; the face must have its glyph.</summary>
    public int Code(Rune character)
    {
        if (codes.TryGetValue(character.Value, out var code)) return code;
        code = glyphs.Count;
        codes.Add(character.Value, code);
        glyphs.Add(face.GlyphIndex(character.Value));
        characters.Add(character.Value);
        return code;
    }

    /// <summary>Puts the font in the page's resources under <see cref="ResourceName"/>.</summary>
    public void AddTo(PdfPage page)
    {
        var resources = page.Resources;
        if (resources.Elements.GetDictionary("/Font") is not { } map)
        {
            map = new PdfDictionary();
            resources.Elements.SetValue("/Font", map);
        }
        if (!map.Elements.ContainsKey(ResourceName)) map.Elements.SetReference(ResourceName, type0);
    }

    public void Complete()
    {
        var pdf = type0.Owner;
        var file = face.File;
        var name = SubsetTag() + "+" + file.FullName;
        descriptor.Elements.SetName("/FontName", "/" + name);
        cidFont.Elements.SetName("/BaseFont", "/" + name);
        type0.Elements.SetName("/BaseFont", "/" + name);

        var program = Indirect(pdf);
        var bytes = file.Subset(glyphs);
        program.Elements.SetInteger("/Length1", bytes.Length);
        program.CreateStream(bytes).Zip();
        descriptor.Elements.SetReference("/FontFile2", program);

        // Widths as PDFsharp computes them: the advance in thousandths of an em, rounded down.
        var widths = new StringBuilder("[0[");
        foreach (var glyph in glyphs)
            widths.Append(file.Advance(glyph) * 1000 / file.UnitsPerEm).Append(' ');
        widths[^1] = ']';
        cidFont.Elements.SetValue("/W", new PdfLiteral(widths.Append(']').ToString()));

        var toUnicode = Indirect(pdf);
        toUnicode.CreateStream(Encoding.ASCII.GetBytes(ToUnicode())).Zip();
        type0.Elements.SetReference("/ToUnicode", toUnicode);
    }

    /// <summary>A ToUnicode CMap of every code given out, in blocks of at most 100 as the CMap format allows.</summary>
    private string ToUnicode()
    {
        var cmap = new StringBuilder(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
            "/CIDSystemInfo <</Registry (Adobe)/Ordering (UCS)/Supplement 0>> def\n" +
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n" +
            "1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n");
        for (var start = 1; start < characters.Count; start += 100)
        {
            var end = Math.Min(start + 100, characters.Count);
            cmap.Append(CultureInfo.InvariantCulture, $"{end - start} beginbfchar\n");
            for (var code = start; code < end; code++)
            {
                cmap.Append(CultureInfo.InvariantCulture, $"<{code:X4}><");
                foreach (var unit in new Rune(characters[code]).ToString()) cmap.Append(CultureInfo.InvariantCulture, $"{(int)unit:X4}");
                cmap.Append(">\n");
            }
            cmap.Append("endbfchar\n");
        }
        return cmap.Append("endcmap CMapName currentdict /CMap defineresource pop end end").ToString();
    }

    /// <summary>Six capitals naming this subset (PDF 32000 §9.6.4), from its glyphs, so equal subsets are named alike.</summary>
    private string SubsetTag()
    {
        var hash = 2166136261u; // FNV-1a
        foreach (var glyph in glyphs) hash = (hash ^ (uint)glyph) * 16777619;
        var tag = new char[6];
        for (var i = 0; i < tag.Length; i++, hash /= 26) tag[i] = (char)('A' + hash % 26);
        return new string(tag);
    }

    private static PdfDictionary Indirect(PdfDocument pdf)
    {
        var dictionary = new PdfDictionary(pdf);
        pdf.Internals.AddObject(dictionary);
        return dictionary;
    }
}
