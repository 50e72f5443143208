using System.Text;
using System.Text.RegularExpressions;
using Bargaining.Documents.Model;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Block = Bargaining.Documents.Model.Block;
using MdTable = Markdig.Extensions.Tables.Table;
using MdTableRow = Markdig.Extensions.Tables.TableRow;
using MdTableCell = Markdig.Extensions.Tables.TableCell;

namespace Bargaining.Documents.Templates;

/// <summary>
/// Reads a template's Markdown into the <see cref="Document"/> model, with the conventions templates/README.md
/// describes: <c># title</c>, <c>## chapter</c>, <c>§</c> articles, <c>-&gt;</c>/<c>&lt;-</c> alignment markers, pipe
/// tables, a <c>```signature</c> block and <c>---</c> page breaks. Anything else Markdown offers is refused, so an
/// author learns at load time rather than from a misprinted contract.
/// </summary>
internal static partial class MarkdownReader
{
    /// <summary>Starts an article; the layout numbers it 第N条.</summary>
    public const string ArticleMark = "§";

    /// <summary>Right-aligns a paragraph; with <see cref="CentreEnd"/> at its end, centres it.</summary>
    public const string RightMark = "->";

    /// <summary>Ends a centred paragraph.</summary>
    public const string CentreEnd = "<-";

    /// <summary>Starts a paragraph without the two-character indent.</summary>
    public const string NoIndentMark = "<-";

    /// <summary>The info string of the fenced block that holds the signatures.</summary>
    public const string SignatureFence = "signature";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables(new PipeTableOptions { RequireHeaderSeparator = true })
        .UseCjkFriendlyEmphasis()
        .Build();

    public sealed record Result(Document? Document, IReadOnlyList<(int Line, string Message)> Errors);

    /// <param name="text">The Markdown.</param>
    /// <param name="sourceLine">Maps a 0-based line of <paramref name="text"/> to the 1-based template line it came from.</param>
    public static Result Read(string text, Func<int, int> sourceLine)
    {
        var reader = new Reader(text, sourceLine);
        var document = reader.Read();
        return new Result(reader.Errors.Count == 0 ? document : null, reader.Errors);
    }

    private sealed class Reader(string text, Func<int, int> sourceLine)
    {
        private readonly string[] lines = text.Split('\n');
        private readonly List<Block> blocks = [];
        private List<Paragraph>? article;
        private string? caption;
        private string? title;

        public List<(int Line, string Message)> Errors { get; } = [];

        private void Error(int markdownLine, string message) => Errors.Add((sourceLine(markdownLine), message));

