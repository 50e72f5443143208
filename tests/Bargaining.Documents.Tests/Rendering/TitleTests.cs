namespace Bargaining.Documents.Tests.Rendering;

public class TitleTests
{
    [Theory]
    [InlineData("盐城市水务集团有限公司高温作业劳动保护专项集体合同")] // 25 characters: 24 fit a line at 18 pt
    [InlineData("盐城市水务集团有限公司第三届职工代表大会第五次会议关于集体合同草案的决议")]
    public void A_title_too_long_for_one_line_is_set_in_balanced_centred_lines(string title)
    {
        var rendered = Rendered.Of(new Document { Title = title, Blocks = [new Paragraph("正文。")] });
        var lines = rendered.BodyLines.TakeWhile(l => l.Text != "正文。").ToList();
        var lengths = lines.Select(l => TextLines.Squeeze(l.Text).Length).ToList();

        Assert.True(lines.Count >= 2);
        Assert.Equal(title, string.Concat(lines.Select(l => TextLines.Squeeze(l.Text))));
        Assert.True(lengths.Max() - lengths.Min() <= 1, string.Join(" / ", lines.Select(l => l.Text)));
        Assert.All(lines, l => Assert.Equal(rendered.Style.TextLeft + rendered.Style.TextWidth / 2, (l.XMin + l.XMax) / 2, 1.0));
    }
}
