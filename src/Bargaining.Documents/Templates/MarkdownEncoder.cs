using System.Text;
using HandlebarsDotNet;

namespace Bargaining.Documents.Templates;

/// <summary>
/// Escapes the values Handlebars inserts so that data never changes a document's structure: every ASCII punctuation
/// mark gets a backslash (Markdown then prints it as written: a name with * or |, a figure like 3.5), and line breaks
/// become spaces, so a value stays inside its paragraph or table cell.
/// </summary>
internal sealed class MarkdownEncoder : ITextEncoder
{
    public void Encode(StringBuilder? text, TextWriter target)
    {
        if (text is null) return;
        foreach (var chunk in text.GetChunks())
            foreach (var c in chunk.Span) Write(c, target);
    }

    public void Encode(string? text, TextWriter target)
    {
        if (text is null) return;
        foreach (var c in text) Write(c, target);
    }

    public void Encode<T>(T? text, TextWriter target) where T : IEnumerator<char>
    {
        if (text is null) return;
        while (text.MoveNext()) Write(text.Current, target);
    }

    private static void Write(char c, TextWriter target)
    {
        if (c is '\r' or '\n' or '\t')
        {
            target.Write(' ');
            return;
        }
        if (IsAsciiPunctuation(c)) target.Write('\\');
        target.Write(c);
    }

    private static bool IsAsciiPunctuation(char c) =>
        c is (>= '!' and <= '/') or (>= ':' and <= '@') or (>= '[' and <= '`') or (>= '{' and <= '~');
}
