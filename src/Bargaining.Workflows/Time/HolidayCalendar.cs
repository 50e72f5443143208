using System.Globalization;
using System.Text.Json;

namespace Bargaining.Workflows;

/// <summary>
/// Which days are statutory rest days: weekends, plus public holidays, minus the adjusted working days
/// (调休上班) that fall on a weekend. Loaded from data because the State Council publishes it each winter.
/// </summary>
public sealed class HolidayCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workdays;
    private readonly HashSet<int> _years;

    /// <summary>Creates a calendar from explicit holidays and adjusted working days.</summary>
    public HolidayCalendar(string name, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workdays, IEnumerable<int> years)
    {
        Name = name;
        _holidays = [.. holidays];
        _workdays = [.. workdays];
        _years = [.. years];
    }

    /// <summary>A calendar with weekends only, for jurisdictions or tests without holiday data.</summary>
    public static HolidayCalendar WeekendsOnly { get; } = new("weekends only", [], [], []);

    /// <summary>Display name.</summary>
    public string Name { get; }

    /// <summary>Years for which holiday data was loaded.</summary>
    public IReadOnlyCollection<int> Years => _years;

    /// <summary>Whether the schedule of <paramref name="year"/> was loaded: without it only weekends are rest days that year.</summary>
    public bool HasYear(int year) => _years.Contains(year);

    /// <summary>The holidays and adjusted working days of <paramref name="year"/>, or null when its schedule was not loaded.</summary>
    public HolidayYear? Schedule(int year) => HasYear(year)
        ? new HolidayYear(year, [.. _holidays.Where(d => d.Year == year).Order()], [.. _workdays.Where(d => d.Year == year).Order()])
        : null;

    /// <summary>The years from <paramref name="from"/> to <paramref name="to"/> (inclusive) that have no schedule, in order.</summary>
    public IReadOnlyList<int> UnscheduledYears(DateOnly from, DateOnly to) =>
        [.. Enumerable.Range(from.Year, Math.Max(0, to.Year - from.Year + 1)).Where(y => !HasYear(y))];

    /// <summary>
    /// This calendar with the schedules of <paramref name="years"/> in place of whatever it held for those years (a
    /// year's schedule entered later wins over the one shipped in the file).
    /// </summary>
    public HolidayCalendar WithYears(IEnumerable<HolidayYear> years)
    {
        var replaced = years.ToList();
        var replacedYears = replaced.Select(y => y.Year).ToHashSet();
        return new HolidayCalendar(Name,
            _holidays.Where(d => !replacedYears.Contains(d.Year)).Concat(replaced.SelectMany(y => y.Holidays)),
            _workdays.Where(d => !replacedYears.Contains(d.Year)).Concat(replaced.SelectMany(y => y.Workdays)),
            _years.Union(replacedYears));
    }

    /// <summary>True for a weekend that is not an adjusted working day, and for every public holiday.</summary>
    public bool IsRestDay(DateOnly day) =>
        _holidays.Contains(day) || (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && !_workdays.Contains(day));

    /// <summary>
    /// Loads a calendar file: <c>{"name": …, "years": {"2026": {"holidays": ["2026-01-01", "2026-02-15..2026-02-23"],
    /// "workdays": ["2026-01-04"]}}}</c>. Throws <see cref="FormatException"/> naming the bad entry.
    /// </summary>
    public static HolidayCalendar Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var root = doc.RootElement;
        var name = root.TryGetProperty("name", out var n) ? n.GetString() ?? Path.GetFileNameWithoutExtension(path) : Path.GetFileNameWithoutExtension(path);
        var holidays = new List<DateOnly>();
        var workdays = new List<DateOnly>();
        var years = new List<int>();
        foreach (var year in root.GetProperty("years").EnumerateObject())
        {
            years.Add(int.Parse(year.Name, CultureInfo.InvariantCulture));
            if (year.Value.TryGetProperty("holidays", out var h)) holidays.AddRange(Days(h, $"{path}: years.{year.Name}.holidays"));
            if (year.Value.TryGetProperty("workdays", out var w)) workdays.AddRange(Days(w, $"{path}: years.{year.Name}.workdays"));
        }
        return new HolidayCalendar(name, holidays, workdays, years);
    }

    private static IEnumerable<DateOnly> Days(JsonElement list, string where)
    {
        foreach (var item in list.EnumerateArray())
        {
            var text = item.GetString() ?? "";
            if (!TryParseEntry(text, out var first, out var last))
                throw new FormatException($"{where}: '{text}' is not a date (yyyy-MM-dd) or a range (yyyy-MM-dd..yyyy-MM-dd).");
            if (last < first) throw new FormatException($"{where}: range '{text}' ends before it starts.");
            for (var d = first; d <= last; d = d.AddDays(1)) yield return d;
        }
    }

    /// <summary>
    /// Reads one entry of a schedule: a day (<c>2026-01-01</c>) or a range (<c>2026-02-15..2026-02-23</c>); false for
    /// anything else. A range may end before it starts: the caller says so.
    /// </summary>
    public static bool TryParseEntry(string text, out DateOnly first, out DateOnly last)
    {
        (first, last) = (default, default);
        var parts = text.Trim().Split("..");
        if (parts.Length > 2) return false;
        if (!DateOnly.TryParseExact(parts[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first)) return false;
        if (!DateOnly.TryParseExact(parts[^1].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out last)) return false;
        return true;
    }
}

/// <summary>One year's schedule (国务院办公厅关于部分节假日安排的通知): its public holidays and adjusted working days.</summary>
/// <param name="Year">The year.</param>
/// <param name="Holidays">The public holidays, each day.</param>
/// <param name="Workdays">The weekend days worked instead (调休上班), each day.</param>
public sealed record HolidayYear(int Year, IReadOnlyCollection<DateOnly> Holidays, IReadOnlyCollection<DateOnly> Workdays);
