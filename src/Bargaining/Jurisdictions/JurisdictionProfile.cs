using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bargaining.Rules;
using Bargaining.Workflows;
using Bargaining.Workflows.Definitions;

namespace Bargaining.Jurisdictions;

/// <summary>
/// Everything that differs between jurisdictions: the statutory periods and calendar the workflow engine counts
/// with, and the rules the bargaining domain applies. Loaded from <c>workflows/jurisdictions/*.json</c>; a profile
/// may <c>extend</c> another and override only what differs (Shanghai: a 15-day reply).
/// </summary>
/// <param name="MinimumWage">The minimum wage wage terms are checked against (LCL Art 55); null where none is configured.</param>
/// <param name="WageGuideline">The wage guideline shown beside wage proposals; null where none is configured.</param>
/// <param name="Divisions">
/// The administrative division codes (or their prefixes: 32 for Jiangsu) whose enterprises the profile governs; none
/// for a profile no unit falls under by itself (the national rules).
/// </param>
public sealed record JurisdictionProfile(string Code, string Name, Jurisdiction Time, CongressRule Congress, MinimumWage? MinimumWage = null, WageGuideline? WageGuideline = null,
    IReadOnlyList<string>? Divisions = null)
{
    /// <summary>The first day from <paramref name="day"/> on that is not a rest day or public holiday of the profile's calendar.</summary>
    public DateOnly WorkingDayOnOrAfter(DateOnly day)
    {
        while (Time.Calendar.IsRestDay(day)) day = day.AddDays(1);
        return day;
    }

    /// <summary>The length of a named period (<see cref="PeriodNames"/>), for messages that cite it.</summary>
    public Period Duration(string period) =>
        Time.Periods.TryGetValue(period, out var p) ? p.Duration : throw new KeyNotFoundException($"jurisdiction profile '{Code}' has no period '{period}'");
}

/// <summary>All loaded profiles by code.</summary>
public sealed class JurisdictionCatalog
{
    /// <summary>
    /// The jurisdiction a round runs under unless it names another (Yancheng's rounds: Jiangsu); where no round is
    /// involved, the host shows dates and times in its time zone.
    /// </summary>
    public const string DefaultCode = "jiangsu";

    /// <summary>The profiles as loaded, with the calendars of the files.</summary>
    private readonly Dictionary<string, JurisdictionProfile> _shipped;
    private readonly IReadOnlyDictionary<string, HolidayCalendar> _shippedCalendars;
    // Replaced whole, never changed: a reader sees the calendars before or after a schedule was entered, not a mix.
    private volatile InUse _inUse;

    private sealed record InUse(Dictionary<string, JurisdictionProfile> Profiles, IReadOnlyDictionary<string, HolidayCalendar> Calendars,
        IReadOnlyDictionary<string, IReadOnlyList<HolidayYear>> Entered);

    /// <summary>Creates a catalog from profiles and the calendars (by code: the file name under <c>calendars/</c>) they use.</summary>
    public JurisdictionCatalog(IEnumerable<JurisdictionProfile> profiles, IReadOnlyDictionary<string, HolidayCalendar>? calendars = null)
    {
        _shipped = profiles.ToDictionary(p => p.Code, StringComparer.Ordinal);
        _shippedCalendars = calendars ?? _shipped.Values.Select(p => p.Time.Calendar).Distinct().ToDictionary(c => c.Name);
        _inUse = new InUse(_shipped, _shippedCalendars, new Dictionary<string, IReadOnlyList<HolidayYear>>());
    }

    private Dictionary<string, JurisdictionProfile> Current => _inUse.Profiles;

    /// <summary>The calendars as shipped in <c>calendars/*.json</c>, by code (the file name, e.g. <c>cn-mainland</c>).</summary>
    public IReadOnlyDictionary<string, HolidayCalendar> ShippedCalendars => _shippedCalendars;

    /// <summary>The calendars in use by code: the shipped ones with the years entered in the product over them.</summary>
    public IReadOnlyDictionary<string, HolidayCalendar> Calendars => _inUse.Calendars;

    /// <summary>The code of the calendar the <see cref="Default"/> profile counts with: the one the city union maintains.</summary>
    public string DefaultCalendar => _shippedCalendars.First(c => ReferenceEquals(c.Value, _shipped[DefaultCode].Time.Calendar)).Key;

    /// <summary>The years' schedules entered in the product that <see cref="UseSchedules"/> put in use, by calendar code.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<HolidayYear>> Entered => _inUse.Entered;

