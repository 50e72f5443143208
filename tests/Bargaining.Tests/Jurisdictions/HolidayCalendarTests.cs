using Bargaining.Jurisdictions;
using Bargaining.Workflows;

namespace Bargaining.Tests.Jurisdictions;

// The State Council's yearly holiday notice as data (《民法典》 Art 203): holidays and weekends are rest days, the
// adjusted working days (调休上班) are not.
public sealed class HolidayCalendarTests
{
    private static readonly HolidayCalendar Calendar = JurisdictionCatalog.Load(BargainingHost.RepositoryWorkflows)["national"].Time.Calendar;

    [Fact]
    public void Saturday_14_February_2026_is_an_adjusted_working_day_not_a_rest_day()
    {
        Assert.Equal(DayOfWeek.Saturday, new DateOnly(2026, 2, 14).DayOfWeek);
        Assert.False(Calendar.IsRestDay(new DateOnly(2026, 2, 14)));
    }

    [Fact]
    public void Monday_16_February_2026_is_a_Spring_Festival_rest_day() =>
        Assert.True(Calendar.IsRestDay(new DateOnly(2026, 2, 16)));

    [Fact]
    public void Thursday_8_October_2026_is_a_working_day_after_the_National_Day_holiday()
    {
        Assert.Equal(DayOfWeek.Thursday, new DateOnly(2026, 10, 8).DayOfWeek);
        Assert.False(Calendar.IsRestDay(new DateOnly(2026, 10, 8)));
        Assert.True(Calendar.IsRestDay(new DateOnly(2026, 10, 7)));
    }

    [Fact]
    public void An_ordinary_weekend_is_a_rest_day_and_an_ordinary_weekday_is_not()
    {
        Assert.True(Calendar.IsRestDay(new DateOnly(2026, 3, 28)));
        Assert.True(Calendar.IsRestDay(new DateOnly(2026, 3, 29)));
        Assert.False(Calendar.IsRestDay(new DateOnly(2026, 3, 30)));
    }

    [Fact]
    public void The_calendar_covers_2025_and_2026() => Assert.Equal([2025, 2026], Calendar.Years.Order());
}
