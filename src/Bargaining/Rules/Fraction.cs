using System.Globalization;

namespace Bargaining.Rules;

/// <summary>An exact fraction such as 2/3, so thresholds in law are compared without rounding.</summary>
public readonly record struct Fraction(int Numerator, int Denominator)
{
    /// <summary>True when <paramref name="part"/> of <paramref name="whole"/> is at least this fraction.</summary>
    public bool IsReachedBy(int part, int whole) => (long)part * Denominator >= (long)whole * Numerator;

    /// <summary>True when <paramref name="part"/> of <paramref name="whole"/> is more than this fraction.</summary>
    public bool IsExceededBy(int part, int whole) => (long)part * Denominator > (long)whole * Numerator;

    /// <summary>The smallest whole number that reaches this fraction of <paramref name="whole"/>.</summary>
    public int AtLeast(int whole) => (int)(((long)whole * Numerator + Denominator - 1) / Denominator);

    /// <summary>The smallest whole number that is more than this fraction of <paramref name="whole"/>.</summary>
    public int MoreThan(int whole) => (int)((long)whole * Numerator / Denominator + 1);

    /// <summary>Parses "2/3".</summary>
    public static Fraction Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d > 0 && n <= d)
            return new Fraction(n, d);
        throw new FormatException($"'{text}' is not a fraction such as 2/3");
    }

    public override string ToString() => $"{Numerator}/{Denominator}";
}
