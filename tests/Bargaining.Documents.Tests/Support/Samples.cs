namespace Bargaining.Documents.Tests.Support;

/// <summary>Documents the tests render: a realistic collective contract and texts built to stress one rule.</summary>
public static class Samples
{
    public const string Employer = "盐城市水务集团有限公司";
    public const string Union = "盐城市水务集团有限公司工会委员会";

    /// <summary>Names with characters outside GB2312, which the Song face lacks.</summary>
    public const string RareNames = "张堃、李喆、王昇、陈玥、赵赟";

    /// <summary>A comprehensive collective contract: five chapters, twelve articles, a wage table and the signatures.</summary>
    public static Document Contract(int wageRows = 6) => new()
    {
        Title = Employer + "集体合同",
        Blocks =
        [
            new Paragraph("甲方（用人单位）：" + Employer) { FirstLineIndent = false },
            new Paragraph("乙方（工会）：" + Union) { FirstLineIndent = false },
            new Chapter("总则"),
            new Article("为维护职工和企业的合法权益，建立和谐稳定的劳动关系，根据《中华人民共和国劳动法》《中华人民共和国劳动合同法》和《集体合同规定》等法律法规，经双方平等协商，订立本合同。"),
            new Article("本合同对甲方和全体职工具有约束力。职工个人与甲方订立的劳动合同中劳动条件和劳动报酬等标准，不得低于本合同的规定。"),
            new Article("双方应当遵循合法、公平、平等自愿、协商一致、诚实信用的原则——任何一方不得采取过激行为，并保守协商中知悉的商业秘密。"),
            new Chapter("劳动报酬"),
            new Article(
                "甲方实行以岗位绩效工资制为主的基本工资制度，工资分配遵循按劳分配、同工同酬的原则。",
                "（一）甲方每月15日前以货币形式足额支付职工上月工资，不得克扣或者无故拖欠；",
                "（二）职工在法定工作时间内提供了正常劳动的，甲方支付的工资不得低于当地最低工资标准（现为每月2490元）；",
                "（三）2026年度职工平均工资增长幅度为6%，其中一线职工不低于7%。"),
            new Article("甲方安排职工延长工作时间的，支付不低于工资的150%的工资报酬；休息日安排工作又不能安排补休的，支付不低于工资的200%的工资报酬；法定休假日安排工作的，支付不低于工资的300%的工资报酬。"),
            new Article("甲方按照下表确定各岗位等级的月基本工资，并根据企业经济效益和当地工资指导线每年调整一次。"),
            WageTable(wageRows),
            new Chapter("工作时间和休息休假"),
            new Article("甲方实行每日工作8小时、每周工作40小时的标准工时制度。因生产经营需要延长工作时间的，应当与工会和职工协商，一般每日不得超过1小时，最长每月不得超过36小时。"),
            new Article("职工依法享受法定节假日、年休假、婚丧假、探亲假、产假等假期。职工累计工作已满1年不满10年的，年休假5天；已满10年不满20年的，年休假10天……具体按国家规定执行。"),
            new Chapter("劳动安全卫生"),
            new Article("甲方每年从营业收入中提取安全生产费用，为职工提供符合国家规定的劳动安全卫生条件和必要的劳动防护用品；对从事高温作业的职工，每年6月至9月发放高温津贴，标准为每人每月300元。"),
            new Chapter("附则"),
            new Article("本合同期限为三年，自生效之日起计算。合同期满前3个月内，任何一方均可向对方提出重新签订或者续订的要求。"),
            new Article("本合同经职工代表大会审议通过后，由双方首席代表签字，报送人力资源社会保障行政部门审查；行政部门自收到文本之日起15日内未提出异议的，本合同即行生效。"),
            new Article("本合同一式五份，甲乙双方各执一份，报送审查三份，具有同等法律效力。本合同未尽事宜，由双方协商解决。"),
            new Paragraph("（以下无正文）"),
            Signatures(),
        ],
    };

    /// <summary>The wage table; with many rows it runs over a page.</summary>
    public static Table WageTable(int rows) => new(
        [new("岗位等级", 1.2), new("岗位名称", 2, CellAlignment.Left), new("月基本工资（元）", 1.6, CellAlignment.Right), new("调整幅度", 1.2)],
        Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)
            [$"{ChineseNumerals.Format(i)}级", i % 3 == 0 ? "运行维护" : i % 3 == 1 ? "水质检测" : "管网巡查", $"{3000 + 150 * i}", $"{5 + i % 3}%"]).ToList())
    {
        Caption = "附表：2026年度岗位月基本工资标准",
    };

    public static SignatureBlock Signatures() => new(
    [
        new SignatureParty(["甲方（盖章）：", Employer, "", "法定代表人或首席代表（签字）：", "", "2026年　月　日"]),
        new SignatureParty(["乙方（盖章）：", Union, "", "工会主席或首席代表（签字）：", "", "2026年　月　日"]),
    ]);

    /// <summary>A body text with no punctuation inside (so no line-breaking rule moves a character), ending in 。.</summary>
    public static string PlainText(int characters)
    {
        const string source = "双方经平等协商一致同意建立工资集体协商制度每年就职工工资水平工资分配制度工资支付办法和职工福利待遇进行协商" +
                              "甲方应当根据企业经济效益和当地政府发布的工资指导线合理确定年度工资增长幅度并向职工代表大会报告执行情况";
        var text = string.Concat(Enumerable.Range(0, characters - 1).Select(i => source[i % source.Length]));
        return text + "。";
    }

    /// <summary>
    /// A sentence dense with the marks line breaking must respect: closing and opening marks, ——, ……, numbers with
    /// units, Latin words.
    /// </summary>
    public const string Punctuated = "双方约定：“工资——包括基本工资、岗位工资和津贴……等”，按月支付（每月15日前），标准见《工资专项集体合同》。" +
                                     "加班8小时以上的，按300%支付；年度调资幅度为3%，自2026年起执行，另发500元补贴。" +
                                     "依据GB/T 9704-2012排版的文件、表格（附件一）「另附」『备查』。";

    /// <summary>
    /// <see cref="Punctuated"/> after 0, 1, 2 … filler characters, so every mark lands at every place on a line,
    /// the ends included.
    /// </summary>
    public static IReadOnlyList<string> ShiftedPunctuated(int shifts) =>
        Enumerable.Range(0, shifts).Select(k => PlainText(k + 1)[..k] + Punctuated).ToList();
}
