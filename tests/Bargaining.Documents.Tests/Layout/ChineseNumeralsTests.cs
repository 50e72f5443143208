namespace Bargaining.Documents.Tests.Layout;

public class ChineseNumeralsTests
{
    [Theory]
    [InlineData(1, "一")]
    [InlineData(9, "九")]
    [InlineData(10, "十")]
    [InlineData(11, "十一")]
    [InlineData(12, "十二")]
    [InlineData(20, "二十")]
    [InlineData(21, "二十一")]
    [InlineData(99, "九十九")]
    [InlineData(100, "一百")]
    [InlineData(101, "一百零一")]
    [InlineData(110, "一百一十")]
    [InlineData(1001, "一千零一")]
    [InlineData(1010, "一千零一十")]
    [InlineData(2026, "二千零二十六")]
    public void Numbers_are_written_as_contracts_write_them(int number, string expected) =>
        Assert.Equal(expected, ChineseNumerals.Format(number));

    [Fact]
    public void Chapters_and_articles_get_their_labels()
    {
        Assert.Equal("第三章", ChineseNumerals.Chapter(3));
        Assert.Equal("第十二条", ChineseNumerals.Article(12));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10000)]
    public void Numbers_outside_1_to_9999_are_refused(int number) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ChineseNumerals.Format(number));
}
