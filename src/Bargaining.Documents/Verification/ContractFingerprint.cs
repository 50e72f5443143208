using System.Security.Cryptography;
using System.Text;
using Bargaining.Documents.Model;

namespace Bargaining.Documents.Verification;

/// <summary>
/// What identifies a contract's content: its canonical text, the SHA-256 of it and the short verification code.
/// </summary>
/// <remarks>
/// <para>The <b>canonical text</b> is every character the contract prints as its text, in reading order: the
/// title; each chapter heading with its number (第一章总则); each article's number and paragraphs (第一条为维护…);
/// every other paragraph; each table's caption, header cells and body cells row by row, left to right; the
/// signature block's lines party by party. It is Unicode-normalised (NFC) and every whitespace character
/// (spaces, line breaks, the ideographic space U+3000) is removed. Nothing else counts: not the running header,
/// the page numbers, a table header repeated on a later page, or the verification mark itself.</para>
/// <para>So the text is independent of layout (fonts, page style, line and page breaks give the same code) while
/// any visible change to a word, figure, name or date changes it. The PDF's first content stream on each page holds
/// exactly this text, so it can be recomputed from the file.</para>
/// <para>The <b>SHA-256</b> is taken over the UTF-8 bytes of <see cref="Version"/>, a line feed and the canonical
/// text. The <b>code</b> is its first 60 bits in Crockford's base 32, grouped 4-4-4 (e.g. 7KQ2-M9XD-4HTB).</para>
/// </remarks>
/// <param name="CanonicalText">The canonical text.</param>
/// <param name="Sha256">The SHA-256, lower-case hex.</param>
/// <param name="Code">The verification code.</param>
public sealed record ContractFingerprint(string CanonicalText, string Sha256, string Code)
{
    /// <summary>The version of the canonical form, hashed with the text so that a future form cannot collide.</summary>
    public const string Version = "bargaining-contract/1";

    /// <summary>The fingerprint of a document as it will print.</summary>
    public static ContractFingerprint Of(Document document) => FromPrintedText(PrintedText(document));

    /// <summary>The fingerprint of text read back from a PDF's text streams (whitespace and normalisation are applied here).</summary>
    public static ContractFingerprint FromPrintedText(string text)
    {
        var canonical = Canonical(text);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Version + "\n" + canonical));
        return new ContractFingerprint(canonical, Convert.ToHexStringLower(hash), VerificationCode.FromHash(hash));
    }

    /// <summary>The text of the document in the order the layout prints it, before normalisation.</summary>
    internal static string PrintedText(Document document)
    {
        var text = new StringBuilder(document.Title);
        var (chapter, article) = (0, 0);
        foreach (var block in document.Blocks)
            switch (block)
            {
                case Chapter c:
                    text.Append(ChineseNumerals.Chapter(++chapter)).Append(c.Title);
                    break;
                case Article a:
                    text.Append(ChineseNumerals.Article(++article));
                    foreach (var paragraph in a.Paragraphs) Append(text, paragraph);
                    break;
                case Paragraph p:
                    Append(text, p);
                    break;
                case Table t:
                    text.Append(t.Caption);
                    foreach (var column in t.Columns) text.Append(column.Header);
                    foreach (var row in t.Rows)
                        for (var i = 0; i < t.Columns.Count; i++) text.Append(i < row.Count ? row[i] : "");
                    break;
                case SignatureBlock s:
                    foreach (var line in s.Parties.SelectMany(p => p.Lines)) text.Append(line);
                    break;
            }
        return text.ToString();

        static void Append(StringBuilder text, Paragraph paragraph)
        {
            foreach (var span in paragraph.Spans) text.Append(span.Text);
        }
    }

    private static string Canonical(string text)
    {
        var normalised = text.Normalize(NormalizationForm.FormC);
        var result = new StringBuilder(normalised.Length);
        foreach (var c in normalised)
            if (!char.IsWhiteSpace(c)) result.Append(c);
        return result.ToString();
    }
}
