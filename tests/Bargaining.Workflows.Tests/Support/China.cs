namespace Bargaining.Workflows.Tests.Support;

/// <summary>Local time in China (+08:00, no daylight saving) and the jurisdiction the tests run under.</summary>
public static class China
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>A local time in China.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, Offset);

    /// <summary>
    /// The State Council's 2026 Spring Festival arrangement, written out here so that the tests say which days they
    /// rely on: 15–23 February off, Saturdays 14 and 28 February worked (调休上班).
    /// </summary>
    public static HolidayCalendar Calendar2026 { get; } = new("2026 Spring Festival",
        holidays: Enumerable.Range(15, 9).Select(day => new DateOnly(2026, 2, day)),
        workdays: [new DateOnly(2026, 2, 14), new DateOnly(2026, 2, 28)],
        years: [2026]);

    public static IReadOnlyDictionary<string, StatutoryPeriod> Periods { get; } = new Dictionary<string, StatutoryPeriod>
    {
        ["replyDays"] = new(Period.Parse("P20D"), DayCounting.Calendar, "《集体合同规定》第三十二条"),
    };

    /// <summary>The national rules; <paramref name="extendOverRestDays"/> switches Art 203's rest-day rule.</summary>
    public static Jurisdiction Jurisdiction(bool extendOverRestDays = true) =>
        new("national", "全国", Offset, Calendar2026, extendOverRestDays, Periods);
}
