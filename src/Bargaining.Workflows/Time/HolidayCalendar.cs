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
            var parts = text.Split("..");
            if (parts.Length is < 1 or > 2 || !parts.All(p => DateOnly.TryParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
                throw new FormatException($"{where}: '{text}' is not a date (yyyy-MM-dd) or a range (yyyy-MM-dd..yyyy-MM-dd).");
            var first = DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var last = DateOnly.ParseExact(parts[^1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (last < first) throw new FormatException($"{where}: range '{text}' ends before it starts.");
            for (var d = first; d <= last; d = d.AddDays(1)) yield return d;
        }
    }
}
