using Bargaining.Documents;
using Bargaining.Documents.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;
using Document = Bargaining.Documents.Model.Document;
using TextAlignment = Bargaining.Documents.Model.TextAlignment;
using Paragraph = Bargaining.Documents.Model.Paragraph;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;

namespace Bargaining.DocumentBenchmarks;

/// <summary>
/// Writes the same <see cref="Document"/> as a Word file, the way a union office would hold the contract: A4, the same
/// margins and faces (AR PL SungtiL GB for body, Droid Sans Fallback for headings), 12 pt on a 22 pt pitch, justified
/// with a two-character indent, chapters and articles numbered as printed, ruled tables with repeating headers, the
/// signatures side by side, a running header and 第 N 页 共 M 页 in the footer.
/// </summary>
internal static class DocxWriter
{
    private const string Song = "AR PL SungtiL GB";
    private const string Sans = "Droid Sans Fallback";
    private const int Twips = 20; // per point

    public static void Write(Document document, string path, string footerCode)
    {
        using var word = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = word.AddMainDocumentPart();
        var body = new Body();
        body.Append(Spaced(Para(document.Title, JustificationValues.Center, Song, 18, bold: true, indent: false), 0, 22));
        var (chapter, article) = (0, 0);
        foreach (var block in document.Blocks)
            switch (block)
            {
                case Chapter c:
                    body.Append(Spaced(Para($"{ChineseNumerals.Chapter(++chapter)}　{c.Title}", JustificationValues.Center, Sans, 14, indent: false), 11, 5.5));
                    break;
                case Article a:
                    var first = true;
                    foreach (var paragraph in a.Paragraphs)
                    {
                        var p = Para("", JustificationValues.Both, Song, 12, indent: true);
                        if (first) p.Append(TextRun(ChineseNumerals.Article(++article) + "　", Sans, 12));
                        foreach (var span in paragraph.Spans) p.Append(TextRun(span.Text, span.Emphasis ? Sans : Song, 12));
                        body.Append(p);
                        first = false;
                    }
                    break;
                case Paragraph paragraph:
                    var para = Para("", paragraph.Alignment switch
                    {
                        TextAlignment.Center => JustificationValues.Center,
                        TextAlignment.Right => JustificationValues.Right,
                        TextAlignment.Left => JustificationValues.Left,
                        _ => JustificationValues.Both,
                    }, Song, 12, indent: paragraph.FirstLineIndent);
                    foreach (var span in paragraph.Spans) para.Append(TextRun(span.Text, span.Emphasis ? Sans : Song, 12));
                    body.Append(para);
                    break;
                case Bargaining.Documents.Model.Table table:
                    if (table.Caption is { } caption) body.Append(Spaced(Para(caption, JustificationValues.Center, Sans, 12, indent: false), 11, 0));
                    body.Append(Table(table));
                    break;
                case SignatureBlock signatures:
                    body.Append(Signatures(signatures));
                    break;
                case PageBreak:
                    body.Append(new W.Paragraph(new Run(new Break { Type = BreakValues.Page })));
                    break;
            }
        body.Append(Section(main, document.Title, footerCode));
        main.Document = new W.Document(body);
        main.Document.Save();
    }

    private static W.Paragraph Para(string text, JustificationValues justification, string font, double size, bool bold = false, bool indent = true)
    {
        var properties = new ParagraphProperties(
            new SpacingBetweenLines { Line = (22 * Twips).ToString(), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" },
            new Justification { Val = justification });
        if (indent) properties.Append(new Indentation { FirstLine = ((int)(2 * size * Twips)).ToString(), FirstLineChars = 200 });
        var paragraph = new W.Paragraph(properties);
        if (text.Length > 0) paragraph.Append(TextRun(text, font, size, bold));
        return paragraph;
    }

    /// <summary>Space before and after a paragraph, in points, as the layout puts around titles, headings and captions.</summary>
    private static W.Paragraph Spaced(W.Paragraph paragraph, double before, double after)
    {
        var spacing = paragraph.ParagraphProperties!.GetFirstChild<SpacingBetweenLines>()!;
        spacing.Before = ((int)(before * Twips)).ToString();
        spacing.After = ((int)(after * Twips)).ToString();
        return paragraph;
    }

    private static Run TextRun(string text, string font, double size, bool bold = false)
    {
        var properties = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font }, new FontSize { Val = ((int)(size * 2)).ToString() });
        if (bold) properties.Append(new Bold());
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static W.Table Table(Bargaining.Documents.Model.Table table)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var result = new W.Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        var total = table.Columns.Sum(c => c.Width);
        var header = new W.TableRow(new TableRowProperties(new TableHeader()));
        foreach (var column in table.Columns)
            header.Append(Cell(column.Header, Sans, JustificationValues.Center, column.Width / total));
        result.Append(header);
        foreach (var row in table.Rows)
        {
            var tableRow = new W.TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < table.Columns.Count; i++)
                tableRow.Append(Cell(i < row.Count ? row[i] : "", Song, table.Columns[i].Alignment switch
                {
                    CellAlignment.Left => JustificationValues.Left,
                    CellAlignment.Right => JustificationValues.Right,
                    _ => JustificationValues.Center,
                }, table.Columns[i].Width / total));
            result.Append(tableRow);
        }
        return result;
    }

    private static W.TableCell Cell(string text, string font, JustificationValues justification, double share) =>
        new(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Pct, Width = ((int)(share * 5000)).ToString() },
                new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
            new W.Paragraph(new ParagraphProperties(new Justification { Val = justification }), TextRun(text, font, 10.5)));

    private static W.Table Signatures(SignatureBlock block)
    {
        var table = new W.Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        var row = new W.TableRow(new TableRowProperties(new CantSplit()));
        foreach (var party in block.Parties)
        {
            var cell = new W.TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Pct, Width = (5000 / block.Parties.Count).ToString() }));
            foreach (var line in party.Lines) cell.Append(Para(line, JustificationValues.Left, Song, 12, indent: false));
            row.Append(cell);
        }
        table.Append(row);
        return table;
    }

    private static SectionProperties Section(MainDocumentPart main, string title, string code)
    {
        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(Para(title, JustificationValues.Center, Song, 9, indent: false));
        var footer = main.AddNewPart<FooterPart>();
        var line = Para("", JustificationValues.Center, Song, 9, indent: false);
        line.Append(TextRun("第 ", Song, 9), new SimpleField(TextRun("1", Song, 9)) { Instruction = " PAGE " }, TextRun(" 页 共 ", Song, 9),
            new SimpleField(TextRun("1", Song, 9)) { Instruction = " NUMPAGES " }, TextRun(" 页　　合同验证码：" + code, Song, 9));
        footer.Footer = new Footer(line);
        const int mm = 57; // twips per millimetre, rounded
        return new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 28 * mm, Bottom = 25 * mm, Left = (uint)(28 * mm), Right = (uint)(26 * mm), Header = (uint)(17 * mm), Footer = (uint)(14 * mm) });
    }
}