    /// <summary>
    /// Counts with the years' schedules entered in the product (by calendar code) over the shipped calendars: a year
    /// entered wins over the file's; a calendar not named counts with its file alone.
    /// </summary>
    public void UseSchedules(IReadOnlyDictionary<string, IReadOnlyList<HolidayYear>> entered)
    {
        var calendars = _shippedCalendars.ToDictionary(c => c.Key,
            c => entered.TryGetValue(c.Key, out var years) && years.Count > 0 ? c.Value.WithYears(years) : c.Value, StringComparer.Ordinal);
        var replaced = _shippedCalendars.ToDictionary(c => (object)c.Value, c => calendars[c.Key], ReferenceEqualityComparer.Instance);
        var profiles = _shipped.ToDictionary(p => p.Key,
            p => replaced.TryGetValue(p.Value.Time.Calendar, out var calendar) ? p.Value with { Time = p.Value.Time with { Calendar = calendar } } : p.Value, StringComparer.Ordinal);
        _inUse = new InUse(profiles, calendars, entered);
    }

    /// <summary>The profile of <see cref="DefaultCode"/>.</summary>
    public JurisdictionProfile Default => this[DefaultCode];

    /// <summary>Profiles by code.</summary>
    public IReadOnlyDictionary<string, JurisdictionProfile> Profiles => Current;

    /// <summary>The engine's view: time rules by code.</summary>
    public IReadOnlyDictionary<string, Jurisdiction> TimeRules => Current.ToDictionary(p => p.Key, p => p.Value.Time);

    /// <summary>Period names every profile defines: the ones a definition may use anywhere.</summary>
    public IReadOnlySet<string> CommonPeriods =>
        Current.Values.Select(p => p.Time.Periods.Keys).Aggregate((IEnumerable<string>?)null, (acc, keys) => acc?.Intersect(keys) ?? keys)?.ToHashSet() ?? [];

    /// <summary>The profile governing the division <paramref name="code"/>: the one with its longest matching prefix, or null.</summary>
    public JurisdictionProfile? ForDivision(string code) =>
        Current.Values.SelectMany(p => (p.Divisions ?? []).Where(code.StartsWith).Select(d => (Profile: p, d.Length)))
            .OrderByDescending(x => x.Length).Select(x => x.Profile).FirstOrDefault();

    /// <summary>The profile with a code; throws naming the known codes otherwise.</summary>
    public JurisdictionProfile this[string code] =>
        Current.TryGetValue(code, out var p) ? p : throw new KeyNotFoundException($"no jurisdiction profile '{code}'; known: {string.Join(", ", Current.Keys)}");

