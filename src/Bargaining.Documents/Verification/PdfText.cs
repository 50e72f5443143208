using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace Bargaining.Documents.Verification;

/// <summary>
/// Reads back the text of a PDF this library wrote: per page, the first content stream (the document's text) apart
/// from the others (running header, page numbers, repeated table headers, verification mark). Glyph codes are
/// turned into characters with each font's ToUnicode map, which the renderer writes for its Identity-H fonts
/// (<c>EmbeddedFonts</c>).
/// </summary>
internal static partial class PdfText
{
    /// <summary>A page's text and its furniture, in drawing order, without spacing between runs.</summary>
    public sealed record Page(string Text, string Furniture);

    /// <exception cref="PdfReaderException">Not a PDF that can be read.</exception>
    public static IReadOnlyList<Page> Read(Stream pdf)
    {
        Rendering.AgplLicence.Choose();
        using var document = PdfReader.Open(pdf, PdfDocumentOpenMode.Import);
        var pages = new List<Page>(document.PageCount);
        foreach (var page in document.Pages)
        {
            var fonts = FontMaps(page);
            var streams = page.Contents.Elements
                .Select(item => item is PdfReference reference ? reference.Value : item)
                .OfType<PdfDictionary>().ToList();
            var text = streams.Count > 0 ? Decode(streams[0], fonts) : "";
            var furniture = string.Concat(streams.Skip(1).Select(s => Decode(s, fonts)));
            pages.Add(new Page(text, furniture));
        }
        return pages;
    }

    private static string Decode(PdfDictionary stream, Dictionary<string, Dictionary<int, string>> fonts)
    {
        var text = new StringBuilder();
        Dictionary<int, string>? font = null;
        foreach (var item in ContentReader.ReadContent(stream.Stream.UnfilteredValue))
        {
            if (item is not COperator op) continue;
            switch (op.OpCode.Name)
            {
                case "Tf" when op.Operands.Count > 0 && op.Operands[0] is CName name:
                    font = fonts.GetValueOrDefault(name.Name);
                    break;
                case "Tj" or "'" when op.Operands.Count > 0 && op.Operands[^1] is CString s:
                    Append(text, s, font);
                    break;
                case "\"" when op.Operands.Count > 2 && op.Operands[2] is CString s:
                    Append(text, s, font);
                    break;
                case "TJ" when op.Operands.Count > 0 && op.Operands[0] is CArray array:
                    foreach (var s in array.OfType<CString>()) Append(text, s, font);
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>Two-byte codes (Identity-H) through the font's ToUnicode map; a code it lacks reads as U+FFFD.</summary>
    private static void Append(StringBuilder text, CString value, Dictionary<int, string>? map)
    {
        var bytes = value.Value;
        if (map is null)
        {
            text.Append(bytes);
            return;
        }
        for (var i = 0; i + 1 < bytes.Length; i += 2)
            text.Append(map.GetValueOrDefault(bytes[i] << 8 | bytes[i + 1], "\uFFFD"));
    }

    private static Dictionary<string, Dictionary<int, string>> FontMaps(PdfPage page)
    {
        var maps = new Dictionary<string, Dictionary<int, string>>(StringComparer.Ordinal);
        var fonts = page.Resources.Elements.GetDictionary("/Font");
        if (fonts is null) return maps;
        foreach (var name in fonts.Elements.Keys)
            if (fonts.Elements.GetDictionary(name)?.Elements.GetDictionary("/ToUnicode") is { Stream: { } cmap })
                maps[name] = ToUnicode(Encoding.ASCII.GetString(cmap.UnfilteredValue));
        return maps;
    }

    /// <summary>Parses the bfchar and bfrange sections of a ToUnicode CMap.</summary>
    internal static Dictionary<int, string> ToUnicode(string cmap)
    {
        var map = new Dictionary<int, string>();
        foreach (Match section in Section().Matches(cmap))
        {
            var body = section.Groups["body"].Value;
            if (section.Groups["kind"].Value == "bfchar")
                foreach (Match pair in Pair().Matches(body))
                    map[Hex(pair.Groups[1].Value)] = Utf16(pair.Groups[2].Value);
            else
                foreach (Match range in Range().Matches(body))
                {
                    var (low, high) = (Hex(range.Groups["low"].Value), Hex(range.Groups["high"].Value));
                    if (range.Groups["start"].Success)
                    {
                        var start = Utf16(range.Groups["start"].Value);
                        for (var code = low; code <= high; code++)
                            map[code] = start.Length == 1 ? ((char)(start[0] + code - low)).ToString() : start;
                    }
                    else
                    {
                        var targets = Hexes().Matches(range.Groups["list"].Value).Select(m => Utf16(m.Groups[1].Value)).ToList();
                        for (var code = low; code <= high && code - low < targets.Count; code++) map[code] = targets[code - low];
                    }
                }
        }
        return map;
    }

    private static int Hex(string hex) => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Utf16(string hex)
    {
        var chars = new char[hex.Length / 4];
        for (var i = 0; i < chars.Length; i++) chars[i] = (char)Hex(hex.Substring(4 * i, 4));
        return new string(chars);
    }

    [GeneratedRegex(@"begin(?<kind>bfchar|bfrange)(?<body>.*?)end\k<kind>", RegexOptions.Singleline)]
    private static partial Regex Section();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Pair();

    [GeneratedRegex(@"<(?<low>[0-9A-Fa-f]+)>\s*<(?<high>[0-9A-Fa-f]+)>\s*(?:<(?<start>[0-9A-Fa-f]+)>|\[(?<list>[^\]]*)\])")]
    private static partial Regex Range();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>")]
    private static partial Regex Hexes();
}
