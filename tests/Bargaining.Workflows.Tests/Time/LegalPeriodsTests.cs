namespace Bargaining.Workflows.Tests.Time;

/// <summary>《民法典》 Art 200–204 at the edges, in China's local time (+08:00) with the 2026 Spring Festival calendar.</summary>
public sealed class LegalPeriodsTests
{
    private static readonly Jurisdiction Extending = China.Jurisdiction(extendOverRestDays: true);
    private static readonly Jurisdiction NotExtending = China.Jurisdiction(extendOverRestDays: false);

    [Fact]
    public void The_day_the_offer_arrives_is_not_counted()
    {
        // Received Tuesday 3 March at 15:00: counting starts on the 4th, so day 20 is Monday 23 March (Art 201).
        var end = LegalPeriods.After(Extending, China.At(2026, 3, 3, 15, 0), Period.Parse("P20D"), DayCounting.Calendar);

        Assert.Equal(new DateOnly(2026, 3, 23), end.LastDay);
        Assert.Equal(China.At(2026, 3, 24), end.Due); // the last day runs to 24:00 (Art 203)
    }

    [Fact]
    public void A_period_whose_last_day_is_a_Sunday_runs_to_the_Monday()
    {
        // Received Monday 2 March: day 20 is Sunday 22 March, a rest day (Art 203).
        var end = LegalPeriods.After(Extending, China.At(2026, 3, 2, 15, 0), Period.Parse("P20D"), DayCounting.Calendar);

        Assert.Equal(new DateOnly(2026, 3, 23), end.LastDay);
        Assert.Equal(China.At(2026, 3, 24), end.Due);
    }

    [Fact]
    public void Without_the_rest_day_rule_a_period_ends_on_the_Sunday()
    {
        var end = LegalPeriods.After(NotExtending, China.At(2026, 3, 2, 15, 0), Period.Parse("P20D"), DayCounting.Calendar);

        Assert.Equal(new DateOnly(2026, 3, 22), end.LastDay);
        Assert.Equal(China.At(2026, 3, 23), end.Due);
    }

    [Fact]
    public void The_local_date_of_the_event_counts_not_the_UTC_date()
    {
        // Both instants fall on 2 March in UTC (15:59Z and 16:01Z); locally they are two different days.
        var lateMonday = LegalPeriods.After(Extending, China.At(2026, 3, 2, 23, 59), Period.Parse("P10D"), DayCounting.Calendar);
        var earlyTuesday = LegalPeriods.After(Extending, China.At(2026, 3, 3, 0, 1), Period.Parse("P10D"), DayCounting.Calendar);

        Assert.Equal(new DateOnly(2026, 3, 12), lateMonday.LastDay);
        Assert.Equal(new DateOnly(2026, 3, 13), earlyTuesday.LastDay);
    }

    [Fact]
    public void A_period_in_months_without_a_corresponding_day_ends_on_the_last_day_of_the_month()
    {
        // There is no 31 April, so three months from 31 January end on Thursday 30 April (Art 202).
        var end = LegalPeriods.AfterDay(Extending, new DateOnly(2026, 1, 31), Period.Parse("P3M"), DayCounting.Calendar);

        Assert.Equal(new DateOnly(2026, 4, 30), end.LastDay);
        Assert.Equal(China.At(2026, 5, 1), end.Due);
    }

    [Theory]
    [InlineData("2026-05-31", "2026-02-28")]
    [InlineData("2028-05-31", "2028-02-29")]
    public void Three_months_before_31_May_is_the_last_day_of_February(string expiry, string opens)
    {
        var window = LegalPeriods.Before(Extending, DateOnly.Parse(expiry), Period.Parse("P3M"));

        Assert.Equal(DateOnly.Parse(opens), window.LastDay);
        Assert.Equal(Extending.StartOf(DateOnly.Parse(opens)), window.Due);
    }

    [Fact]
    public void Working_days_skip_the_Spring_Festival_and_count_the_adjusted_Saturday()
    {
        // From Thursday 12 February: Friday 13th is day 1, Saturday 14th (调休上班) day 2, 15–23 are rest days,
        // Tuesday 24th is day 3.
        var end = LegalPeriods.AfterDay(Extending, new DateOnly(2026, 2, 12), Period.Parse("P3D"), DayCounting.Working);

        Assert.Equal(new DateOnly(2026, 2, 24), end.LastDay);
    }

    [Fact]
    public void A_working_day_period_can_end_on_an_adjusted_Saturday()
    {
        var end = LegalPeriods.AfterDay(Extending, new DateOnly(2026, 2, 24), Period.Parse("P4D"), DayCounting.Working);

        Assert.Equal(new DateOnly(2026, 2, 28), end.LastDay);
    }

    [Fact]
    public void A_period_ending_in_the_Spring_Festival_runs_to_the_first_working_day_after_it()
    {
        // Day 10 from Thursday 5 February is Sunday 15 February, the first day of the holiday.
        var end = LegalPeriods.AfterDay(Extending, new DateOnly(2026, 2, 5), Period.Parse("P10D"), DayCounting.Calendar);

        Assert.Equal(new DateOnly(2026, 2, 24), end.LastDay);
    }

    [Fact]
    public void A_period_ending_on_an_adjusted_working_Saturday_is_not_extended()
    {
        var end = LegalPeriods.AfterDay(Extending, new DateOnly(2026, 2, 4), Period.Parse("P10D"), DayCounting.Calendar);

        Assert.Equal(new DateOnly(2026, 2, 14), end.LastDay);
    }

    [Fact]
    public void A_period_in_hours_is_exact()
    {
        var end = LegalPeriods.After(Extending, China.At(2026, 3, 2, 15, 0), Period.Parse("PT36H"), DayCounting.Calendar);

        Assert.Equal(China.At(2026, 3, 4, 3, 0), end.Due);
        Assert.Equal(new DateOnly(2026, 3, 4), end.LastDay);
    }

    [Fact]
    public void Months_cannot_be_counted_in_working_days() =>
        Assert.Throws<ArgumentException>(() => LegalPeriods.AfterDay(Extending, new DateOnly(2026, 1, 31), Period.Parse("P1M"), DayCounting.Working));
}
