namespace Bargaining.Documents.Tests.Rendering;

/// <summary>Names outside GB2312: printed from the fallback face, or reported when no face has them.</summary>
public class RareCharacterTests
{
    [Fact]
    public void Names_outside_GB2312_print_from_the_sans_face_with_no_character_missing()
    {
        var rendered = Rendered.Of(new Document
        {
            Title = "职工方协商代表名单",
            Blocks = [new Paragraph("职工方协商代表：" + Samples.RareNames + "。")],
        });

        Assert.True(rendered.Result.IsComplete, string.Join(" ", rendered.Result.MissingCharacters));
        Assert.Contains(TextLines.Squeeze(Samples.RareNames), TextLines.Squeeze(Poppler.Text(rendered.Path)));
        Assert.Contains(Poppler.Fonts(rendered.Path), f => f.Name.EndsWith("Droid Sans Fallback", StringComparison.Ordinal));
    }

    [Fact]
    public void A_character_no_face_has_is_reported_and_printed_as_the_missing_mark()
    {
        var rendered = Rendered.Of(new Document { Title = "缺字", Blocks = [new Paragraph("首席代表：张𠀀。")] });
        var text = Poppler.Text(rendered.Path);

        Assert.Equal(["𠀀"], rendered.Result.MissingCharacters);
        Assert.False(rendered.Result.IsComplete);
        Assert.Contains("张〓", text);
        Assert.DoesNotContain("𠀀", text);
    }
}
