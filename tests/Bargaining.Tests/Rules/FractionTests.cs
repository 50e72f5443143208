using Bargaining.Rules;

namespace Bargaining.Tests.Rules;

public sealed class FractionTests
{
    private static readonly Fraction TwoThirds = new(2, 3);
    private static readonly Fraction OneHalf = new(1, 2);

    [Theory]
    [InlineData(180, 120)]
    [InlineData(181, 121)]
    [InlineData(3, 2)]
    [InlineData(1, 1)]
    public void At_least_two_thirds_is_the_smallest_whole_number_reaching_it(int whole, int expected)
    {
        Assert.Equal(expected, TwoThirds.AtLeast(whole));
        Assert.True(TwoThirds.IsReachedBy(expected, whole));
        Assert.False(TwoThirds.IsReachedBy(expected - 1, whole));
    }

    [Theory]
    [InlineData(180, 91)]
    [InlineData(181, 91)]
    [InlineData(3, 2)]
    [InlineData(2, 2)]
    public void More_than_half_is_the_smallest_whole_number_exceeding_it(int whole, int expected)
    {
        Assert.Equal(expected, OneHalf.MoreThan(whole));
        Assert.True(OneHalf.IsExceededBy(expected, whole));
        Assert.False(OneHalf.IsExceededBy(expected - 1, whole));
    }

    [Fact]
    public void A_fraction_is_read_from_text_such_as_2_over_3() => Assert.Equal(TwoThirds, Fraction.Parse("2/3"));

    [Theory]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("2/0")]
    [InlineData("4/3")]
    [InlineData("-1/2")]
    [InlineData("1/2/3")]
    [InlineData("0.5")]
    public void Text_that_is_not_a_proper_fraction_is_refused(string text) =>
        Assert.Throws<FormatException>(() => Fraction.Parse(text));
}
