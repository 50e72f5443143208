namespace Bargaining.Domain;

/// <summary>
/// What some contracts must state besides their agreed clauses, agreed by the chiefs with the draft so that the
/// congress votes on it (Art 36): the high-temperature allowance and the months it is paid (高温津贴, 《防暑降温措施管理办法》
/// Art 17), and for an industry or regional contract the industry or area and the enterprises it binds (LCL Art 53–54).
/// </summary>
public sealed class SpecificTerms
{
    private readonly List<BoundEnterprise> _boundEnterprises = [];

    private SpecificTerms() { }

    /// <summary>The round's specific terms, empty until agreed.</summary>
    public SpecificTerms(Guid roundId) => RoundId = roundId;

    /// <summary>The round (one row per round).</summary>
    public Guid RoundId { get; private set; }
    /// <summary>The monthly high-temperature allowance, yuan.</summary>
    public decimal? HeatAllowancePerMonth { get; private set; }
    /// <summary>The first month it is paid.</summary>
    public int? HeatFromMonth { get; private set; }
    /// <summary>The last month it is paid.</summary>
    public int? HeatToMonth { get; private set; }
    /// <summary>The industry or area an industry or regional contract covers, e.g. 东台市餐饮行业.</summary>
    public string? CoverageScope { get; private set; }
    /// <summary>The enterprises it binds, in the order given.</summary>
    public IReadOnlyList<BoundEnterprise> BoundEnterprises => _boundEnterprises;
    /// <summary>When last agreed.</summary>
    public DateTimeOffset? AgreedAt { get; private set; }

    /// <summary>True when the allowance and its months are agreed.</summary>
    public bool HasHeat => HeatAllowancePerMonth is not null;

    /// <summary>True when the scope and at least one bound enterprise are agreed.</summary>
    public bool HasCoverage => CoverageScope is not null && _boundEnterprises.Count > 0;

    /// <summary>Agrees the high-temperature allowance, or clears it with null.</summary>
    public void AgreeHeat(decimal? allowancePerMonth, int? fromMonth, int? toMonth, DateTimeOffset at)
    {
        HeatAllowancePerMonth = allowancePerMonth;
        HeatFromMonth = allowancePerMonth is null ? null : fromMonth;
        HeatToMonth = allowancePerMonth is null ? null : toMonth;
        AgreedAt = at;
    }

    /// <summary>Agrees the coverage, or clears it with a null scope.</summary>
    public void AgreeCoverage(string? scope, IEnumerable<(string Name, int Workers)> enterprises, DateTimeOffset at)
    {
        CoverageScope = scope?.Trim();
        _boundEnterprises.Clear();
        if (scope is not null) _boundEnterprises.AddRange(enterprises.Select((e, i) => new BoundEnterprise(i + 1, e.Name.Trim(), e.Workers)));
        AgreedAt = at;
    }

    /// <summary>
    /// What a contract of <paramref name="kind"/> still lacks of <paramref name="terms"/>, in Chinese; null when
    /// nothing is missing. The one rule for concluding the draft and for printing the contract and the filing form.
    /// </summary>
    public static string? Missing(RoundKind kind, SpecificTerms? terms) => kind switch
    {
        RoundKind.HighTemperature when terms is not { HasHeat: true } =>
            "高温作业劳动保护专项集体合同须载明高温津贴标准和发放月份（《防暑降温措施管理办法》第十七条），双方尚未约定",
        RoundKind.Industry or RoundKind.Regional when terms is not { HasCoverage: true } =>
            $"{kind.Chinese()}须载明覆盖的{(kind == RoundKind.Industry ? "行业" : "区域")}范围和所约束的企业名单（《劳动合同法》第五十三条、第五十四条），双方尚未约定",
        _ => null,
    };
}

/// <summary>An enterprise an industry or regional contract binds (LCL Art 54).</summary>
public sealed class BoundEnterprise
{
    private BoundEnterprise() { }

    /// <summary>Creates the row.</summary>
    public BoundEnterprise(int order, string name, int workers)
    {
        Order = order;
        Name = name;
        Workers = workers;
    }

    /// <summary>1, 2, … as listed.</summary>
    public int Order { get; private set; }
    /// <summary>Its name.</summary>
    public string Name { get; private set; } = "";
    /// <summary>Its workers.</summary>
    public int Workers { get; private set; }
}
