namespace Bargaining.Documents.Tests.Rendering;

/// <summary>The GB/T 9704-2012 style: a 28 × 22 grid in a 156 × 225 mm block, dashed page numbers.</summary>
public class GbT9704StyleTests
{
    private static readonly DocumentStyle Style = DocumentStyle.GbT9704;

    /// <summary>One paragraph of 62 full grid lines: page 1 holds the title, a blank line and 20; page 2 is full.</summary>
    private static Rendered LongParagraph() =>
        Rendered.Of(new Document { Title = "公文格式", Blocks = [new Paragraph(Samples.PlainText(26 + 28 * 60 + 10))] }, Style);

    [Fact]
    public void The_style_has_the_standard_geometry()
    {
        Assert.Equal(210, Style.PageWidth / DocumentStyle.Millimetre, 6);
        Assert.Equal(297, Style.PageHeight / DocumentStyle.Millimetre, 6);
        Assert.Equal(37, Style.TextTop / DocumentStyle.Millimetre, 6);
        Assert.Equal(28, Style.TextLeft / DocumentStyle.Millimetre, 6);
        Assert.Equal(156, Style.TextWidth / DocumentStyle.Millimetre, 6);
        Assert.Equal(225, Style.TextHeight / DocumentStyle.Millimetre, 6);
        Assert.Equal(16, Style.BodySize);
    }

    [Fact]
    public void A_full_page_has_22_lines_of_28_characters()
    {
        var rendered = LongParagraph();
        var page = rendered.Pages[1].BodyLines(Style);

        Assert.Equal(22, page.Count);
        Assert.All(page, line =>
        {
            Assert.Equal(28, TextLines.Squeeze(line.Text).Length);
            Assert.Equal(Style.TextLeft, line.XMin, 0.5);
            Assert.Equal(rendered.Right, line.XMax, 0.5);
        });
        var pitches = page.Zip(page.Skip(1), (a, b) => b.YMax - a.YMax);
        Assert.All(pitches, p => Assert.Equal(Style.TextHeight / 22, p, 0.05));
    }

    [Fact]
    public void The_first_line_is_indented_two_grid_cells_and_holds_26_characters()
    {
        var rendered = LongParagraph();
        var first = rendered.Pages[0].BodyLines(Style)[1]; // after the title

        Assert.Equal(26, TextLines.Squeeze(first.Text).Length);
        Assert.Equal(Style.TextLeft + 2 * Style.TextWidth / 28, first.XMin, 0.5);
    }

    [Fact]
    public void Page_numbers_are_dashed_7_mm_under_the_block_right_on_odd_pages_and_left_on_even()
    {
        var rendered = LongParagraph();
        var bottom = Style.TextTop + Style.TextHeight;
        const double oneCharacter = 14;

        Assert.Equal(3, rendered.Pages.Count);
        Assert.All(rendered.Pages, page =>
        {
            var number = page.Lines[^1];
            Assert.Equal($"—{page.Number}—", number.Text);
            Assert.InRange(number.YMin, bottom + 3 * DocumentStyle.Millimetre, bottom + 7 * DocumentStyle.Millimetre);
            if (page.Number % 2 == 1) Assert.Equal(rendered.Right - oneCharacter, number.XMax, 0.5);
            else Assert.Equal(Style.TextLeft + oneCharacter, number.XMin, 0.5);
            Assert.DoesNotContain(page.Lines, l => l.Text.Contains('页'));
        });
    }
}
