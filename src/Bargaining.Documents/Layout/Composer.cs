using Bargaining.Documents.Fonts;
using Bargaining.Documents.Model;
using Bargaining.Documents.Rendering;

namespace Bargaining.Documents.Layout;

/// <summary>
/// Turns the document model into flows of boxes: numbers chapters and articles, shapes and breaks the text, builds
/// table rows and the signature block. Knows the style's sizes; knows nothing of pages.
/// </summary>
internal sealed class Composer(ChineseFonts fonts, DocumentStyle style, TextShaper shaper, VerificationMark? mark = null)
{
    private const double QrSide = 25 * DocumentStyle.Millimetre;

    private const double CellPaddingX = 4;
    private const double CellPaddingY = 3;

    private double Pitch => style.LinePitch;

    private double Indent => 2 * (style.BodySize + style.Tracking);

    public List<Flow> Compose(Document document)
    {
        var flows = new List<Flow> { Title(document.Title) };
        var chapter = 0;
        var article = 0;
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Chapter c:
                    flows.Add(ChapterHeading(ChineseNumerals.Chapter(++chapter) + "　" + c.Title));
                    break;
                case Article a:
                    var label = new TextRun(ChineseNumerals.Article(++article), fonts.Sans, style.BodySize);
                    for (var i = 0; i < a.Paragraphs.Count; i++)
                        flows.Add(Body(a.Paragraphs[i], i == 0 ? [label, new TextRun("　", fonts.Song, style.BodySize)] : []));
                    break;
                case Paragraph p:
                    flows.Add(Body(p, []));
                    break;
                case Table t:
                    if (t.Caption is { } caption) flows.Add(Caption(caption));
                    flows.Add(TableRows(t) with { SpaceBefore = t.Caption is null ? Space(0.5) : 0, SpaceAfter = Space(0.5) });
                    break;
                case SignatureBlock s:
                    // A short closing line (特此函告。, （以下无正文）) goes with the signatures, so they never stand alone on a page.
                    if (flows.Count > 1 && flows[^1] is LinesFlow { KeepTogether: false, Lines.Count: <= 2 } closing)
                        flows[^1] = closing with { KeepWithNext = true };
                    flows.Add(new LinesFlow([Signature(s)]) { SpaceBefore = Space(2), SpaceAfter = Space(1), KeepTogether = true });
                    break;
                case PageBreak:
                    flows.Add(new PageBreakFlow());
                    break;
                default:
                    throw new NotSupportedException($"No layout for {block.GetType().Name}.");
            }
        }
        if (mark is not null) flows.Add(Verification(mark));
        return flows;
    }

    /// <summary>The QR code with the verification code and a note beside it, after a thin rule; kept on one page.</summary>
    private Flow Verification(VerificationMark verification)
    {
        using var generator = new QRCoder.QRCodeGenerator();
        using var qr = generator.CreateQrCode(verification.QrPayload, QRCoder.QRCodeGenerator.ECCLevel.M);
        var modules = qr.ModuleMatrix; // includes the quiet zone of four modules on each side
        var module = QrSide / modules.Count;
        var fills = new List<Fill>();
        for (var row = 0; row < modules.Count; row++)
            for (var column = 0; column < modules.Count;)
            {
                if (!modules[row][column]) { column++; continue; }
                var start = column;
                while (column < modules.Count && modules[row][column]) column++;
                fills.Add(new Fill(start * module, row * module, (column - start) * module, module));
            }

        var textLeft = QrSide + style.BodySize / 2;
        var textWidth = style.TextWidth - textLeft;
        var lines = new List<BoxLine>();
        var y = 4 * module; // level with the top of the code itself, below its quiet zone
        foreach (var line in Lines([new TextRun(VerificationMark.Label + verification.Code, fonts.Sans, style.BodySize)], textWidth, 0, 0, TextAlignment.Left))
        {
            lines.Add(new BoxLine(line, textLeft, y + Baseline(Pitch, style.BodySize)));
            y += Pitch;
        }
        var notePitch = style.TableSize * 1.6;
        foreach (var line in Lines([new TextRun(verification.Note, fonts.Song, style.TableSize)], textWidth, 0, 0, TextAlignment.Justify))
        {
            lines.Add(new BoxLine(line, textLeft, y + Baseline(notePitch, style.TableSize)));
            y += notePitch;
        }
        var box = new Box(style.Snap(Math.Max(QrSide, y)), lines, [new Rule(0, 0, style.TextWidth, 0, 0.3)]) { Fills = fills };
        return new LinesFlow([box]) { KeepTogether = true, SpaceBefore = Space(1), Furniture = true };
    }

    private Flow Title(string title)
    {
        TextRun[] runs = [new TextRun(title, fonts.Song, style.TitleSize, Bold: true)];
        var lines = Lines(runs, style.TextWidth, 0, 0, TextAlignment.Center);
        if (lines.Count > 1)
        {
            // A title over several lines is balanced (GB/T 9704 §7.3.3.1: 排列对称，长短适宜): the narrowest width
            // that still needs no more lines, so no line is left with a character or two.
            var (low, high) = (style.TextWidth / lines.Count, style.TextWidth);
            for (var i = 0; i < 12; i++)
            {
                var middle = (low + high) / 2;
                if (Lines(runs, middle, 0, 0, TextAlignment.Center).Count > lines.Count) low = middle;
                else high = middle;
            }
            lines = Lines(runs, high, 0, 0, TextAlignment.Center)
                .Select(l => l with { Glyphs = l.Glyphs.Select(g => g with { X = g.X + (style.TextWidth - high) / 2 }).ToList() }).ToList();
        }
        return new LinesFlow(lines.Select(l => TextBox(l, style.TitleSize * 1.25, style.TitleSize)).ToList())
        {
            KeepTogether = true, KeepWithNext = true, SpaceAfter = Space(1),
        };
    }

    private Flow ChapterHeading(string text)
    {
        var lines = Lines([new TextRun(text, fonts.Sans, style.HeadingSize)], style.TextWidth, 0, 0, TextAlignment.Center);
        return new LinesFlow(lines.Select(l => TextBox(l, Math.Max(Pitch, style.HeadingSize * 1.5), style.HeadingSize)).ToList())
        {
            KeepTogether = true, KeepWithNext = true, SpaceBefore = Space(0.5), SpaceAfter = style.SnapToGrid ? 0 : Space(0.25),
        };
    }

    private Flow Caption(string text)
    {
        var lines = Lines([new TextRun(text, fonts.Sans, style.BodySize)], style.TextWidth, 0, 0, TextAlignment.Center);
        return new LinesFlow(lines.Select(l => TextBox(l, Pitch, style.BodySize)).ToList())
        {
            KeepTogether = true, KeepWithNext = true, SpaceBefore = Space(0.5),
        };
    }

    private Flow Body(Paragraph paragraph, TextRun[] prefix)
    {
        TextRun[] runs = [.. prefix, .. paragraph.Spans.Select(s =>
            new TextRun(s.Text, s.Emphasis ? fonts.Sans : fonts.Song, style.BodySize))];
        var indent = paragraph.FirstLineIndent ? Indent : 0;
        var hanging = paragraph.ItemLabel is { Length: > 0 } label
            ? indent + shaper.Shape([new TextRun(label, runs[prefix.Length].Face, style.BodySize)]).Sum(g => g.Advance + style.Tracking)
            : 0;
        var lines = LineBreaker.Layout(shaper.Shape(runs), style.TextWidth, indent, style.Tracking, paragraph.Alignment, hanging);
        return new LinesFlow(lines.Select(l => Box.Of(Pitch, new BoxLine(l, 0, Baseline(Pitch, style.BodySize)))).ToList());
    }

    private TableFlow TableRows(Table table)
    {
        var total = table.Columns.Sum(c => c.Width);
        var edges = new double[table.Columns.Count + 1];
        for (var i = 0; i < table.Columns.Count; i++) edges[i + 1] = edges[i] + table.Columns[i].Width / total * style.TextWidth;
        var header = Row(table.Columns.Select(c => c.Header).ToList(), edges, fonts.Sans, _ => CellAlignment.Center, top: true);
        var rows = table.Rows.Select(r => Row(r, edges, fonts.Song, i => table.Columns[i].Alignment, top: false)).ToList();
        return new TableFlow(header, rows);
    }

    private Box Row(IReadOnlyList<string> cells, double[] edges, FontFace face, Func<int, CellAlignment> alignment, bool top)
    {
        var cellPitch = style.TableSize * 1.5;
        var columns = edges.Length - 1;
        var cellLines = new List<(int Column, List<Line> Lines)>();
        for (var i = 0; i < columns; i++)
        {
            var text = i < cells.Count ? cells[i] : "";
            var align = alignment(i) switch
            {
                CellAlignment.Left => TextAlignment.Left,
                CellAlignment.Right => TextAlignment.Right,
                _ => TextAlignment.Center,
            };
            cellLines.Add((i, Lines([new TextRun(text, face, style.TableSize)], edges[i + 1] - edges[i] - 2 * CellPaddingX, 0, 0, align)));
        }
        var height = style.Snap(cellLines.Max(c => Math.Max(1, c.Lines.Count)) * cellPitch + 2 * CellPaddingY);
        var boxLines = new List<BoxLine>();
        foreach (var (column, lines) in cellLines)
        {
            // Cells are centred vertically, so a one-line cell sits level with the middle of a taller neighbour.
            var firstTop = (height - lines.Count * cellPitch) / 2;
            for (var k = 0; k < lines.Count; k++)
                boxLines.Add(new BoxLine(lines[k], edges[column] + CellPaddingX, firstTop + k * cellPitch + Baseline(cellPitch, style.TableSize)));
        }
        var rules = edges.Select(x => new Rule(x, 0, x, height)).Append(new Rule(0, height, style.TextWidth, height)).ToList();
        if (top) rules.Add(new Rule(0, 0, style.TextWidth, 0));
        return new Box(height, boxLines, rules);
    }

    private Box Signature(SignatureBlock block)
    {
        // One party (a letter's sender) signs in the right half, where a Chinese letter puts its 落款.
        var columns = Math.Max(2, block.Parties.Count);
        var columnWidth = style.TextWidth / columns;
        var firstColumn = columns - block.Parties.Count;
        var boxLines = new List<BoxLine>();
        var rows = 0;
        for (var p = 0; p < block.Parties.Count; p++)
        {
            var row = 0;
            foreach (var text in block.Parties[p].Lines)
            {
                var lines = Lines([new TextRun(text, fonts.Song, style.BodySize)], columnWidth - style.BodySize, 0, 0, TextAlignment.Left);
                foreach (var line in lines)
                    boxLines.Add(new BoxLine(line, (firstColumn + p) * columnWidth, row++ * Pitch + Baseline(Pitch, style.BodySize)));
                if (lines.Count == 0) row++; // an empty line leaves room to sign
            }
            rows = Math.Max(rows, row);
        }
        return new Box(rows * Pitch, boxLines, []);
    }

    private List<Line> Lines(IReadOnlyList<TextRun> runs, double width, double indent, double tracking, TextAlignment alignment) =>
        LineBreaker.Layout(shaper.Shape(runs), width, indent, tracking, alignment);

    private Box TextBox(Line line, double height, double size)
    {
        var snapped = style.Snap(height);
        return Box.Of(snapped, new BoxLine(line, 0, Baseline(snapped, size)));
    }

    /// <summary>Space in line pitches, rounded to the grid when the style keeps one.</summary>
    private double Space(double pitches) => style.Snap(pitches * Pitch);

    /// <summary>The baseline that centres a CJK em box (0.88 em above the baseline, 0.12 below) in a line of <paramref name="height"/>.</summary>
    internal static double Baseline(double height, double size) => (height - size) / 2 + 0.88 * size;
}
