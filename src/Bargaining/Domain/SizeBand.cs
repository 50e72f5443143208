namespace Bargaining.Domain;

/// <summary>
/// Enterprise size by total employees, as the county reports group them; 100 is the line the national signing target
/// speaks of (unionised enterprises with 100 or more staff).
/// </summary>
public enum SizeBand
{
    /// <summary>100人以下.</summary>
    Under100,
    /// <summary>100至299人.</summary>
    From100To299,
    /// <summary>300至999人.</summary>
    From300To999,
    /// <summary>1000人及以上.</summary>
    From1000,
}

/// <summary>The employee range of each <see cref="SizeBand"/> and its Chinese name.</summary>
public static class SizeBands
{
    /// <summary>The smallest and largest employee count of the band (both included).</summary>
    public static (int Min, int Max) Range(this SizeBand band) => band switch
    {
        SizeBand.Under100 => (0, 99),
        SizeBand.From100To299 => (100, 299),
        SizeBand.From300To999 => (300, 999),
        _ => (1000, int.MaxValue),
    };

    /// <summary>100人以下, 100至299人, … .</summary>
    public static string Chinese(this SizeBand band) => band switch
    {
        SizeBand.Under100 => "100人以下",
        SizeBand.From100To299 => "100至299人",
        SizeBand.From300To999 => "300至999人",
        _ => "1000人及以上",
    };
}
