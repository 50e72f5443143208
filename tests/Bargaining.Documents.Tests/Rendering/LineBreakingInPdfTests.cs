namespace Bargaining.Documents.Tests.Rendering;

/// <summary>
/// The line-breaking rules checked on the lines of real PDFs, in both styles. The marks are listed here again,
/// independently of the layout code, so a mark dropped from its lists fails a test.
/// </summary>
public class LineBreakingInPdfTests
{
    private const string MayNotStartALine = "、，。：；！？）》」』”’…%";
    private const string MayNotEndALine = "（《「『“‘";
    private const string Units = "年月日元%小时";

    public static TheoryData<string> Styles => ["contract", "gbt"];

    [Theory]
    [MemberData(nameof(Styles))]
    public void No_line_starts_with_a_closing_mark_or_ends_with_an_opening_mark(string style)
    {
        var lines = Render(style).SelectMany(p => p).ToList();

        Assert.All(lines, line =>
        {
            Assert.DoesNotContain(line.Text[0], MayNotStartALine);
            Assert.DoesNotContain(line.Text[^1], MayNotEndALine);
        });
    }

    [Theory]
    [MemberData(nameof(Styles))]
    public void Dashes_ellipses_numbers_with_units_and_Latin_words_are_never_split(string style)
    {
        var breaks = Breaks(style);

        Assert.True(breaks.Count > 100, $"only {breaks.Count} line breaks");
        Assert.All(breaks, b =>
        {
            var pair = $"{b.End}|{b.Start}";
            Assert.False(b.End == '—' && b.Start == '—', pair);
            Assert.False(b.End == '…' && b.Start == '…', pair);
            Assert.False(char.IsAsciiDigit(b.End) && Units.Contains(b.Start), pair);
            // Latin words break only at the space between them (GB/T 9704-2012 may break after GB/T).
            Assert.False(char.IsAsciiLetterOrDigit(b.End) && char.IsAsciiLetterOrDigit(b.Start) && !b.AtSpace, pair);
        });
    }

    /// <summary>Each line break as the characters either side of it, and whether the source has a space there.</summary>
    private static List<(char End, char Start, bool AtSpace)> Breaks(string style)
    {
        var texts = Samples.ShiftedPunctuated(40);
        var breaks = new List<(char, char, bool)>();
        foreach (var (lines, text) in Render(style).Zip(texts))
        {
            var read = 0;
            foreach (var (line, next) in lines.Zip(lines.Skip(1)))
            {
                read += TextLines.Squeeze(line.Text).Length;
                breaks.Add((line.Text[^1], next.Text[0], SpaceAfter(text, read)));
            }
        }
        return breaks;
    }

    /// <summary>Whether the source has whitespace after its first <paramref name="visible"/> non-space characters.</summary>
    private static bool SpaceAfter(string text, int visible)
    {
        var seen = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i])) continue;
            if (seen++ == visible) return char.IsWhiteSpace(text[i - 1]);
        }
        return false;
    }

    /// <summary>The stress paragraphs' lines, grouped by paragraph.</summary>
    private static List<List<PdfLine>> Render(string style)
    {
        var texts = Samples.ShiftedPunctuated(40);
        var rendered = Rendered.Of(
            new Document { Title = "断行规则", Blocks = texts.Select(t => (Block)new Paragraph(t)).ToList() },
            style == "gbt" ? DocumentStyle.GbT9704 : DocumentStyle.Contract);
        return TextLines.ByParagraph(rendered.BodyLines, texts);
    }
}
