namespace Bargaining.Documents.Model;

/// <summary>
/// A document to typeset: a title and a sequence of blocks. Chapters and articles carry no numbers: the layout
/// numbers them through the whole document (第一章 …, 第一条 …), so a template can add or drop an article freely.
/// </summary>
public sealed class Document
{
    /// <summary>The centred title, e.g. 盐城市水务集团有限公司集体合同.</summary>
    public required string Title { get; init; }

    /// <summary>The text of the running header on every page in styles that have one; the title when null.</summary>
    public string? RunningHeader { get; init; }

    /// <summary>The body, in reading order.</summary>
    public IReadOnlyList<Block> Blocks { get; init; } = [];
}

/// <summary>A part of the body: a heading, an article, a paragraph, a table or a signature block.</summary>
public abstract record Block;

/// <summary>A chapter heading; printed in the sans face as 第N章　Title, numbered automatically.</summary>
/// <param name="Title">The chapter's name without its number, e.g. 总则.</param>
public sealed record Chapter(string Title) : Block;

/// <summary>An article: its first paragraph opens with 第N条 (numbered automatically), the others follow indented.</summary>
/// <param name="Paragraphs">The article's paragraphs, e.g. the clauses (一), (二) … each as its own paragraph.</param>
public sealed record Article(IReadOnlyList<Paragraph> Paragraphs) : Block
{
    /// <summary>An article of plain-text paragraphs.</summary>
    public Article(params string[] paragraphs) : this(paragraphs.Select(p => new Paragraph(p)).ToArray()) { }
}

/// <summary>How a paragraph's lines sit between the margins.</summary>
public enum TextAlignment
{
    /// <summary>Full justification by spreading the space between characters; the last line stays left.</summary>
    Justify,
    /// <summary>Ragged right.</summary>
    Left,
    /// <summary>Centred.</summary>
    Center,
    /// <summary>Flush right, e.g. a contract number or a date under the title.</summary>
    Right,
}

/// <summary>A run of text; emphasised text is printed in the sans face (黑体), the Chinese way of bolding.</summary>
public sealed record TextSpan(string Text, bool Emphasis = false);

/// <summary>A paragraph of body text. Whitespace runs print as one space; text is not split into lines by the caller.</summary>
public sealed record Paragraph(IReadOnlyList<TextSpan> Spans) : Block
{
    /// <summary>A paragraph of plain text.</summary>
    public Paragraph(string text) : this([new TextSpan(text)]) { }

    /// <summary>Justified by default.</summary>
    public TextAlignment Alignment { get; init; } = TextAlignment.Justify;

    /// <summary>Indent the first line by two characters (the Chinese paragraph indent); true by default.</summary>
    public bool FirstLineIndent { get; init; } = true;

    /// <summary>
    /// The label a numbered item starts with (1．), if any: its wrapped lines align with the text after the label (a
    /// hanging indent).
    /// </summary>
    public string? ItemLabel { get; init; }
}

/// <summary>How a table column aligns its cells.</summary>
public enum CellAlignment
{
    /// <summary>Flush left.</summary>
    Left,
    /// <summary>Centred.</summary>
    Center,
    /// <summary>Flush right (amounts).</summary>
    Right,
}

/// <summary>A column of a table.</summary>
/// <param name="Header">The header cell's text, repeated on every page the table reaches.</param>
/// <param name="Width">The column's share of the table width, relative to the other columns.</param>
/// <param name="Alignment">How the body cells align.</param>
public sealed record TableColumn(string Header, double Width = 1, CellAlignment Alignment = CellAlignment.Center);

/// <summary>A ruled table (e.g. a wage table) whose header row repeats at the top of each new page.</summary>
/// <param name="Columns">The columns, with their headers.</param>
/// <param name="Rows">The body rows, one string per column; a row is never split across pages.</param>
public sealed record Table(IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : Block
{
    /// <summary>A caption printed centred above the table, kept on the same page as its first row.</summary>
    public string? Caption { get; init; }
}

/// <summary>Starts a new page (e.g. before the annexes); nothing at the top of a page already.</summary>
public sealed record PageBreak : Block;

/// <summary>The signing area: the parties side by side, always kept together on one page.</summary>
/// <param name="Parties">Usually two: 甲方 (employer) and 乙方 (union).</param>
public sealed record SignatureBlock(IReadOnlyList<SignatureParty> Parties) : Block;

/// <summary>One party's column in the signature block.</summary>
/// <param name="Lines">The lines top to bottom, e.g. 甲方（盖章）：…, 首席代表（签字）：, 年　月　日; an empty line leaves room to sign.</param>
public sealed record SignatureParty(IReadOnlyList<string> Lines);