    /// <summary>
    /// Loads <c>jurisdictions/*.json</c> and <c>calendars/*.json</c> under <paramref name="workflowsDirectory"/>.
    /// Throws <see cref="FormatException"/> naming the file and field of the first problem.
    /// </summary>
    public static JurisdictionCatalog Load(string workflowsDirectory)
    {
        var calendars = Directory.EnumerateFiles(Path.Combine(workflowsDirectory, "calendars"), "*.json")
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), HolidayCalendar.Load);
        var raw = Directory.EnumerateFiles(Path.Combine(workflowsDirectory, "jurisdictions"), "*.json")
            .Select(f => (File: f, Json: JsonNode.Parse(File.ReadAllText(f), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject()))
            .ToDictionary(x => x.Json["code"]?.GetValue<string>() ?? throw new FormatException($"{x.File}: 'code' is required"));
        foreach (var (file, json) in raw.Values)
            foreach (var (key, node) in json["periods"]?.AsObject() ?? [])
                try
                {
                    Period(node?.AsObject() ?? throw new FormatException("duration: a period must be an object with 'duration'"));
                }
                catch (FormatException e)
                {
                    throw new FormatException($"{file}: periods.{key}.{e.Message}");
                }
        var profiles = raw.Keys.Select(code => Build(code, raw, calendars)).ToList();
        return new JurisdictionCatalog(profiles, calendars);
    }

    private static JurisdictionProfile Build(string code, Dictionary<string, (string File, JsonObject Json)> raw, Dictionary<string, HolidayCalendar> calendars)
    {
        var file = raw[code].File;
        var merged = Flatten(code, raw, []);
        string Text(string name) => merged[name]?.GetValue<string>() ?? throw new FormatException($"{file}: '{name}' is required");

        var calendarName = Text("calendar");
        if (!calendars.TryGetValue(calendarName, out var calendar)) throw new FormatException($"{file}: unknown calendar '{calendarName}'");
        var offsetText = Text("utcOffset");
        if (!TimeSpan.TryParseExact(offsetText.TrimStart('+'), @"hh\:mm", CultureInfo.InvariantCulture, out var offset))
            throw new FormatException($"{file}: 'utcOffset' must look like +08:00, not '{offsetText}'");
        var periods = (merged["periods"]?.AsObject() ?? []).ToDictionary(p => p.Key, p => Period(p.Value!.AsObject()), StringComparer.Ordinal);
        var congress = merged["congress"]?.AsObject() ?? throw new FormatException($"{file}: 'congress' is required");
        var rule = new CongressRule(
            Fraction.Parse(congress["presentAtLeast"]?.GetValue<string>() ?? throw new FormatException($"{file}: congress.presentAtLeast is required")),
            Fraction.Parse(congress["approvalMoreThan"]?.GetValue<string>() ?? throw new FormatException($"{file}: congress.approvalMoreThan is required")),
            congress["basis"]?.GetValue<string>() ?? "");
        var name = Text("name");
        var time = new Jurisdiction(code, name, offset, calendar, merged["extendOverRestDays"]?.GetValue<bool>() ?? true, periods);
        // A profile governs only the divisions it names itself: one that extends Jiangsu for a city names that city.
        var divisions = raw[code].Json["divisions"]?.AsArray().Select(d => d?.GetValue<string>() ?? throw new FormatException($"{file}: divisions must be strings")).ToList();
        return new JurisdictionProfile(code, name, time, rule, MinimumWageOf(merged["minimumWage"]?.AsObject(), file), GuidelineOf(merged["wageGuideline"]?.AsObject(), file), divisions);
    }

    private static WageGuideline? GuidelineOf(JsonObject? node, string file)
    {
        if (node is null) return null;
        decimal Line(string name) => node[name]?.GetValue<decimal>() ?? throw new FormatException($"{file}: wageGuideline.{name} is required");
        var guideline = new WageGuideline(node["year"]?.GetValue<int>() ?? throw new FormatException($"{file}: wageGuideline.year is required"),
            Line("lower"), Line("benchmark"), Line("upper"), node["basis"]?.GetValue<string>() ?? "");
        if (!(guideline.Lower <= guideline.Benchmark && guideline.Benchmark <= guideline.Upper))
            throw new FormatException($"{file}: wageGuideline must have lower ≤ benchmark ≤ upper");
        return guideline;
    }

    private static MinimumWage? MinimumWageOf(JsonObject? node, string file)
    {
        if (node is null) return null;
        var monthly = node["monthly"]?.GetValue<decimal>() ?? throw new FormatException($"{file}: minimumWage.monthly is required");
        if (monthly <= 0) throw new FormatException($"{file}: minimumWage.monthly must be positive");
        return new MinimumWage(monthly, node["hourly"]?.GetValue<decimal>(), node["basis"]?.GetValue<string>() ?? "");
    }

    private static StatutoryPeriod Period(JsonObject node)
    {
        var duration = node["duration"]?.GetValue<string>();
        if (!Workflows.Period.TryParse(duration, out var period)) throw new FormatException($"duration: '{duration}' is not an ISO-8601 duration such as P20D");
        var counting = node["counting"]?.GetValue<string>() switch
        {
            null or "calendar" => DayCounting.Calendar,
            "working" => DayCounting.Working,
            var other => throw new FormatException($"counting: must be 'calendar' or 'working', not '{other}'"),
        };
        return new StatutoryPeriod(period, counting, node["basis"]?.GetValue<string>() ?? "");
    }

    private static JsonObject Flatten(string code, Dictionary<string, (string File, JsonObject Json)> raw, HashSet<string> seen)
    {
        var (file, json) = raw[code];
        if (!seen.Add(code)) throw new FormatException($"{file}: 'extends' makes a cycle: {string.Join(" → ", seen.Append(code))}");
        var result = new JsonObject();
        if (json["extends"]?.GetValue<string>() is { } parent)
        {
            if (!raw.ContainsKey(parent)) throw new FormatException($"{file}: extends unknown jurisdiction '{parent}'");
            Merge(result, Flatten(parent, raw, seen));
        }
        Merge(result, json);
        return result;
    }

    /// <summary>Deep merge: objects merge key by key, everything else is replaced.</summary>
    private static void Merge(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source)
        {
            if (key is "extends" or "code") continue;
            if (value is JsonObject child && target[key] is JsonObject existing) Merge(existing, child);
            else target[key] = value?.DeepClone();
        }
    }
}
