using System.Text;

namespace Bargaining.Documents.Tests.Layout;

/// <summary>The line breaker on its own, with the Song face at 10 pt: every Chinese character is 10 pt wide.</summary>
public class LineBreakingTests
{
    private const double Size = 10;

    private static List<string> Break(string text, int charactersPerLine, int indent = 0)
    {
        var glyphs = Shape(text);
        return LineBreaker.Break(glyphs, charactersPerLine * Size, indent * Size, 0)
            .Select(r => string.Concat(glyphs.Skip(r.Start).Take(r.End - r.Start).Select(g => g.Char.ToString())))
            .ToList();
    }

    private static List<Glyph> Shape(string text) =>
        new TextShaper(Rendered.Fonts).Shape([new TextRun(text, Rendered.Fonts.Song, Size)]);

    private static bool MayBreakBefore(string text, int index) =>
        LineBreakRules.BreakOpportunities(text.EnumerateRunes().ToArray())[index];

    [Theory]
    [InlineData("工资，", 2)]   // closing mark: not at a line start
    [InlineData("工资。”", 3)]
    [InlineData("见《合同", 2)] // opening mark: not at a line end
    [InlineData("工资——包括", 3)]
    [InlineData("津贴……等", 3)]
    [InlineData("2026年", 4)]
    [InlineData("8小时", 1)]
    [InlineData("8小时", 2)]
    [InlineData("500元", 3)]
    [InlineData("3%", 1)]
    [InlineData("GB/T", 2)]
    [InlineData("第3条", 1)]
    public void Breaking_here_is_forbidden(string text, int before) => Assert.False(MayBreakBefore(text, before));

    [Theory]
    [InlineData("工资标准", 2)]
    [InlineData("工资，每月", 3)]
    [InlineData("2026年起", 5)]
    [InlineData("GB/T 9704", 5)]
    public void Breaking_here_is_allowed(string text, int before) => Assert.True(MayBreakBefore(text, before));

    [Fact]
    public void A_closing_mark_that_would_start_a_line_takes_the_character_before_it_along() =>
        Assert.Equal(["一二三四", "五。六"], Break("一二三四五。六", 5));

    [Fact]
    public void An_opening_mark_that_would_end_a_line_moves_to_the_next() =>
        Assert.Equal(["一二三四", "《五》"], Break("一二三四《五》", 5));

    [Fact]
    public void A_number_stays_with_its_unit() =>
        Assert.Equal(["每日工作", "8小时"], Break("每日工作8小时", 6));

    [Fact]
    public void The_first_line_leaves_room_for_the_indent() =>
        Assert.Equal(["一二三", "四五六七八", "九"], Break("一二三四五六七八九", 5, indent: 2));

    [Fact]
    public void A_numbered_items_later_lines_hang_after_its_label()
    {
        var glyphs = Shape("1．一二三四五六七八九十");
        var hanging = 2 * Size + glyphs[0].Advance + glyphs[1].Advance;   // the paragraph indent and the label 1．
        var lines = LineBreaker.Layout(glyphs, 6 * Size, 2 * Size, 0, TextAlignment.Left, restIndent: hanging);

        Assert.True(lines.Count >= 3);
        Assert.All(lines.Skip(1), l => Assert.Equal(lines[0].Glyphs[2].X, l.Glyphs[0].X, 6)); // under 一, not back at the margin
        Assert.All(lines, l => Assert.True(l.Glyphs[^1].X + Size <= 6 * Size + 0.01));
    }

    [Fact]
    public void Spaces_at_the_end_or_start_of_a_line_are_dropped() =>
        Assert.Equal(["GB/T", "9704"], Break("GB/T 9704", 4));

    [Fact]
    public void A_word_longer_than_the_line_is_broken_anywhere_rather_than_overflow()
    {
        var lines = Break("https://example.org/a/very/long/path", 10);
        Assert.Equal("https://example.org/a/very/long/path", string.Concat(lines));
        Assert.All(lines, l => Assert.True(Shape(l).Sum(g => g.Advance) <= 10 * Size + 0.01, l));
    }

    [Fact]
    public void Justified_lines_end_at_the_edge_and_the_last_line_keeps_natural_spacing()
    {
        var lines = LineBreaker.Layout(Shape("一二三四五。六七八九十"), 5 * Size, 0, 0, TextAlignment.Justify);
        Assert.Equal(3, lines.Count);
        Assert.Equal(5 * Size, lines[0].Width, 6); // 一二三四 spread over the width of five: a third of 10 pt per gap
        Assert.Equal(Size + Size / 3, lines[0].Glyphs[1].X - lines[0].Glyphs[0].X, 6);
        Assert.Equal(2 * Size, lines[2].Width, 6); // 九十 as set
    }

    [Fact]
    public void Letters_of_a_Latin_word_are_not_spread_apart()
    {
        const string text = "甲ABC乙丙丁戊己庚辛壬癸子丑";
        var line = LineBreaker.Layout(Shape(text), 10 * Size, 0, 0, TextAlignment.Justify)[0];
        Assert.Equal(10 * Size, line.Width, 6);
        Assert.Equal(Shape(text)[1].Advance, line.Glyphs[2].X - line.Glyphs[1].X, 6); // A to B: as set
        Assert.True(line.Glyphs[1].X - line.Glyphs[0].X > Size); // 甲 to A: spread
    }

    [Fact]
    public void Whitespace_collapses_to_one_space_and_the_ideographic_space_is_kept()
    {
        var text = string.Concat(Shape("甲  乙\n丙　丁").Select(g => g.Char.ToString()));
        Assert.Equal("甲 乙 丙　丁", text);
    }

    [Fact]
    public void A_character_that_no_face_has_becomes_the_missing_mark_and_is_reported()
    {
        var shaper = new TextShaper(Rendered.Fonts);
        var glyphs = shaper.Shape([new TextRun("张𠀀", Rendered.Fonts.Song, Size)]);
        Assert.Equal([new Rune('张'), TextShaper.Placeholder], glyphs.Select(g => g.Char));
        Assert.Equal(["𠀀"], shaper.Missing);
    }
}
