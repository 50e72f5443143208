using Bargaining.Domain;
using Bargaining.Features.Rounds;

namespace Bargaining.Features.Catalogue;

/// <summary>
/// The stable codes another system reads (the province's 数据目录 / 工会事项分类与编码): one table per vocabulary,
/// written here once and never derived from a C# name or ordinal, so renaming or reordering an enum changes no
/// export. <c>CatalogueCodesTests</c> fails when a value lacks a code or a published code changes;
/// <c>docs/data-catalogue.md</c> and <c>docs/schema/bargaining-export.schema.json</c> publish them.
/// </summary>
public static class CatalogueCodes
{
    /// <summary>Organisation kinds: 市总工会, 县级工会, 市直单位.</summary>
    public static readonly IReadOnlyDictionary<OrganisationKind, string> OrganisationKinds = new Dictionary<OrganisationKind, string>
    {
        [OrganisationKind.City] = "city",
        [OrganisationKind.County] = "county",
        [OrganisationKind.CityDirect] = "city-direct",
    };

    /// <summary>Round kinds (合同类别, Art 3).</summary>
    public static readonly IReadOnlyDictionary<RoundKind, string> RoundKinds = new Dictionary<RoundKind, string>
    {
        [RoundKind.Comprehensive] = "comprehensive",
        [RoundKind.Wage] = "wage",
        [RoundKind.WomenWorkers] = "women-workers",
        [RoundKind.SafetyHealth] = "safety-health",
        [RoundKind.HighTemperature] = "high-temperature",
        [RoundKind.Industry] = "industry",
        [RoundKind.Regional] = "regional",
    };

    /// <summary>Procedures: 普通程序, 简易程序.</summary>
    public static readonly IReadOnlyDictionary<Procedure, string> Procedures = new Dictionary<Procedure, string>
    {
        [Procedure.Ordinary] = "ordinary",
        [Procedure.Simplified] = "simplified",
    };

    /// <summary>Stages a round is counted at (<see cref="RoundStage"/>).</summary>
    public static readonly IReadOnlyDictionary<RoundStage, string> Stages = new Dictionary<RoundStage, string>
    {
        [RoundStage.Started] = "started",
        [RoundStage.Offered] = "offered",
        [RoundStage.Replied] = "replied",
        [RoundStage.Bargaining] = "bargaining",
        [RoundStage.Signed] = "signed",
        [RoundStage.Filed] = "filed",
        [RoundStage.Effective] = "effective",
        [RoundStage.Closed] = "closed",
        [RoundStage.Rescinded] = "rescinded",
        [RoundStage.Terminated] = "terminated",
        [RoundStage.Expired] = "expired",
    };

    /// <summary>The sides at the table: 职工方, 企业方.</summary>
    public static readonly IReadOnlyDictionary<Side, string> Sides = new Dictionary<Side, string>
    {
        [Side.Worker] = "worker",
        [Side.Employer] = "employer",
    };

    /// <summary>How a topic stands.</summary>
    public static readonly IReadOnlyDictionary<TopicStatus, string> TopicStatuses = new Dictionary<TopicStatus, string>
    {
        [TopicStatus.Open] = "open",
        [TopicStatus.Agreed] = "agreed",
        [TopicStatus.Withdrawn] = "withdrawn",
    };

    /// <summary>
    /// How an ended round ended: the outcome codes of the workflow definitions (<see cref="Rounds.Outcomes"/>), with
    /// their Chinese names. They are published as they are written in <c>workflows/*.json</c>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Outcomes = new Dictionary<string, string>
    {
        [Rounds.FormerOutcomes.Effective] = "合同生效（旧版本：生效或公布即结束的轮次）",
        [Rounds.Outcomes.Expired] = "合同期满",
        [Rounds.Outcomes.Escalated] = "转为普通程序",
        [Rounds.Outcomes.Lapsed] = "期满终止，未续订",
        [Rounds.Outcomes.MemoSigned] = "签订协商备忘录",
        [Rounds.Outcomes.MinutesSigned] = "签订会议纪要",
        [Rounds.Outcomes.NoContract] = "协调终结，未订立合同",
        [Rounds.Outcomes.NotAgreed] = "未达成一致",
        [Rounds.Outcomes.OfferRefused] = "拒绝要约",
        [Rounds.FormerOutcomes.Renewed] = "续订（旧版本）",
        [Rounds.Outcomes.Rescinded] = "合同解除",
        [Rounds.Outcomes.Terminated] = "合同终止",
        [Rounds.Outcomes.Withdrawn] = "撤回",
    };

    /// <summary>The topics: the codes of <see cref="TopicCatalog"/> (Art 8) and <c>custom</c>.</summary>
    public static IReadOnlyDictionary<string, string> Topics { get; } =
        TopicCatalog.Article8.Append(new(TopicCatalog.Custom, "自定义议题")).ToDictionary(p => p.Key, p => p.Value);
}
