using System.Text.RegularExpressions;

namespace Bargaining.Documents.Tests.Rendering;

/// <summary>The ordinary contract style, read back from real PDFs with poppler.</summary>
public partial class ContractStyleTests
{
    private const double Size = 12; // DocumentStyle.Contract.BodySize

    [Fact]
    public void The_text_read_back_equals_the_source_apart_from_line_breaks_and_spaces()
    {
        var contract = Samples.Contract();
        var document = new Document
        {
            Title = contract.Title,
            Blocks = contract.Blocks.Where(b => b is not Table and not SignatureBlock).ToList(),
        };
        var rendered = Rendered.Of(document, DocumentStyle.Contract with { RunningHeader = false });

        var text = Footer().Replace(Poppler.Text(rendered.Path), "");

        Assert.Equal(TextLines.Squeeze(Source(document)), TextLines.Squeeze(text));
    }

    [Fact]
    public void Articles_are_numbered_through_the_whole_document_across_chapters()
    {
        var rendered = Rendered.Of(Samples.Contract());
        var starts = rendered.BodyLines.Select(l => TextLines.Squeeze(l.Text)).ToList();

        var articles = starts.Select(s => ArticleLabel().Match(s)).Where(m => m.Success).Select(m => m.Value);
        var chapters = starts.Select(s => ChapterLabel().Match(s)).Where(m => m.Success).Select(m => m.Value);

        Assert.Equal(Enumerable.Range(1, 12).Select(ChineseNumerals.Article), articles);
        Assert.Equal(["第一章总则", "第二章劳动报酬", "第三章工作时间和休息休假", "第四章劳动安全卫生", "第五章附则"], chapters);
    }

    [Fact]
    public void Every_page_has_the_running_header_and_the_footer_page_N_of_M()
    {
        var rendered = Rendered.Of(Samples.Contract(wageRows: 40));
        var count = rendered.Pages.Count;

        Assert.True(count >= 3, $"{count} pages");
        Assert.Equal(count, rendered.Result.PageCount);
        Assert.All(rendered.Pages, page =>
        {
            Assert.Equal(Samples.Employer + "集体合同", page.Lines[0].Text);
            Assert.True(page.Lines[0].YMax < rendered.Style.TextTop);
            Assert.Equal($"第{page.Number}页共{count}页", page.Lines[^1].Text);
            Assert.True(page.Lines[^1].YMin > rendered.Style.TextTop + rendered.Style.TextHeight);
        });
        Assert.Equal(["第", "1", "页", "共", $"{count}", "页"], rendered.Pages[0].Lines[^1].Words.Select(w => w.Text));
    }

    [Fact]
    public void The_title_is_centred_and_the_first_line_of_a_paragraph_is_indented_two_characters()
    {
        var rendered = Rendered.Of(Samples.Contract());
        var style = rendered.Style;
        var lines = rendered.BodyLines;
        var title = lines[0];
        var firstArticle = lines.First(l => l.Text.StartsWith("第一条", StringComparison.Ordinal));
        var party = lines.First(l => l.Text.StartsWith("甲方（用人单位）", StringComparison.Ordinal));

        Assert.Equal(style.TextLeft + style.TextWidth / 2, (title.XMin + title.XMax) / 2, 0.5);
        Assert.Equal(style.TextLeft + 2 * Size, firstArticle.XMin, 0.5);
        Assert.Equal(style.TextLeft, party.XMin, 0.5); // FirstLineIndent = false
    }

    [Fact]
    public void Right_aligned_and_centred_paragraphs_sit_where_asked()
    {
        var rendered = Rendered.Of(new Document
        {
            Title = "对齐",
            Blocks =
            [
                new Paragraph("合同编号：YC-2026-001") { Alignment = TextAlignment.Right, FirstLineIndent = false },
                new Paragraph([new TextSpan("（以下无正文）", Emphasis: true)]) { Alignment = TextAlignment.Center, FirstLineIndent = false },
            ],
        });
        var lines = rendered.BodyLines;

        Assert.Equal(rendered.Right, lines[1].XMax, 0.5);
        Assert.Equal(rendered.Style.TextLeft + rendered.Style.TextWidth / 2, (lines[2].XMin + lines[2].XMax) / 2, 0.5);
    }

    [Fact]
    public void Justified_lines_end_at_the_right_edge_and_last_lines_keep_their_natural_spacing()
    {
        // 80 and 130 characters: at 12 pt on 156 mm a line holds 36 (34 after the indent), so the last lines hold 10 and 24.
        string[] texts = [Samples.PlainText(80), Samples.PlainText(130), .. Samples.ShiftedPunctuated(12)];
        var rendered = Rendered.Of(new Document { Title = "两端对齐", Blocks = texts.Select(t => (Block)new Paragraph(t)).ToList() });

        var paragraphs = TextLines.ByParagraph(rendered.BodyLines, texts);

        Assert.All(paragraphs.SelectMany(p => p.SkipLast(1)), line => Assert.Equal(rendered.Right, line.XMax, 0.5));
        Assert.Equal(10 * Size, paragraphs[0][^1].XMax - paragraphs[0][^1].XMin, 0.5);
        Assert.Equal(24 * Size, paragraphs[1][^1].XMax - paragraphs[1][^1].XMin, 0.5);
        Assert.All(paragraphs.Take(2), p => Assert.True(p[^1].XMax < rendered.Right - Size, p[^1].ToString()));
    }

