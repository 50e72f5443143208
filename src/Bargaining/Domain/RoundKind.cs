namespace Bargaining.Domain;

/// <summary>What a round bargains for (Art 3; LCL Art 52–54).</summary>
public enum RoundKind
{
    /// <summary>综合集体合同.</summary>
    Comprehensive,
    /// <summary>工资专项集体合同.</summary>
    Wage,
    /// <summary>女职工权益保护专项集体合同.</summary>
    WomenWorkers,
    /// <summary>劳动安全卫生专项集体合同.</summary>
    SafetyHealth,
    /// <summary>高温作业劳动保护专项集体合同 (local).</summary>
    HighTemperature,
    /// <summary>行业性集体合同.</summary>
    Industry,
    /// <summary>区域性集体合同.</summary>
    Regional,
}

/// <summary>Chinese names of <see cref="RoundKind"/>s.</summary>
public static class RoundKinds
{
    /// <summary>综合集体合同, 工资专项集体合同, … .</summary>
    public static string Chinese(this RoundKind kind) => kind switch
    {
        RoundKind.Comprehensive => "综合集体合同",
        RoundKind.Wage => "工资专项集体合同",
        RoundKind.WomenWorkers => "女职工权益保护专项集体合同",
        RoundKind.SafetyHealth => "劳动安全卫生专项集体合同",
        RoundKind.HighTemperature => "高温作业劳动保护专项集体合同",
        RoundKind.Industry => "行业性集体合同",
        _ => "区域性集体合同",
    };
}
