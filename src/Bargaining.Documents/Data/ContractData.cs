using System.ComponentModel;

namespace Bargaining.Documents.Data;

/// <summary>The kinds of collective contract, each printed from its own template (Art 3; LCL Art 52–53).</summary>
public enum ContractKind
{
    /// <summary>综合集体合同, one employer, every topic of Art 8.</summary>
    [Description("综合集体合同")] Comprehensive,

    /// <summary>工资专项集体合同 (wage agreement).</summary>
    [Description("工资专项集体合同")] Wage,

    /// <summary>女职工权益保护专项集体合同.</summary>
    [Description("女职工权益保护专项集体合同")] WomenWorkers,

    /// <summary>劳动安全卫生专项集体合同.</summary>
    [Description("劳动安全卫生专项集体合同")] SafetyAndHealth,

    /// <summary>高温作业劳动保护专项集体合同 (a local kind).</summary>
    [Description("高温作业劳动保护专项集体合同")] HighTemperature,

    /// <summary>行业性集体合同, binding every employer of an industry in an area (LCL Art 53–54).</summary>
    [Description("行业性集体合同")] Industry,

    /// <summary>区域性集体合同, binding every employer of an area at county level or below (LCL Art 53–54).</summary>
    [Description("区域性集体合同")] Regional,
}

/// <summary>How the labour administration's review ended (Art 44–47).</summary>
public enum ReviewOutcome
{
    /// <summary>Filed and under review.</summary>
    [Description("审查中")] Pending,

    /// <summary>No objection within 15 days of receipt: the contract has taken effect (Art 47).</summary>
    [Description("审查期内未提出异议")] NoObjection,

    /// <summary>A written objection (审查意见书): the contested points are bargained again (Art 46).</summary>
    [Description("提出审查意见")] Objection,
}

/// <summary>
/// Everything a contract template may print: the parties and their representatives, the figures of the ratifying
/// vote, signing, filing, review and effect, and the numbers the clauses carry. The wording is the template's.
/// </summary>
public sealed record ContractData
{
    /// <summary>Which template prints the contract.</summary>
    public required ContractKind Kind { get; init; }

    /// <summary>The contract number (合同编号): the filing number the labour administration gave it; null before filing.</summary>
    public string? Number { get; init; }

    /// <summary>For the contract as changed (变更, Art 39–41): the change it includes, e.g. 根据2026年6月1日签订的变更协议修订第1条; null otherwise.</summary>
    public string? Amendment { get; init; }

    /// <summary>
    /// 甲方. For an industry or regional contract, the employer-side organisation (e.g. an industry association) that
    /// signs for the covered enterprises.
    /// </summary>
    public required Employer Employer { get; init; }

    /// <summary>乙方.</summary>
    public required TradeUnion Union { get; init; }

    /// <summary>The employer's bargaining representatives.</summary>
    public required BargainingSide EmployerSide { get; init; }

    /// <summary>The workers' bargaining representatives.</summary>
    public required BargainingSide WorkerSide { get; init; }

    /// <summary>The term (Art 38).</summary>
    public required ContractTerm Term { get; init; }

    /// <summary>The date the chiefs signed (Art 37).</summary>
    public required DateOnly SigningDate { get; init; }

    /// <summary>Where the contract was signed.</summary>
    public required string SigningPlace { get; init; }

    /// <summary>The ratifying vote of the workers' congress (Art 36); null until held.</summary>
    public CongressVote? Congress { get; init; }

    /// <summary>The filing with the labour administration (Art 42); null until filed.</summary>
    public Filing? Filing { get; init; }

    /// <summary>The review (Art 44–47); null until filed.</summary>
    public Review? Review { get; init; }

    /// <summary>The day the contract took effect (Art 47); null before.</summary>
    public DateOnly? EffectiveDate { get; init; }

    /// <summary>Wage figures: the wage agreement's subject, the comprehensive contract's pay chapter and annex.</summary>
    public WageTerms? Wages { get; init; }

