using System.Buffers.Binary;
using System.Text;

namespace Bargaining.Documents.Fonts;

/// <summary>
/// What embedding needs of a TrueType file, read once per face: where each glyph's outline lies, its advance, the
/// face's names and box; and subsets that hold only given glyphs, renumbered from 0. PDFsharp's own subset keeps
/// every glyph number of the face, so its <c>loca</c> and <c>hmtx</c> tables span all 49,382 glyphs of Droid Sans
/// Fallback in every document, whatever few it prints.
/// </summary>
internal sealed class TrueTypeFile
{
    // The tables PDFsharp embeds for a CID-keyed TrueType font (no cmap: the PDF maps codes to glyphs itself), in
    // the tag order a font's table directory must have.
    private static readonly string[] SubsetTables = ["cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"];

    private readonly byte[] bytes;
    private readonly Dictionary<string, (int Offset, int Length)> tables = new(StringComparer.Ordinal);
    private readonly int[] outlines; // where each glyph's outline starts in glyf, one more for the end of the last
    private readonly int numberOfHMetrics;

    public TrueTypeFile(byte[] bytes)
    {
        this.bytes = bytes;
        var count = U16(4);
        for (var i = 0; i < count; i++)
        {
            var record = 12 + 16 * i;
            tables[Encoding.ASCII.GetString(bytes, record, 4)] = ((int)U32(record + 8), (int)U32(record + 12));
        }
        var head = Table("head");
        UnitsPerEm = U16(head + 18);
        Box = (S16(head + 36), S16(head + 38), S16(head + 40), S16(head + 42));
        GlyphCount = U16(Table("maxp") + 4);
        numberOfHMetrics = U16(Table("hhea") + 34);
        var loca = Table("loca");
        var longOffsets = S16(head + 50) == 1;
        outlines = new int[GlyphCount + 1];
        for (var g = 0; g <= GlyphCount; g++)
            outlines[g] = longOffsets ? (int)U32(loca + 4 * g) : 2 * U16(loca + 2 * g);
        ItalicAngle = tables.ContainsKey("post") ? BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(Table("post") + 4)) / 65536.0 : 0;
        IsSymbolic = HasSymbolCmap();
        FullName = Name(4) ?? Name(1) ?? "";
    }

    /// <summary>The number of glyphs in the face.</summary>
    public int GlyphCount { get; }

    /// <summary>Design units per em.</summary>
    public int UnitsPerEm { get; }

    /// <summary>The box around all glyphs, in design units (head table).</summary>
    public (short XMin, short YMin, short XMax, short YMax) Box { get; }

    /// <summary>The italic angle in degrees (post table).</summary>
    public double ItalicAngle { get; }

    /// <summary>Whether the face maps the symbol encoding (Windows cmap 3,0), as PDF's font flags tell.</summary>
    public bool IsSymbolic { get; }

    /// <summary>The full font name (name table), e.g. Droid Sans Fallback.</summary>
    public string FullName { get; }

    /// <summary>A glyph's advance width in design units.</summary>
    public int Advance(int glyph) => U16(Table("hmtx") + 4 * Math.Min(glyph, numberOfHMetrics - 1));

    /// <summary>
    /// A TrueType font holding exactly <paramref name="glyphs"/>: glyph i of the subset is glyph
    /// <c>glyphs[i]</c> of this face (the first should be 0, .notdef), followed by the parts that composite glyphs
    /// among them are built from, renumbered likewise.
    /// </summary>
    public byte[] Subset(IReadOnlyList<int> glyphs)
    {
        var order = new List<int>(glyphs);
        var renumbered = new Dictionary<int, int>(order.Count);
        for (var i = 0; i < order.Count; i++) renumbered.TryAdd(order[i], i);
        for (var i = 0; i < order.Count; i++)
            foreach (var (_, component) in Components(order[i]))
                if (renumbered.TryAdd(component, order.Count)) order.Add(component);
        if (order.Count > ushort.MaxValue) throw new ArgumentException("A TrueType font holds at most 65,535 glyphs.", nameof(glyphs));

        var glyf = Table("glyf");
        var outlineBytes = 0;
        foreach (var g in order) outlineBytes += outlines[g + 1] - outlines[g];
        var glyfTable = new byte[outlineBytes];
        var locaTable = new byte[4 * (order.Count + 1)];
        var hmtxTable = new byte[4 * order.Count];
        var hmtx = Table("hmtx");
        var at = 0;
        for (var i = 0; i < order.Count; i++)
        {
            var g = order[i];
            BinaryPrimitives.WriteInt32BigEndian(locaTable.AsSpan(4 * i), at);
            var length = outlines[g + 1] - outlines[g];
            bytes.AsSpan(glyf + outlines[g], length).CopyTo(glyfTable.AsSpan(at));
            foreach (var (position, component) in Components(g))
                BinaryPrimitives.WriteUInt16BigEndian(glyfTable.AsSpan(at + position), (ushort)renumbered[component]);
            at += length;
            var metric = Math.Min(g, numberOfHMetrics - 1);
            BinaryPrimitives.WriteUInt16BigEndian(hmtxTable.AsSpan(4 * i), (ushort)U16(hmtx + 4 * metric));
            var sideBearing = g < numberOfHMetrics ? hmtx + 4 * g + 2 : hmtx + 4 * numberOfHMetrics + 2 * (g - numberOfHMetrics);
            bytes.AsSpan(sideBearing, 2).CopyTo(hmtxTable.AsSpan(4 * i + 2));
        }
        BinaryPrimitives.WriteInt32BigEndian(locaTable.AsSpan(4 * order.Count), at);

        var head = Copy("head");
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0); // checkSumAdjustment, set below
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1); // long loca offsets
        var hhea = Copy("hhea");
        BinaryPrimitives.WriteUInt16BigEndian(hhea.AsSpan(34), (ushort)order.Count);
        var maxp = Copy("maxp");
        BinaryPrimitives.WriteUInt16BigEndian(maxp.AsSpan(4), (ushort)order.Count);

        var parts = new List<(string Tag, byte[] Data)>();
        foreach (var tag in SubsetTables)
            switch (tag)
            {
                case "glyf": parts.Add((tag, glyfTable)); break;
                case "head": parts.Add((tag, head)); break;
                case "hhea": parts.Add((tag, hhea)); break;
                case "hmtx": parts.Add((tag, hmtxTable)); break;
                case "loca": parts.Add((tag, locaTable)); break;
                case "maxp": parts.Add((tag, maxp)); break;
                default:
                    if (tables.ContainsKey(tag)) parts.Add((tag, Copy(tag)));
                    break;
            }
        return Assemble(parts);
    }

    /// <summary>The glyphs a composite glyph is built from, with where each one's number sits in its outline.</summary>
    private List<(int Position, int Glyph)> Components(int glyph)
    {
        var found = new List<(int, int)>();
        var start = Table("glyf") + outlines[glyph];
        if (outlines[glyph + 1] - outlines[glyph] < 10 || S16(start) >= 0) return found; // empty or simple
        const int argsAreWords = 0x0001, haveScale = 0x0008, moreComponents = 0x0020, haveXyScale = 0x0040, haveTwoByTwo = 0x0080;
        var p = start + 10;
        int flags;
        do
        {
            flags = U16(p);
            found.Add((p + 2 - start, U16(p + 2)));
            p += 4 + ((flags & argsAreWords) != 0 ? 4 : 2);
            if ((flags & haveScale) != 0) p += 2;
            else if ((flags & haveXyScale) != 0) p += 4;
            else if ((flags & haveTwoByTwo) != 0) p += 8;
        } while ((flags & moreComponents) != 0);
        return found;
    }

    /// <summary>Writes the table directory and the tables, each on a 4-byte boundary with its checksum.</summary>
    private static byte[] Assemble(List<(string Tag, byte[] Data)> parts)
    {
        var header = 12 + 16 * parts.Count;
        var size = header + parts.Sum(p => Padded(p.Data.Length));
        var font = new byte[size];
        var span = font.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)parts.Count);
        var power = 1;
        var log = 0;
        while (power * 2 <= parts.Count) (power, log) = (power * 2, log + 1);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)(16 * power));
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)(16 * parts.Count - 16 * power));
        var offset = header;
        var headOffset = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            var (tag, data) = parts[i];
            var record = span[(12 + 16 * i)..];
            Encoding.ASCII.GetBytes(tag, record);
            data.CopyTo(span[offset..]);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(span.Slice(offset, Padded(data.Length))));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            if (tag == "head") headOffset = offset;
            offset += Padded(data.Length);
        }
        BinaryPrimitives.WriteUInt32BigEndian(span[(headOffset + 8)..], 0xB1B0AFBA - Checksum(span));
        return font;
    }

    private static int Padded(int length) => (length + 3) & ~3;

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i < data.Length; i += 4) sum += BinaryPrimitives.ReadUInt32BigEndian(data[i..]);
        return sum;
    }

    private bool HasSymbolCmap()
    {
        if (!tables.ContainsKey("cmap")) return false;
        var cmap = Table("cmap");
        for (var i = 0; i < U16(cmap + 2); i++)
            if (U16(cmap + 4 + 8 * i) == 3 && U16(cmap + 6 + 8 * i) == 0) return true;
        return false;
    }

    /// <summary>A name record: the Windows (UTF-16) one, else the Macintosh (Roman) one.</summary>
    private string? Name(int id)
    {
        if (!tables.ContainsKey("name")) return null;
        var name = Table("name");
        var strings = name + U16(name + 4);
        string? mac = null;
        for (var i = 0; i < U16(name + 2); i++)
        {
            var record = name + 6 + 12 * i;
            if (U16(record + 6) != id) continue;
            var (length, offset) = (U16(record + 8), U16(record + 10));
            switch (U16(record))
            {
                case 3: return Encoding.BigEndianUnicode.GetString(bytes, strings + offset, length);
                case 1: mac ??= Encoding.Latin1.GetString(bytes, strings + offset, length); break;
            }
        }
        return mac;
    }

    private int Table(string tag) => tables.TryGetValue(tag, out var table)
        ? table.Offset
        : throw new InvalidDataException($"The font has no {tag.Trim()} table.");

    private byte[] Copy(string tag)
    {
        var (offset, length) = tables[tag];
        return bytes.AsSpan(offset, length).ToArray();
    }

    private int U16(int at) => BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at));
    private short S16(int at) => BinaryPrimitives.ReadInt16BigEndian(bytes.AsSpan(at));
    private uint U32(int at) => BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at));
}
