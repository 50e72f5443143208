using Bargaining.Documents.Verification;

namespace Bargaining.Documents.Tests.Rendering;

/// <summary>
/// Each face is embedded with the glyphs the document prints and no others: Droid Sans Fallback has 49,382 glyphs,
/// and PDFsharp's own subsets kept a place for every one of them.
/// </summary>
public class EmbeddedFontTests
{
    [Fact]
    public void Each_face_holds_only_the_glyphs_of_the_characters_printed_in_it_their_parts_and_notdef()
    {
        var rendered = Rendered.Of(Samples.Contract());
        var fonts = EmbeddedFontProgram.Read(rendered.Path);
        var printed = TextLines.Squeeze(Poppler.Text(rendered.Path)).EnumerateRunes().Select(r => r.ToString()).ToHashSet();

        Assert.Equal(2, fonts.Count);
        Assert.All(fonts, font =>
        {
            // Droid Sans Fallback builds many characters from shared parts (composite glyphs); those come along.
            var face = font.Name.EndsWith("Droid Sans Fallback", StringComparison.Ordinal) ? Rendered.Fonts.Sans : Rendered.Fonts.Song;
            var glyphs = font.Characters.Select(c => face.GlyphIndex(char.ConvertToUtf32(c, 0))).Append(0);
            var parts = TrueType.Closure(File.ReadAllBytes(face.FilePath), glyphs).Except(glyphs).Count();
            Assert.Equal(font.Characters.Count + 1 + parts, font.GlyphCount);
        });
        Assert.Equal(printed.Order(StringComparer.Ordinal),
            fonts.SelectMany(f => f.Characters).Where(c => !string.IsNullOrWhiteSpace(c)).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_few_rare_characters_embed_a_few_glyphs_of_the_fallback_face_not_the_face()
    {
        var rendered = Rendered.Of(new Document { Title = "名单", Blocks = [new Paragraph("代表：" + Samples.RareNames + "。")] });
        var fallback = Assert.Single(EmbeddedFontProgram.Read(rendered.Path), f => f.Name.EndsWith("Droid Sans Fallback", StringComparison.Ordinal));

        // The five rare characters; the rest, the bold title too, prints in the Song face.
        string[] expected = ["堃", "喆", "昇", "玥", "赟"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), fallback.Characters.Order(StringComparer.Ordinal));
        Assert.InRange(fallback.GlyphCount, 6, 6 + 2 * 5); // .notdef, the five, and the parts of those that are composite
        // PDFsharp's subset of this face was 363 KB whatever it printed: loca and hmtx for all 49,382 glyphs.
        Assert.InRange(fallback.Program.Length, 1, 16 * 1024);
    }

    [Fact]
    public void Rare_characters_read_back_through_the_embedded_maps()
    {
        var rendered = Rendered.Of(new Document { Title = "名单", Blocks = [new Paragraph("代表：" + Samples.RareNames + "。")] });
        using var pdf = File.OpenRead(rendered.Path);

        var page = Assert.Single(PdfText.Read(pdf));

        Assert.Contains(Samples.RareNames, page.Text);
        Assert.Contains(Samples.RareNames, Poppler.Text(rendered.Path));
    }

    [Fact]
    public void A_subset_brings_the_parts_of_composite_glyphs_renumbered()
    {
        var face = Rendered.Fonts.Sans;
        var original = File.ReadAllBytes(face.FilePath);
        var composite = "堃喆昇玥赟中国劳动合同工资".Select(c => face.GlyphIndex(c)).First(g => TrueType.Components(original, g).Count > 0);

        var subset = face.File.Subset([0, composite]);

        Assert.Equal(TrueType.Closure(original, [0, composite]).Count, TrueType.GlyphCount(subset));
        var parts = TrueType.Components(subset, 1);
        Assert.Equal(TrueType.Components(original, composite).Count, parts.Count);
        Assert.All(parts, part => Assert.InRange(part, 2, TrueType.GlyphCount(subset) - 1));
        Assert.Equal(TrueType.Components(original, composite).Select(p => TrueType.Outline(original, p)),
            parts.Select(p => TrueType.Outline(subset, p)));
    }

    [Fact]
    public void A_subset_keeps_each_glyph_outline_and_advance_under_its_new_number()
    {
        var song = Rendered.Fonts.Song;
        var original = File.ReadAllBytes(song.FilePath);
        int[] glyphs = [0, song.GlyphIndex('中'), song.GlyphIndex('资'), song.GlyphIndex('A')];

        var subset = song.File.Subset(glyphs);

        Assert.Equal(glyphs.Length, TrueType.GlyphCount(subset));
        for (var i = 0; i < glyphs.Length; i++)
        {
            Assert.Equal(TrueType.Outline(original, glyphs[i]), TrueType.Outline(subset, i));
            Assert.Equal(TrueType.Advance(original, glyphs[i]), TrueType.Advance(subset, i));
        }
        Assert.Equal(0xB1B0AFBAu, TrueType.Checksum(subset));
    }
}
