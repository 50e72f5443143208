using System.Globalization;
using System.Text.RegularExpressions;

namespace Bargaining.Workflows;

/// <summary>
/// An ISO-8601 duration (<c>P1Y2M10D</c>, <c>P2W</c>, <c>PT36H</c>). Years, months and days are counted on the
/// calendar as the law counts them; hours, minutes and seconds are exact.
/// </summary>
public readonly partial record struct Period(int Years, int Months, int Days, TimeSpan Time)
{
    /// <summary>True when the period has only a time part (no calendar days, months or years).</summary>
    public bool IsExactTime => Years == 0 && Months == 0 && Days == 0;

    /// <summary>Parses an ISO-8601 duration; returns false for anything else.</summary>
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var m = IsoDuration().Match(text);
        if (!m.Success || text is "P" || text.EndsWith('T')) return false;
        int Part(string name) => m.Groups[name].Success ? int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        try
        {
            var time = TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("min")) + TimeSpan.FromSeconds(Part("s"));
            period = new Period(Part("y"), Part("mo"), Part("d") + 7 * Part("w"), time);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>Parses an ISO-8601 duration or throws <see cref="FormatException"/>.</summary>
    public static Period Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException($"'{text}' is not an ISO-8601 duration such as P20D, P3M or PT12H.");

    /// <inheritdoc />
    public override string ToString()
    {
        var s = "P";
        if (Years != 0) s += $"{Years}Y";
        if (Months != 0) s += $"{Months}M";
        if (Days != 0) s += $"{Days}D";
        if (Time != TimeSpan.Zero)
        {
            s += "T";
            if (Time.Hours + Time.Days * 24 != 0) s += $"{(int)Time.TotalHours}H";
            if (Time.Minutes != 0) s += $"{Time.Minutes}M";
            if (Time.Seconds != 0) s += $"{Time.Seconds}S";
        }
        return s == "P" ? "P0D" : s;
    }

    [GeneratedRegex(@"^P(?:(?<y>\d{1,4})Y)?(?:(?<mo>\d{1,4})M)?(?:(?<w>\d{1,4})W)?(?:(?<d>\d{1,5})D)?(?:T(?:(?<h>\d{1,6})H)?(?:(?<min>\d{1,6})M)?(?:(?<s>\d{1,7})S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDuration();
}