    /// <summary>High-temperature work: the allowance and its months.</summary>
    public HeatTerms? Heat { get; init; }

    /// <summary>The area or industry and the enterprises an industry or regional contract binds.</summary>
    public Coverage? Coverage { get; init; }

    /// <summary>The clauses both sides agreed at the table (the concluded draft), printed in the annex in order.</summary>
    public IReadOnlyList<AgreedClause> Clauses { get; init; } = [];

    /// <summary>The copies the employer sends for review: three (Art 42).</summary>
    public int CopiesFiled { get; init; } = 3;

    /// <summary>The number of originals (一式N份): one for each party and <see cref="CopiesFiled"/> for review.</summary>
    public int Copies => 2 + CopiesFiled;
}

/// <summary>A contract's term as the parties agreed it (Art 38: one to three years).</summary>
public sealed record ContractTerm
{
    /// <summary>The first day.</summary>
    public required DateOnly Start { get; init; }

    /// <summary>The last day.</summary>
    public required DateOnly End { get; init; }

    /// <summary>
    /// The length in Chinese when the term runs whole months (the last day is the day before the same date N months
    /// later): 三年, 一年六个月, 十八个月 is written 一年六个月; null otherwise.
    /// </summary>
    public string? Length
    {
        get
        {
            for (var months = 1; months <= 120; months++)
                if (Start.AddMonths(months).AddDays(-1) == End)
                {
                    var (years, rest) = (months / 12, months % 12);
                    return (years > 0 ? ChineseNumerals.Format(years) + "年" : "") + (rest > 0 ? ChineseNumerals.Format(rest) + "个月" : "");
                }
            return null;
        }
    }
}

/// <summary>The vote of the workers' congress (职工代表大会) or of all workers on the draft (Art 36).</summary>
public sealed record CongressVote
{
    /// <summary>The meeting, e.g. 第三届职工代表大会第五次会议.</summary>
    public required string Meeting { get; init; }

    /// <summary>The day of the vote.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>All deputies (or workers) entitled to vote.</summary>
    public required int Entitled { get; init; }

    /// <summary>Those present: at least two thirds of <see cref="Entitled"/> for a valid meeting (Art 36).</summary>
    public required int Present { get; init; }

    /// <summary>Votes in favour: more than half of <see cref="Entitled"/>, not of those present, to adopt (Art 36).</summary>
    public required int InFavour { get; init; }

    /// <summary>Those present who did not vote in favour (against or abstaining): what Art 36 leaves to count.</summary>
    public int NotInFavour => Present - InFavour;

    /// <summary>Whether the draft was adopted, as the application decided under Art 36.</summary>
    public required bool Adopted { get; init; }
}

/// <summary>The filing with the labour administration (Art 42: within 10 days of signing).</summary>
public sealed record Filing
{
    /// <summary>The day the employer sent the contract.</summary>
    public required DateOnly FiledOn { get; init; }

    /// <summary>The reviewing authority, e.g. 盐城市人力资源和社会保障局.</summary>
    public required string Authority { get; init; }

    /// <summary>The day the authority received it; the 15 days of Art 47 count from the next day.</summary>
    public DateOnly? ReceivedOn { get; init; }
}

/// <summary>The labour administration's review (Art 44–47).</summary>
public sealed record Review
{
    /// <summary>How it ended.</summary>
    public required ReviewOutcome Outcome { get; init; }

    /// <summary>The day it ended: the objection's date, or the last of the 15 days.</summary>
    public DateOnly? DecidedOn { get; init; }

    /// <summary>The reviewer's opinion, when there is one.</summary>
    public string? Opinion { get; init; }

    /// <summary>No objection within 15 days: in effect (Art 47).</summary>
    public bool NoObjection => Outcome == ReviewOutcome.NoObjection;

    /// <summary>An objection was raised (Art 46).</summary>
    public bool Objected => Outcome == ReviewOutcome.Objection;
}

/// <summary>The wage figures a contract carries.</summary>
public sealed record WageTerms
{
    /// <summary>The year the figures apply to.</summary>
    public required int Year { get; init; }

