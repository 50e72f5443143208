namespace Bargaining.Rules;

/// <summary>
/// The government wage guideline (工资指导线) for the year's average wage rise: 下线 (lower line), 基准线 (benchmark)
/// and 上线 (upper warning line), in %. A reference shown beside wage proposals, not a limit: the figures are
/// configuration from the jurisdiction profile, to be checked against each year's published guideline.
/// </summary>
/// <param name="Year">The year it applies to.</param>
/// <param name="Lower">下线, %.</param>
/// <param name="Benchmark">基准线, %.</param>
/// <param name="Upper">上线, %.</param>
/// <param name="Basis">Where the figures come from.</param>
public sealed record WageGuideline(int Year, decimal Lower, decimal Benchmark, decimal Upper, string Basis)
{
    /// <summary>Where a proposed rise in % stands against the guideline, in the words a bargaining table uses.</summary>
    public string Describe(decimal risePercent) => risePercent switch
    {
        var r when r > Upper => $"高于{Year}年工资指导线上线{Upper:0.##}%",
        var r when r >= Benchmark => $"介于基准线{Benchmark:0.##}%与上线{Upper:0.##}%之间",
        var r when r >= Lower => $"介于下线{Lower:0.##}%与基准线{Benchmark:0.##}%之间",
        _ => $"低于{Year}年工资指导线下线{Lower:0.##}%",
    };
}
