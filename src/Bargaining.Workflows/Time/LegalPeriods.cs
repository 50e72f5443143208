using Bargaining.Workflows.Definitions;

namespace Bargaining.Workflows;

/// <summary>When a period ends, and the last day on which something may still be done in it.</summary>
/// <param name="Due">The instant the period has lapsed: 00:00 local time of the day after <see cref="LastDay"/>.</param>
/// <param name="LastDay">The last day of the period (inclusive, until 24:00), or for a window the day it opens.</param>
public readonly record struct PeriodEnd(DateTimeOffset Due, DateOnly LastDay);

/// <summary>
/// Deadline arithmetic as 《民法典》 Art 200–204 requires: the day of the event is not counted (Art 201); a period
/// in months ends on the corresponding day, or the month's last day when there is none (Art 202); the last day
/// ends at 24:00, and a last day that is a rest day moves to the next working day (Art 203). Jurisdictions
/// may switch the last rule off (Art 204).
/// </summary>
public static class LegalPeriods
{
    /// <summary>The end of a period counted forward from an event that happened at <paramref name="eventTime"/>.</summary>
    public static PeriodEnd After(Jurisdiction j, DateTimeOffset eventTime, Period period, DayCounting counting)
    {
        if (period.IsExactTime)
        {
            var due = eventTime + period.Time;
            return new PeriodEnd(due, j.LocalDate(due));
        }
        return AfterDay(j, j.LocalDate(eventTime), period, counting);
    }

    /// <summary>The end of a period counted forward from an event on <paramref name="eventDay"/> (that day not counted).</summary>
    public static PeriodEnd AfterDay(Jurisdiction j, DateOnly eventDay, Period period, DayCounting counting)
    {
        // A time-only period counted from a day starts when that day ends; with no days counted there is no last
        // day to move past rest days (e.g. "when the contract's last day is over").
        if (period.IsExactTime) return new PeriodEnd(j.StartOf(eventDay.AddDays(1)) + period.Time, eventDay);
        DateOnly last;
        if (counting == DayCounting.Working)
        {
            if (period.Years != 0 || period.Months != 0 || period.Time != TimeSpan.Zero)
                throw new ArgumentException($"{period} cannot be counted in working days: use days only.", nameof(period));
            last = eventDay;
            for (var counted = 0; counted < period.Days;)
            {
                last = last.AddDays(1);
                if (!j.Calendar.IsRestDay(last)) counted++;
            }
        }
        else
        {
            last = eventDay.AddYears(period.Years).AddMonths(period.Months).AddDays(period.Days);
            if (j.ExtendOverRestDays)
                while (j.Calendar.IsRestDay(last)) last = last.AddDays(1);
        }
        var due = j.StartOf(last.AddDays(1)) + period.Time;
        return new PeriodEnd(due, last);
    }

    /// <summary>
    /// The day a window opens a period before a date, e.g. renewal may be asked "within the 3 months before expiry"
    /// (《集体合同规定》 Art 38): 3 months before 31 May is the last day of February (Art 202).
    /// </summary>
    public static PeriodEnd Before(Jurisdiction j, DateOnly day, Period period)
    {
        var opens = day.AddYears(-period.Years).AddMonths(-period.Months).AddDays(-period.Days);
        return new PeriodEnd(j.StartOf(opens) - period.Time, opens);
    }
}