        public Document? Read()
        {
            var markdown = Markdown.Parse(text, Pipeline);
            var items = markdown.ToList();
            for (var i = 0; i < items.Count; i++)
            {
                var block = items[i];
                if (block is not ParagraphBlock) CloseArticle();
                if (block is HeadingBlock { Level: 1 } titleBlock)
                {
                    if (title is not null) Error(block.Line, "Only one title (\"# …\") per document, at the top; use \"## …\" for a chapter.");
                    else if ((title = Text(titleBlock, titleBlock.Line)).Length == 0) Error(block.Line, "The title is empty.");
                    continue;
                }
                if (title is null)
                {
                    Error(block.Line, "The template must start with its title: a line \"# 标题\".");
                    title = "";
                }
                switch (block)
                {
                    case HeadingBlock { Level: 2 } heading:
                        var chapter = Text(heading, heading.Line);
                        if (ChapterNumber().IsMatch(chapter))
                            Error(heading.Line, $"\"{chapter}\": chapters are numbered automatically; write \"## {ChapterNumber().Replace(chapter, "")}\".");
                        else if (chapter.Length == 0) Error(heading.Line, "The chapter heading is empty.");
                        blocks.Add(new Chapter(chapter));
                        break;
                    case HeadingBlock heading:
                        Error(heading.Line, $"Heading level {heading.Level} is not supported: \"#\" is the title and \"##\" a chapter.");
                        break;
                    case ParagraphBlock paragraph:
                        ReadParagraph(paragraph, i + 1 < items.Count && items[i + 1] is MdTable);
                        break;
                    case MdTable table:
                        blocks.Add(ReadTable(table));
                        caption = null;
                        break;
                    case FencedCodeBlock fence when fence.Info == SignatureFence:
                        blocks.Add(ReadSignatures(fence));
                        break;
                    case FencedCodeBlock fence:
                        Error(fence.Line, $"Unknown fenced block \"```{fence.Info}\": the only one is \"```{SignatureFence}\".");
                        break;
                    case ThematicBreakBlock:
                        blocks.Add(new PageBreak());
                        break;
                    case CodeBlock code:
                        Error(code.Line, "A line indented by four or more spaces reads as code: remove the indent (paragraphs are indented automatically).");
                        break;
                    case ListBlock list:
                        Error(list.Line, "Lists are not supported: write each clause as its own paragraph, starting with （一）, （二）… or 1．2．… (full-width point).");
                        break;
                    case QuoteBlock quote:
                        Error(quote.Line, "Block quotes (\"> …\") are not supported.");
                        break;
                    case HtmlBlock html:
                        Error(html.Line, "HTML is not supported in templates; use a Handlebars comment {{!-- … --}} for notes.");
                        break;
                    case LinkReferenceDefinitionGroup group:
                        Error(group.Line, "Link definitions are not supported.");
                        break;
                    case BlankLineBlock:
                        break;
                    default:
                        Error(block.Line, $"{block.GetType().Name} is not supported in templates.");
                        break;
                }
            }
            CloseArticle();
            if (title is null) Error(0, "The template is empty: it needs at least a title \"# 标题\".");
            return new Document { Title = title ?? "", Blocks = blocks };
        }

        private void ReadParagraph(ParagraphBlock block, bool beforeTable)
        {
            var spans = Spans(block.Inline, block.Line);
            if (spans.Count == 0) return;
            var first = spans[0].Text;
            var last = spans[^1].Text;
            if (first.StartsWith('\u3000'))
            {
                Error(block.Line, "Remove the leading full-width spaces: the two-character indent is automatic.");
                return;
            }
            if (first.StartsWith(ArticleMark, StringComparison.Ordinal))
            {
                spans[0] = spans[0] with { Text = first[ArticleMark.Length..].TrimStart() };
                if (ArticleNumber().IsMatch(spans[0].Text))
                    Error(block.Line, "Articles are numbered automatically: leave out \"第…条\" after §.");
                if (Content(spans).Length == 0) Error(block.Line, "An article (§) with no text.");
                CloseArticle();
                article = [new Paragraph(Clean(spans))];
                return;
            }
            if (first.StartsWith(RightMark, StringComparison.Ordinal))
            {
                spans[0] = spans[0] with { Text = first[RightMark.Length..].TrimStart() };
                var centred = last.EndsWith(CentreEnd, StringComparison.Ordinal);
                if (centred) spans[^1] = spans[^1] with { Text = spans[^1].Text[..^CentreEnd.Length].TrimEnd() };
                CloseArticle();
                if (centred && beforeTable)
                {
                    caption = Content(spans);
                    return;
                }
                blocks.Add(new Paragraph(Clean(spans))
                {
                    Alignment = centred ? TextAlignment.Center : TextAlignment.Right, FirstLineIndent = false,
                });
                return;
            }
            if (first.StartsWith(NoIndentMark, StringComparison.Ordinal))
            {
                spans[0] = spans[0] with { Text = first[NoIndentMark.Length..].TrimStart() };
                CloseArticle();
                blocks.Add(Item(new Paragraph(Clean(spans)) { FirstLineIndent = false }));
                return;
            }
            if (ArticleNumber().IsMatch(first))
                Error(block.Line, "A paragraph starting \"第…条\": start an article with § and let the layout number it.");
            if (article is not null) article.Add(Item(new Paragraph(Clean(spans))));
            else blocks.Add(Item(new Paragraph(Clean(spans))));
        }

