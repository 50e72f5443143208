using Bargaining.Domain;

namespace Bargaining.Rules;

/// <summary>
/// The local minimum wage from a jurisdiction profile. The figures are configuration, to be checked against the
/// provincial notice each time it changes.
/// </summary>
/// <param name="Monthly">Monthly minimum wage in 元/月 (the tier the profile applies).</param>
/// <param name="Hourly">Hourly minimum wage for part-time work in 元/小时, if configured.</param>
/// <param name="Basis">Where the figure comes from, quoted in messages.</param>
public sealed record MinimumWage(decimal Monthly, decimal? Hourly, string Basis)
{
    /// <summary>The unit of a monthly wage term.</summary>
    public const string PerMonth = "元/月";

    /// <summary>The unit of an hourly wage term.</summary>
    public const string PerHour = "元/小时";

    /// <summary>
    /// Why a term of a pay topic is below the floor, or null. Only amounts in 元/月 or 元/小时 are wages; a rise in %
    /// is not compared. Collective contracts may not set pay below the local minimum (《劳动合同法》第五十五条).
    /// </summary>
    public string? Problem(string topicCode, Term term)
    {
        if (topicCode != TopicCatalog.Pay || term.Number is not { } amount) return null;
        var floor = term.Unit?.Trim() switch
        {
            PerMonth => Monthly,
            PerHour => Hourly,
            _ => null,
        };
        return floor is { } f && amount < f
            ? $"工资标准{amount:0.##}{term.Unit}低于当地最低工资标准{f:0.##}{term.Unit}（{Basis}），集体合同中劳动报酬标准不得低于当地人民政府规定的最低标准（《劳动合同法》第五十五条）"
            : null;
    }
}