    [Fact]
    public void A_table_repeats_its_header_row_on_the_next_page()
    {
        var rendered = Rendered.Of(Samples.Contract(wageRows: 40));
        const string header = "岗位等级岗位名称月基本工资（元）调整幅度";
        var pagesWithTable = rendered.Pages.Where(p => p.BodyLines(rendered.Style).Any(l => Grade().IsMatch(l.Words[0].Text))).ToList();

        Assert.True(pagesWithTable.Count >= 2, $"the table spans {pagesWithTable.Count} page(s)");
        Assert.All(pagesWithTable.Skip(1), page => Assert.Equal(header, page.BodyLines(rendered.Style)[0].Text));
        Assert.All(pagesWithTable, page => Assert.Single(page.Lines, l => l.Text == header));
        var grades = rendered.BodyLines.Select(l => l.Words[0].Text).Where(w => Grade().IsMatch(w));
        Assert.Equal(Enumerable.Range(1, 40).Select(i => ChineseNumerals.Format(i) + "级"), grades); // no row lost or doubled
    }

    [Fact]
    public void The_signature_block_is_never_split_across_pages()
    {
        var movedWhole = 0;
        // 0–14 paragraphs of three lines before the signatures: the block meets every position on the page.
        for (var fill = 0; fill < 15; fill++)
        {
            var document = new Document
            {
                Title = "落款测试",
                Blocks = [.. Enumerable.Repeat<Block>(new Paragraph(Samples.PlainText(100)), fill), Samples.Signatures()],
            };
            var rendered = Rendered.Of(document);
            var pages = rendered.Pages
                .Where(p => p.BodyLines(rendered.Style).Any(l => l.Text.Contains("盖章") || l.Text.Contains("签字") || l.Text.Contains("年月日")))
                .ToList();

            Assert.Single(pages);
            var first = pages[0].BodyLines(rendered.Style)[0].Text;
            if (pages[0].Number > 1 && first.StartsWith("甲方（盖章）", StringComparison.Ordinal)) movedWhole++;
        }
        Assert.True(movedWhole > 0, "no case needed the block moved to a new page, so the rule was not exercised");
    }

    [Fact]
    public void No_paragraph_leaves_a_single_line_at_the_bottom_or_top_of_a_page()
    {
        int[] lengths = [50, 120, 90, 200, 40, 150, 70, 110, 250, 60, 100, 180, 30, 140, 80, 220, 45, 95, 160, 75];
        var texts = lengths.Select(Samples.PlainText).ToList();
        var rendered = Rendered.Of(new Document { Title = "孤行控制", Blocks = texts.Select(t => (Block)new Paragraph(t)).ToList() });
        var pageOf = rendered.Pages.SelectMany(p => p.BodyLines(rendered.Style).Select(l => (l, p.Number))).ToDictionary(x => x.l, x => x.Number);

        var split = TextLines.ByParagraph(rendered.BodyLines, texts).Where(p => pageOf[p[0]] != pageOf[p[^1]]).ToList();

        Assert.NotEmpty(split);
        Assert.All(split, paragraph => Assert.All(paragraph.GroupBy(l => pageOf[l]), part =>
            Assert.True(part.Count() >= 2, $"a lone line on page {part.Key}: {part.First()}")));
    }

    [Fact]
    public void A_chapter_heading_never_ends_a_page()
    {
        for (var fill = 0; fill < 12; fill++)
        {
            var document = new Document
            {
                Title = "标题与正文",
                Blocks = [.. Enumerable.Repeat<Block>(new Paragraph(Samples.PlainText(100)), fill), new Chapter("附则"), new Article(Samples.PlainText(100))],
            };
            var rendered = Rendered.Of(document);
            Assert.All(rendered.Pages, page =>
            {
                var lines = page.BodyLines(rendered.Style);
                Assert.DoesNotContain("附则", lines[^1].Text);
                Assert.False(lines.Count >= 2 && lines[^2].Text.Contains("附则"), $"only one line follows the heading on page {page.Number}");
            });
        }
    }

    [Fact]
    public void Every_font_is_embedded_as_a_Unicode_subset()
    {
        var rendered = Rendered.Of(Samples.Contract());
        var fonts = Poppler.Fonts(rendered.Path);

        Assert.Equal(2, fonts.Count);
        Assert.Contains(fonts, f => f.Name.EndsWith("AR PL SungtiL GB", StringComparison.Ordinal));
        Assert.Contains(fonts, f => f.Name.EndsWith("Droid Sans Fallback", StringComparison.Ordinal));
        Assert.All(fonts, f => Assert.True(f.Embedded && f.Subset && f.Unicode, f.ToString()));
    }

    private static string Source(Document document)
    {
        var parts = new List<string> { document.Title };
        var (chapter, article) = (0, 0);
        foreach (var block in document.Blocks)
            switch (block)
            {
                case Chapter c: parts.Add(ChineseNumerals.Chapter(++chapter) + c.Title); break;
                case Article a:
                    parts.Add(ChineseNumerals.Article(++article));
                    parts.AddRange(a.Paragraphs.SelectMany(p => p.Spans).Select(s => s.Text));
                    break;
                case Paragraph p: parts.AddRange(p.Spans.Select(s => s.Text)); break;
            }
        return string.Concat(parts);
    }

    [GeneratedRegex("^[一二三四五六七八九十]+级$")]
    private static partial Regex Grade();

    [GeneratedRegex(@"第\s+\d+\s+页\s+共\s+\d+\s+页")]
    private static partial Regex Footer();

    [GeneratedRegex("^第[一二三四五六七八九十百]+条")]
    private static partial Regex ArticleLabel();

    [GeneratedRegex("^第[一二三四五六七八九十]+章.*")]
    private static partial Regex ChapterLabel();
}