        private void CloseArticle()
        {
            if (article is not null) blocks.Add(new Article(article));
            article = null;
        }

        private Model.Table ReadTable(MdTable table)
        {
            var rows = table.OfType<MdTableRow>().ToList();
            var header = rows.FirstOrDefault(r => r.IsHeader);
            var widths = Widths(table.Line + 1, table.ColumnDefinitions.Count);
            var columns = table.ColumnDefinitions.Select((definition, i) => new TableColumn(
                header is not null && i < header.Count ? CellText((MdTableCell)header[i]) : "",
                widths[i],
                definition.Alignment switch
                {
                    TableColumnAlign.Left => CellAlignment.Left,
                    TableColumnAlign.Right => CellAlignment.Right,
                    _ => CellAlignment.Center,
                })).ToList();
            var body = new List<IReadOnlyList<string>>();
            foreach (var row in rows.Where(r => !r.IsHeader))
            {
                if (row.Count > columns.Count)
                    Error(row.Line, $"This table row has {row.Count} cells but the header has {columns.Count}.");
                body.Add(Enumerable.Range(0, columns.Count)
                    .Select(i => i < row.Count ? CellText((MdTableCell)row[i]) : "").ToList());
            }
            return new Model.Table(columns, body) { Caption = caption };
        }

        /// <summary>Column widths from the delimiter row: a column with more dashes is wider, in proportion.</summary>
        private double[] Widths(int delimiterLine, int count)
        {
            var widths = Enumerable.Repeat(1.0, count).ToArray();
            if (delimiterLine >= lines.Length) return widths;
            var cells = lines[delimiterLine].Trim().Trim('|').Split('|');
            if (cells.Length != count) return widths;
            for (var i = 0; i < count; i++) widths[i] = Math.Max(1, cells[i].Count(c => c == '-'));
            return widths;
        }

        private string CellText(MdTableCell cell) =>
            string.Concat(cell.OfType<ParagraphBlock>().Select(p => Content(Spans(p.Inline, p.Line))));

        private SignatureBlock ReadSignatures(FencedCodeBlock fence)
        {
            var parties = new List<SignatureParty>();
            var current = new List<string>();
            // An empty block has no line array at all.
            foreach (var line in fence.Lines.Lines?.Take(fence.Lines.Count) ?? [])
            {
                var value = Unescape(line.Slice.ToString().Trim());
                if (value == "---")
                {
                    parties.Add(new SignatureParty(Trimmed(current)));
                    current = [];
                }
                else current.Add(value);
            }
            parties.Add(new SignatureParty(Trimmed(current)));
            if (parties.Any(p => p.Lines.Count == 0))
                Error(fence.Line, "A party in the signature block has no lines: separate parties with a line \"---\".");
            return new SignatureBlock(parties);

            static List<string> Trimmed(List<string> party) =>
                party.SkipWhile(l => l.Length == 0).Reverse().SkipWhile(l => l.Length == 0).Reverse().ToList();
        }

        private string Text(LeafBlock block, int line) => Content(Spans(block.Inline, line));

        private List<TextSpan> Spans(ContainerInline? inline, int line)
        {
            var spans = new List<TextSpan>();
            if (inline is not null) Collect(inline, false, spans, line);
            return Joined(spans);
        }

