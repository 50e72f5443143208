using System.Globalization;
using System.Text.Json;
using Bargaining.Domain;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using Bargaining.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Calendars;

/// <summary>
/// A year's public holidays and adjusted working days (国务院办公厅关于部分节假日安排的通知) entered by the city union in the
/// product (table <c>holiday_schedules</c>): it wins over the same year of the shipped <c>workflows/calendars/*.json</c>,
/// which stays the default. Written only by <see cref="SaveHolidaySchedulesHandler"/>.
/// </summary>
public sealed class HolidaySchedule
{
    /// <summary>The calendar's code: its file's name under <c>workflows/calendars/</c>, e.g. <c>cn-mainland</c>.</summary>
    public string Calendar { get; set; } = "";
    public int Year { get; set; }
    /// <summary>The holidays as entered, one day or range (<c>2027-02-06..2027-02-13</c>) per line.</summary>
    public string Holidays { get; set; } = "";
    /// <summary>The adjusted working days (调休上班) as entered, one per line.</summary>
    public string Workdays { get; set; } = "";
    public DateTimeOffset EnteredAt { get; set; }
    /// <summary>Who entered it, as the journal names actors (<c>id name</c>).</summary>
    public string EnteredBy { get; set; } = "";

    /// <summary>The entries of <see cref="Holidays"/> or <see cref="Workdays"/>.</summary>
    public static IReadOnlyList<string> Entries(string lines) => lines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The days it makes holidays and working days.</summary>
    public HolidayYear Days() => HolidayScheduleEntries.Days(Year, Entries(Holidays), Entries(Workdays));
}

/// <summary>One year's entries as the city union types them or the calendar file holds them: days and ranges.</summary>
public sealed record HolidayScheduleYear(int Year, IReadOnlyList<string> Holidays, IReadOnlyList<string> Workdays);

/// <summary>Checks and reads a year's entries: the rules a State Council schedule always keeps.</summary>
public static class HolidayScheduleEntries
{
    /// <summary>Entries of one kind a year may hold (the State Council's notice has about a dozen).</summary>
    public const int MaxEntries = 60;

    /// <summary>What a deadline counted through a year without a schedule says, wherever it is shown.</summary>
    public const string WeekendsOnlyNote = "节假日安排未录入，按周末计算";

