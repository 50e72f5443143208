using System.Buffers.Binary;
using System.Text;
using Bargaining.Documents.Verification;
using PdfSharp.Pdf.IO;

namespace Bargaining.Documents.Tests.Support;

/// <summary>A font a PDF embeds: its name, its TrueType program as embedded, and the characters its ToUnicode map names.</summary>
public sealed record EmbeddedFontProgram(string Name, byte[] Program, IReadOnlyCollection<string> Characters)
{
    /// <summary>The number of glyphs the program holds (maxp).</summary>
    public int GlyphCount => TrueType.GlyphCount(Program);

    /// <summary>Every Type0 font of the PDF's pages, each once, read back with PDFsharp.</summary>
    public static IReadOnlyList<EmbeddedFontProgram> Read(string pdf)
    {
        using var document = PdfReader.Open(pdf, PdfDocumentOpenMode.Import);
        var fonts = new Dictionary<string, EmbeddedFontProgram>();
        foreach (var page in document.Pages)
        {
            var map = page.Resources.Elements.GetDictionary("/Font");
            foreach (var key in map?.Elements.Keys ?? [])
            {
                var type0 = map!.Elements.GetDictionary(key)!;
                var name = type0.Elements.GetName("/BaseFont");
                if (fonts.ContainsKey(name)) continue;
                var cidFont = type0.Elements.GetArray("/DescendantFonts")!.Elements.GetDictionary(0)!;
                var program = cidFont.Elements.GetDictionary("/FontDescriptor")!.Elements.GetDictionary("/FontFile2")!;
                var toUnicode = type0.Elements.GetDictionary("/ToUnicode")!;
                var characters = PdfText.ToUnicode(Encoding.ASCII.GetString(toUnicode.Stream.UnfilteredValue)).Values.ToHashSet();
                fonts[name] = new EmbeddedFontProgram(name.TrimStart('/'), program.Stream.UnfilteredValue, characters);
            }
        }
        return fonts.Values.ToList();
    }
}

/// <summary>Reads a TrueType font's tables, as far as the tests look into them.</summary>
public static class TrueType
{
    /// <summary>Where a table starts, from the table directory.</summary>
    public static int Table(byte[] font, string tag)
    {
        for (var i = 0; i < U16(font, 4); i++)
            if (Encoding.ASCII.GetString(font, 12 + 16 * i, 4) == tag)
                return (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(12 + 16 * i + 8));
        throw new InvalidDataException($"no {tag} table");
    }

    public static int GlyphCount(byte[] font) => U16(font, Table(font, "maxp") + 4);

    /// <summary>A glyph's outline as the glyf table holds it.</summary>
    public static byte[] Outline(byte[] font, int glyph)
    {
        var (loca, glyf) = (Table(font, "loca"), Table(font, "glyf"));
        var longOffsets = U16(font, Table(font, "head") + 50) == 1;
        int Offset(int g) => longOffsets ? (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(loca + 4 * g)) : 2 * U16(font, loca + 2 * g);
        return font.AsSpan(glyf + Offset(glyph), Offset(glyph + 1) - Offset(glyph)).ToArray();
    }

    /// <summary>The glyphs a composite glyph is built from, directly (none for a simple glyph).</summary>
    public static IReadOnlyList<int> Components(byte[] font, int glyph)
    {
        var outline = Outline(font, glyph);
        var components = new List<int>();
        if (outline.Length < 10 || (short)U16(outline, 0) >= 0) return components;
        int flags;
        for (var at = 10; ; at += 4 + ((flags & 1) != 0 ? 4 : 2) + ((flags & 8) != 0 ? 2 : (flags & 0x40) != 0 ? 4 : (flags & 0x80) != 0 ? 8 : 0))
        {
            flags = U16(outline, at);
            components.Add(U16(outline, at + 2));
            if ((flags & 0x20) == 0) return components;
        }
    }

    /// <summary>The glyphs and everything they are built from, each once.</summary>
    public static ISet<int> Closure(byte[] font, IEnumerable<int> glyphs)
    {
        var closure = new HashSet<int>();
        var pending = new Stack<int>(glyphs);
        while (pending.TryPop(out var glyph))
            if (closure.Add(glyph))
                foreach (var component in Components(font, glyph)) pending.Push(component);
        return closure;
    }

    /// <summary>A glyph's advance width (hmtx).</summary>
    public static int Advance(byte[] font, int glyph)
    {
        var metrics = U16(font, Table(font, "hhea") + 34);
        return U16(font, Table(font, "hmtx") + 4 * Math.Min(glyph, metrics - 1));
    }

    /// <summary>The sum of the font's 32-bit words, which a correct checkSumAdjustment makes 0xB1B0AFBA.</summary>
    public static uint Checksum(byte[] font)
    {
        uint sum = 0;
        for (var i = 0; i + 4 <= font.Length; i += 4) sum += BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(i));
        return sum;
    }

    private static int U16(byte[] font, int at) => BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(at));
}