        private void Collect(ContainerInline container, bool emphasis, List<TextSpan> spans, int line)
        {
            foreach (var inline in container)
            {
                var at = inline.Line > 0 ? inline.Line : line;
                switch (inline)
                {
                    case LiteralInline literal:
                        var value = literal.Content.ToString();
                        // An emphasis marker left unmatched stays as a literal of its own; an escaped one is flagged as such.
                        if (!literal.IsFirstCharacterEscaped && value.Length > 0 && value.All(c => c == '*'))
                            Error(at, "Unmatched emphasis marker (** or *): close it, or escape a literal asterisk as \\*.");
                        spans.Add(new TextSpan(value, emphasis));
                        break;
                    case EmphasisInline em:
                        Collect(em, true, spans, line);
                        break;
                    case LineBreakInline:
                        spans.Add(new TextSpan("\n", emphasis));
                        break;
                    case HtmlEntityInline entity:
                        spans.Add(new TextSpan(entity.Transcoded.ToString(), emphasis));
                        break;
                    case CodeInline:
                        Error(at, "`Code` is not supported in templates: remove the backticks.");
                        break;
                    case LinkInline or AutolinkInline:
                        Error(at, "Links are not supported in templates.");
                        break;
                    case HtmlInline:
                        Error(at, "HTML is not supported in templates.");
                        break;
                    case ContainerInline inner:
                        Collect(inner, emphasis, spans, line);
                        break;
                    default:
                        Error(at, $"{inline.GetType().Name} is not supported in templates.");
                        break;
                }
            }
        }
    }

    /// <summary>
    /// Merges runs of the same emphasis and joins the lines of a paragraph the Chinese way: a line break between two
    /// Chinese characters disappears; between two Latin letters or digits it becomes a space.
    /// </summary>
    private static List<TextSpan> Joined(List<TextSpan> spans)
    {
        var merged = new List<TextSpan>();
        foreach (var span in spans)
            if (merged.Count > 0 && merged[^1].Emphasis == span.Emphasis) merged[^1] = span with { Text = merged[^1].Text + span.Text };
            else merged.Add(span);
        var all = string.Concat(merged.Select(s => s.Text));
        var result = new List<TextSpan>();
        var offset = 0;
        foreach (var span in merged)
        {
            var text = new StringBuilder();
            for (var k = 0; k < span.Text.Length; k++)
            {
                var c = span.Text[k];
                if (c != '\n')
                {
                    text.Append(c);
                    continue;
                }
                var before = offset + k > 0 ? all[offset + k - 1] : ' ';
                var after = offset + k + 1 < all.Length ? all[offset + k + 1] : ' ';
                if (IsLatin(before) && IsLatin(after)) text.Append(' ');
            }
            offset += span.Text.Length;
            if (text.Length > 0) result.Add(span with { Text = text.ToString() });
        }
        if (result.Count > 0)
        {
            result[0] = result[0] with { Text = result[0].Text.TrimStart(' ') };
            result[^1] = result[^1] with { Text = result[^1].Text.TrimEnd(' ') };
        }
        return result.Where(s => s.Text.Length > 0).ToList();
    }

    private static bool IsLatin(char c) => c is > ' ' and < '\u0250';

    private static string Content(IEnumerable<TextSpan> spans) => string.Concat(spans.Select(s => s.Text));

    private static List<TextSpan> Clean(List<TextSpan> spans) => spans.Where(s => s.Text.Length > 0).ToList();

    /// <summary>Undoes the backslash escapes the Markdown encoder puts before ASCII punctuation (fenced blocks keep them).</summary>
    internal static string Unescape(string text)
    {
        if (!text.Contains('\\')) return text;
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]) is false && text[i + 1] < 128 && text[i + 1] > ' ')
                i++;
            result.Append(text[i]);
        }
        return result.ToString();
    }

    [GeneratedRegex("^第[一二三四五六七八九十百零〇0-9]+章\\s*")]
    private static partial Regex ChapterNumber();

    /// <summary>
    /// A numbered item (1．, 2．, as the minutes list their agenda) gets a hanging indent after its label. Articles'
    /// （一） items keep the official style, wrapped lines back at the margin.
    /// </summary>
    private static Paragraph Item(Paragraph paragraph) =>
        paragraph.Spans.Count > 0 && ItemLabel().Match(paragraph.Spans[0].Text) is { Success: true } label
            ? paragraph with { ItemLabel = label.Value }
            : paragraph;

    [GeneratedRegex(@"^\d{1,2}．")]
    private static partial Regex ItemLabel();

    [GeneratedRegex("^第[一二三四五六七八九十百零〇0-9]+条")]
    private static partial Regex ArticleNumber();
}
