using Bargaining.Domain;
using Bargaining.Features.Rounds;

namespace Bargaining.Web.Pages.Rounds;

/// <summary>A topic of the offer form's checklist (the round page's and the county's offers to many enterprises).</summary>
public sealed class OfferTopicInput
{
    /// <summary>Ticked.</summary>
    public bool Selected { get; set; }
    /// <summary>Art 8 code, or <c>custom</c>.</summary>
    public string Code { get; set; } = "";
    /// <summary>Title of a custom topic.</summary>
    public string? Title { get; set; }
    /// <summary>The clause as proposed.</summary>
    public string? Clause { get; set; }
    /// <summary>Its number, if any.</summary>
    public decimal? Number { get; set; }
    /// <summary>The number's unit.</summary>
    public string? Unit { get; set; }

    /// <summary>The topic as the offer proposes it; a title only for a custom topic (Art 8 topics have their own).</summary>
    public TopicProposal ToProposal() => new(Code, Clause?.Trim() ?? "", Number, string.IsNullOrWhiteSpace(Unit) ? null : Unit.Trim(),
        Code == TopicCatalog.Custom && !string.IsNullOrWhiteSpace(Title) ? Title.Trim() : null);
}

/// <summary>The topics of 《集体合同规定》 Art 8 with a suggested clause each, for the offer form.</summary>
public static class OfferChecklist
{
    private static readonly Dictionary<string, (string Clause, decimal? Number, string? Unit)> Suggestions = new()
    {
        [TopicCatalog.Pay] = ("职工年平均工资增长6%，最低工资不低于当地最低工资标准的110%", 6m, "%"),
        ["working-hours"] = ("实行标准工时制度，每日工作8小时、每周40小时；延长工作时间每月不超过36小时", 36m, "小时/月"),
        ["rest-leave"] = ("职工依法享受带薪年休假，年休假天数在法定基础上增加1天", 1m, "天"),
        ["safety-health"] = ("每年组织在岗职工职业健康检查一次，安全生产投入不低于上年营业收入的1.5%", 1.5m, "%"),
        ["insurance-welfare"] = ("为全体职工缴纳企业年金，企业缴费比例为工资总额的4%", 4m, "%"),
        ["women-juveniles"] = ("女职工每年进行一次妇科检查，孕期、产期、哺乳期依法享受特殊保护", null, null),
        ["training"] = ("按职工工资总额的1.5%提取职工教育经费，用于职业技能培训", 1.5m, "%"),
        ["labour-contracts"] = ("劳动合同签订率100%，连续工作满十年的职工依法订立无固定期限劳动合同", 100m, "%"),
        ["rewards-discipline"] = ("奖惩制度经职工代表大会讨论通过后公示执行", null, null),
        ["layoffs"] = ("确需裁减人员的，提前30日向工会或全体职工说明情况，听取意见", 30m, "日"),
        ["term"] = ("本合同期限三年", 3m, "年"),
        ["change-termination"] = ("变更或解除本合同，须经双方协商一致并按原程序审议、报送", null, null),
        ["dispute-handling"] = ("履行本合同发生争议的，双方协商解决；协商不成的，依法申请劳动争议仲裁", null, null),
        ["liability"] = ("一方违反本合同，应当承担相应责任并及时纠正", null, null),
        ["other"] = ("双方认为应当协商的其他内容", null, null),
    };

    /// <summary>
    /// The topics ticked at first for a kind of contract. The term (集体合同期限) is left unticked: the parties record it
    /// with the contract's dates once agreed (AgreeContractTermCommand), not as a topic thread.
    /// </summary>
    private static string[] Ticked(RoundKind kind) => kind switch
    {
        RoundKind.Comprehensive or RoundKind.Industry or RoundKind.Regional => [TopicCatalog.Pay, "working-hours", "rest-leave", "safety-health", "insurance-welfare"],
        RoundKind.WomenWorkers => ["women-juveniles", "rest-leave"],
        RoundKind.SafetyHealth or RoundKind.HighTemperature => ["safety-health", "working-hours"],
        _ => [TopicCatalog.Pay],
    };

    /// <summary>A fresh checklist for <paramref name="kind"/>, its usual topics ticked.</summary>
    public static List<OfferTopicInput> Default(RoundKind kind = RoundKind.Wage) =>
        [.. TopicCatalog.Article8.Select(t => new OfferTopicInput
        {
            Code = t.Key,
            Title = t.Value,
            Selected = Ticked(kind).Contains(t.Key),
            Clause = Suggestions.TryGetValue(t.Key, out var s) ? s.Clause : "",
            Number = Suggestions.TryGetValue(t.Key, out var n) ? n.Number : null,
            Unit = Suggestions.TryGetValue(t.Key, out var u) ? u.Unit : null,
        })];
}
