namespace Bargaining.Workflows.Tests.Time;

public sealed class HolidayCalendarTests
{
    [Theory]
    [InlineData("2026-02-13", false)] // Friday
    [InlineData("2026-02-14", false)] // Saturday, adjusted working day
    [InlineData("2026-02-15", true)]  // Sunday, first day of the Spring Festival
    [InlineData("2026-02-18", true)]  // Wednesday inside the holiday
    [InlineData("2026-02-23", true)]  // Monday, last day of the holiday
    [InlineData("2026-02-24", false)] // Tuesday, back at work
    [InlineData("2026-02-28", false)] // Saturday, adjusted working day
    [InlineData("2026-03-07", true)]  // an ordinary Saturday
    public void Rest_days_are_weekends_and_holidays_but_not_adjusted_working_days(string day, bool rest) =>
        Assert.Equal(rest, China.Calendar2026.IsRestDay(DateOnly.Parse(day)));

    [Fact]
    public void A_calendar_file_spells_out_ranges_of_holidays()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{"name": "2026", "years": {"2026": {"holidays": ["2026-02-15..2026-02-23"], "workdays": ["2026-02-14", "2026-02-28"]}}}""");

            var loaded = HolidayCalendar.Load(file);

            var february = Enumerable.Range(1, 28).Select(d => new DateOnly(2026, 2, d)).ToList();
            Assert.Equal(february.Select(China.Calendar2026.IsRestDay), february.Select(loaded.IsRestDay));
            Assert.Equal([2026], loaded.Years);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_calendar_file_with_a_bad_date_names_the_entry()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{"years": {"2026": {"holidays": ["2026-02-30"]}}}""");

            var refused = Assert.Throws<FormatException>(() => HolidayCalendar.Load(file));

            Assert.Contains("years.2026.holidays: '2026-02-30'", refused.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_year_entered_later_replaces_the_same_year_and_keeps_the_others()
    {
        var corrected = China.Calendar2026.WithYears([new HolidayYear(2026, [new DateOnly(2026, 2, 16)], []), new HolidayYear(2027, [new DateOnly(2027, 1, 1)], [])]);

        Assert.True(corrected.IsRestDay(new DateOnly(2026, 2, 16)));
        Assert.False(corrected.IsRestDay(new DateOnly(2026, 2, 18)));    // the old 2026 holiday is gone
        Assert.True(corrected.IsRestDay(new DateOnly(2026, 2, 14)));     // and so is the old adjusted Saturday
        Assert.True(corrected.IsRestDay(new DateOnly(2027, 1, 1)));
        Assert.Equal([2026, 2027], corrected.Years.Order());
        Assert.True(China.Calendar2026.IsRestDay(new DateOnly(2026, 2, 18))); // the original is unchanged
    }

    [Fact]
    public void The_years_of_a_span_without_a_schedule_are_named()
    {
        Assert.Equal([2027], China.Calendar2026.UnscheduledYears(new DateOnly(2026, 12, 20), new DateOnly(2027, 1, 9)));
        Assert.Empty(China.Calendar2026.UnscheduledYears(new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1)));
        Assert.Equal([2025, 2027], China.Calendar2026.UnscheduledYears(new DateOnly(2025, 12, 31), new DateOnly(2027, 1, 1)));
    }
}