    /// <summary>The problems of a year's entries, in Chinese; none when the year can be used.</summary>
    public static IReadOnlyList<string> Problems(HolidayScheduleYear year)
    {
        var problems = new List<string>();
        if (year.Year is < 2000 or > 2099) return [$"年份 {year.Year} 不对：请填写2000年至2099年之间的年份"];
        if (year.Holidays.Count == 0) problems.Add($"{year.Year}年：请至少填写一个放假日期（元旦、春节等）");
        if (year.Holidays.Count > MaxEntries || year.Workdays.Count > MaxEntries) problems.Add($"{year.Year}年：放假和调休上班日期各不能超过{MaxEntries}项");
        var holidays = Read(year, year.Holidays, "放假", problems);
        var workdays = Read(year, year.Workdays, "调休上班", problems);
        foreach (var day in workdays.Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
            problems.Add($"{year.Year}年：调休上班日 {Day(day)} 是{Weekday(day)}，本来就上班：调休上班日只能是周六或周日");
        foreach (var day in holidays.Intersect(workdays).Order())
            problems.Add($"{year.Year}年：{Day(day)} 既是放假日又是调休上班日，请删去其中一处");
        return problems;
    }

    /// <summary>The days of a year's entries, which <see cref="Problems"/> found none in.</summary>
    public static HolidayYear Days(int year, IReadOnlyList<string> holidays, IReadOnlyList<string> workdays)
    {
        var entries = new HolidayScheduleYear(year, holidays, workdays);
        if (Problems(entries) is [var first, ..]) throw new InvalidOperationException($"holiday schedule {year} is not valid: {first}");
        return new HolidayYear(year, Read(entries, holidays, "", []), Read(entries, workdays, "", []));
    }

    private static List<DateOnly> Read(HolidayScheduleYear year, IReadOnlyList<string> entries, string kind, List<string> problems)
    {
        var days = new List<DateOnly>();
        for (var i = 0; i < entries.Count; i++)
        {
            var text = entries[i]?.Trim() ?? "";
            var where = $"{year.Year}年{kind}日期第{i + 1}项“{text}”";
            if (!HolidayCalendar.TryParseEntry(text, out var first, out var last))
                problems.Add($"{where}不是日期（如 {year.Year}-01-01）或日期范围（如 {year.Year}-02-06..{year.Year}-02-13）");
            else if (last < first) problems.Add($"{where}的结束日期早于开始日期");
            else if (first.Year != year.Year || last.Year != year.Year) problems.Add($"{where}不在{year.Year}年内");
            else
                for (var d = first; d <= last; d = d.AddDays(1)) days.Add(d);
        }
        return [.. days.Distinct()];
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Weekday(DateOnly day) => "星期" + "日一二三四五六"[(int)day.DayOfWeek];
}

/// <summary>The schedules entered in the product, and what they mean for deadlines and for the administrator.</summary>
public static class HolidaySchedules
{
    /// <summary>Counts with the schedules stored in the database over the shipped calendars: what a host does on start.</summary>
    public static async Task LoadAsync(BargainingDbContext db, JurisdictionCatalog catalog, CancellationToken ct = default) =>
        Use(catalog, await db.HolidaySchedules.AsNoTracking().ToListAsync(ct));

    /// <summary>Counts with <paramref name="rows"/> over the shipped calendars.</summary>
    public static void Use(JurisdictionCatalog catalog, IEnumerable<HolidaySchedule> rows) =>
        catalog.UseSchedules(rows.GroupBy(r => r.Calendar, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<HolidayYear>)[.. g.Select(r => r.Days())], StringComparer.Ordinal));

    /// <summary>
    /// <see cref="HolidayScheduleEntries.WeekendsOnlyNote"/> when a period counted from <paramref name="from"/> to its last
    /// day <paramref name="lastDay"/> goes through a year whose schedule is missing (only weekends were rest days), else null.
    /// </summary>
    public static string? Note(Jurisdiction time, DateOnly from, DateOnly? lastDay) =>
        lastDay is { } last && time.Calendar.UnscheduledYears(from < last ? from : last, last).Count > 0 ? HolidayScheduleEntries.WeekendsOnlyNote : null;

    /// <summary>
    /// The year whose schedule deadlines need and the city union has yet to enter: this year's at any time, next year's
    /// from 1 November (the State Council publishes it each November or December); null when none is missing.
    /// </summary>
    public static int? MissingYear(JurisdictionCatalog catalog, TimeProvider clock)
    {
        var time = catalog.Default.Time;
        var today = time.LocalDate(clock.GetUtcNow());
        return !time.Calendar.HasYear(today.Year) ? today.Year
            : today.Month >= 11 && !time.Calendar.HasYear(today.Year + 1) ? today.Year + 1
            : null;
    }

    /// <summary>What the city administrator is told while <see cref="MissingYear"/> finds a year; null otherwise.</summary>
    public static string? Warning(JurisdictionCatalog catalog, TimeProvider clock) => MissingYear(catalog, clock) is { } year
        ? $"{year}年的法定节假日安排尚未录入：跨入{year}年的期限只把周末算作休息日。请在国务院办公厅公布后录入“节假日安排”。"
        : null;

    /// <summary>The calendar file's shape (<c>{"years": {"2027": {"holidays": […], "workdays": […]}}}</c>), read for an import; refused in Chinese.</summary>
    public static IReadOnlyList<HolidayScheduleYear> ReadFile(string json)
    {
        static DomainException Refused(string why) => new(FailureKind.Validation, "calendar.file", $"节假日安排文件无法读取：{why}");
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("years", out var years) || years.ValueKind != JsonValueKind.Object)
                throw Refused("应为与 workflows/calendars/cn-mainland.json 相同格式的 JSON，含 \"years\" 对象");
            var result = new List<HolidayScheduleYear>();
            foreach (var year in years.EnumerateObject())
            {
                if (!int.TryParse(year.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) throw Refused($"“{year.Name}”不是年份");
                result.Add(new HolidayScheduleYear(number, Strings(year.Value, "holidays", number), Strings(year.Value, "workdays", number)));
            }
            return result;
        }
        catch (JsonException e)
        {
            throw Refused($"不是有效的 JSON（第{e.LineNumber + 1}行）");
        }

        static IReadOnlyList<string> Strings(JsonElement year, string name, int number)
        {
            if (year.ValueKind != JsonValueKind.Object) throw Refused($"{number}年应为含 holidays、workdays 的对象");
            if (!year.TryGetProperty(name, out var list)) return [];
            if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                throw Refused($"{number}年的 {name} 应为日期字符串的数组");
            return [.. list.EnumerateArray().Select(e => e.GetString()!)];
        }
    }
}