    /// <summary>Last year's average monthly wage of the workers (上年度职工月平均工资), yuan.</summary>
    public required decimal AverageMonthlyWage { get; init; }

    /// <summary>The agreed rise of the average wage, percent.</summary>
    public required decimal IncreasePercent { get; init; }

    /// <summary>The rise for front-line workers, percent, when agreed separately.</summary>
    public decimal? FrontlineIncreasePercent { get; init; }

    /// <summary>The enterprise's lowest monthly wage (企业最低工资), yuan.</summary>
    public required decimal EnterpriseMinimumWage { get; init; }

    /// <summary>The local statutory minimum monthly wage, yuan: the floor (LCL Art 55).</summary>
    public required decimal LocalMinimumWage { get; init; }

    /// <summary>The day of the month wages are paid.</summary>
    public required int PayDay { get; init; }

    /// <summary>The overtime-pay base (加班工资计算基数) as agreed, e.g. 本人上月岗位工资与绩效工资之和.</summary>
    public string? OvertimeBase { get; init; }

    /// <summary>The allowances (津贴补贴).</summary>
    public IReadOnlyList<Allowance> Allowances { get; init; } = [];

    /// <summary>The wage table: monthly base pay by grade.</summary>
    public IReadOnlyList<WageRow> Table { get; init; } = [];
}

/// <summary>An allowance, e.g. 夜班津贴 30 元/班.</summary>
public sealed record Allowance
{
    /// <summary>Its name.</summary>
    public required string Name { get; init; }

    /// <summary>The amount, yuan.</summary>
    public required decimal Amount { get; init; }

    /// <summary>Per what, e.g. 月, 班, 天.</summary>
    public required string Per { get; init; }
}

/// <summary>A row of the wage table.</summary>
public sealed record WageRow
{
    /// <summary>The grade, e.g. 一级.</summary>
    public required string Grade { get; init; }

    /// <summary>The posts in the grade.</summary>
    public required string Posts { get; init; }

    /// <summary>The monthly base pay after adjustment, yuan.</summary>
    public required decimal MonthlyBase { get; init; }

    /// <summary>The adjustment, percent.</summary>
    public required decimal IncreasePercent { get; init; }
}

/// <summary>High-temperature work (《防暑降温措施管理办法》 and the local rules).</summary>
public sealed record HeatTerms
{
    /// <summary>The monthly high-temperature allowance, yuan.</summary>
    public required decimal AllowancePerMonth { get; init; }

    /// <summary>The first month it is paid (e.g. 6).</summary>
    public required int FromMonth { get; init; }

    /// <summary>The last month it is paid (e.g. 9).</summary>
    public required int ToMonth { get; init; }
}

/// <summary>What an industry or regional contract covers (LCL Art 53–54).</summary>
public sealed record Coverage
{
    /// <summary>The industry or area, e.g. 东台市餐饮行业, 盐南高新区新河街道.</summary>
    public required string Scope { get; init; }

    /// <summary>The enterprises bound.</summary>
    public required IReadOnlyList<CoveredEnterprise> Enterprises { get; init; }

    /// <summary>The number of enterprises bound.</summary>
    public int EnterpriseCount => Enterprises.Count;

    /// <summary>The workers of all covered enterprises.</summary>
    public int Workers => Enterprises.Sum(e => e.Workers);
}

/// <summary>An enterprise bound by an industry or regional contract.</summary>
public sealed record CoveredEnterprise
{
    /// <summary>Its name.</summary>
    public required string Name { get; init; }

    /// <summary>Its workers.</summary>
    public required int Workers { get; init; }
}

/// <summary>A clause both sides agreed at the table (Art 34), as the concluded draft holds it.</summary>
public sealed record AgreedClause
{
    /// <summary>The topic, e.g. 劳动报酬.</summary>
    public required string Title { get; init; }

    /// <summary>The agreed wording, e.g. 职工年平均工资增长6%.</summary>
    public required string Text { get; init; }
}
