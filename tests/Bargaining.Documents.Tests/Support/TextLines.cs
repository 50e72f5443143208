namespace Bargaining.Documents.Tests.Support;

/// <summary>Compares text read back from a PDF with its source, where line breaks and spaces do not count.</summary>
public static class TextLines
{
    /// <summary>The text without any whitespace (the ideographic space U+3000 included).</summary>
    public static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>
    /// Splits <paramref name="lines"/> into the paragraphs whose texts are given, in order; lines before a paragraph's
    /// first line that do not start it (a title, a heading) are passed over.
    /// </summary>
    public static List<List<PdfLine>> ByParagraph(IReadOnlyList<PdfLine> lines, IEnumerable<string> paragraphs)
    {
        var result = new List<List<PdfLine>>();
        var next = 0;
        foreach (var paragraph in paragraphs.Select(Squeeze))
        {
            while (next < lines.Count && !paragraph.StartsWith(Squeeze(lines[next].Text), StringComparison.Ordinal)) next++;
            var found = new List<PdfLine>();
            var text = "";
            while (next < lines.Count && text.Length < paragraph.Length)
            {
                found.Add(lines[next]);
                text += Squeeze(lines[next++].Text);
            }
            if (text != paragraph)
                throw new InvalidOperationException($"Paragraph not found as written.\nexpected: {paragraph}\nread:     {text}");
            result.Add(found);
        }
        return result;
    }
}
