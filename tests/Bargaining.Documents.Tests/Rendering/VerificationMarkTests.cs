namespace Bargaining.Documents.Tests.Rendering;

/// <summary>The verification mark and the layout rules the templates rely on, read back from real PDFs.</summary>
public class VerificationMarkTests
{
    private static readonly VerificationMark Mark = new("7KQ2-M9XD-4HTB", "https://jc.example.cn/verify/7KQ2-M9XD-4HTB");

    private static Rendered Marked(Document document, DocumentStyle? style = null, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        var path = Rendered.NewFile(name);
        style ??= DocumentStyle.Contract;
        RenderResult result;
        using (var file = File.Create(path)) result = new DocumentRenderer(Rendered.Fonts, style).Render(document, file, new RenderOptions { Verification = Mark });
        return Rendered.Existing(path, result, style);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_page_carries_the_code_in_its_footer_and_the_last_the_QR_block(bool officialStyle)
    {
        var style = officialStyle ? DocumentStyle.GbT9704 : DocumentStyle.Contract;
        var rendered = Marked(Samples.Contract(wageRows: 40), style);

        Assert.True(rendered.Pages.Count >= 3);
        Assert.All(rendered.Pages, page =>
        {
            var footer = page.Lines.Where(l => l.YMin > style.TextTop + style.TextHeight).Select(l => TextLines.Squeeze(l.Text));
            Assert.Contains(footer, f => f.Contains("合同验证码：7KQ2-M9XD-4HTB", StringComparison.Ordinal));
        });
        var last = rendered.Pages[^1].BodyLines(style).Select(l => TextLines.Squeeze(l.Text)).ToList();
        Assert.Contains("合同验证码：7KQ2-M9XD-4HTB", last);
        Assert.Contains(last, l => l.StartsWith("本合同文本已登记", StringComparison.Ordinal));
    }

    [Fact]
    public void The_QR_code_is_drawn_as_dark_modules_in_a_square_left_of_the_code()
    {
        var rendered = Marked(new Document { Title = "二维码", Blocks = [new Paragraph("正文。")] });
        var code = rendered.BodyLines.Single(l => l.Text.StartsWith("合同验证码", StringComparison.Ordinal));
        var side = 25 * DocumentStyle.Millimetre;
        var (width, pixels) = Gray(rendered.Path);

        // At 72 dpi a pixel is a point. The quiet zone is white; the modules inside cover roughly half the square.
        double Dark(double left, double top, double size)
        {
            var dark = 0;
            for (var y = (int)top; y < (int)(top + size); y++)
                for (var x = (int)left; x < (int)(left + size); x++) if (pixels[y * width + x] < 128) dark++;
            return dark / (size * size);
        }
        var quiet = side * 4 / 37; // this payload makes a 29-module code, plus 4 quiet modules on each side
        var top = code.YMin - 2;
        Assert.True(code.XMin > rendered.Style.TextLeft + side, code.ToString());
        Assert.InRange(Dark(rendered.Style.TextLeft + quiet + 2, top + quiet + 2, side - 2 * quiet - 4), 0.3, 0.7);
        Assert.Equal(0, Dark(rendered.Style.TextLeft + side + 2, top + side + 4, 20));
    }

    /// <summary>The first page as 8-bit grey pixels at 72 dpi (pdftoppm -gray writes binary PGM).</summary>
    private static (int Width, byte[] Pixels) Gray(string pdf)
    {
        var prefix = Path.Combine(Path.GetDirectoryName(pdf)!, Path.GetFileNameWithoutExtension(pdf) + "-gray");
        using (var process = System.Diagnostics.Process.Start("pdftoppm", ["-r", "72", "-gray", "-f", "1", "-l", "1", pdf, prefix])) process.WaitForExit();
        var bytes = File.ReadAllBytes(Directory.GetFiles(Path.GetDirectoryName(pdf)!, Path.GetFileName(prefix) + "*.pgm").Single());
        var header = System.Text.Encoding.ASCII.GetString(bytes, 0, 32).Split((char[])['\n', ' '], 5);
        var width = int.Parse(header[1]);
        var height = int.Parse(header[2]);
        return (width, bytes[^(width * height)..]);
    }

    [Fact]
    public void A_short_closing_line_goes_with_the_signatures_to_a_new_page()
    {
        var kept = 0;
        for (var fill = 0; fill < 15; fill++)
        {
            var document = new Document
            {
                Title = "函",
                Blocks = [.. Enumerable.Repeat<Block>(new Paragraph(Samples.PlainText(100)), fill), new Paragraph("特此函告。"), Samples.Signatures()],
            };
            var rendered = Rendered.Of(document);
            var page = rendered.Pages.Single(p => p.BodyLines(rendered.Style).Any(l => l.Text.StartsWith("甲方（盖章）", StringComparison.Ordinal)));

            Assert.Contains(page.BodyLines(rendered.Style), l => l.Text == "特此函告。");
            if (page.Number > 1 && page.BodyLines(rendered.Style)[0].Text == "特此函告。") kept++;
        }
        Assert.True(kept > 0, "no case moved the closing line, so the rule was not exercised");
    }

    [Fact]
    public void A_page_break_starts_a_new_page()
    {
        var rendered = Rendered.Of(new Document { Title = "分页", Blocks = [new Paragraph("第一页。"), new PageBreak(), new Paragraph("第二页。")] });

        Assert.Equal(2, rendered.Pages.Count);
        Assert.Contains(rendered.Pages[1].BodyLines(rendered.Style), l => l.Text == "第二页。");
    }
}
