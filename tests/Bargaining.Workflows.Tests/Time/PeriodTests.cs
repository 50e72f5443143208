namespace Bargaining.Workflows.Tests.Time;

public sealed class PeriodTests
{
    [Theory]
    [InlineData("P20D", 0, 0, 20, 0)]
    [InlineData("P3M", 0, 3, 0, 0)]
    [InlineData("P2W", 0, 0, 14, 0)]
    [InlineData("P1Y2M10D", 1, 2, 10, 0)]
    [InlineData("PT36H", 0, 0, 0, 36)]
    public void An_ISO_8601_duration_is_read_into_its_parts(string text, int years, int months, int days, int hours) =>
        Assert.Equal(new Period(years, months, days, TimeSpan.FromHours(hours)), Period.Parse(text));

    [Theory]
    [InlineData("20 days")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("p20d")]
    [InlineData("")]
    public void Anything_else_is_not_a_period(string text) => Assert.False(Period.TryParse(text, out _));
}
