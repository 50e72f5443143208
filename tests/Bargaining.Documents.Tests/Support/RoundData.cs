using Bargaining.Documents.Data;

namespace Bargaining.Documents.Tests.Support;

/// <summary>The data of one realistic bargaining round at 盐城市水务集团, for every document template.</summary>
public static class RoundData
{
    public const string Employer = Samples.Employer;
    public const string Union = Samples.Union;

    public static BargainingSide WorkerSide => new()
    {
        Party = Union,
        Chief = new Person { Name = "王昇", Title = "工会主席" },
        Representatives =
        [
            new Person { Name = "陈玥", Title = "女职工委员会主任" },
            new Person { Name = "赵赟", Title = "水质检测中心班组长" },
            new Person { Name = "孙立新", Title = "管网巡查员" },
            new Person { Name = "周海燕", Title = "客服中心职工" },
        ],
    };

    public static BargainingSide EmployerSide => new()
    {
        Party = Employer,
        Chief = new Person { Name = "张堃", Title = "副总经理" },
        AuthorisedBy = new Person { Name = "李喆", Title = "董事长、法定代表人" },
        Representatives =
        [
            new Person { Name = "刘建国", Title = "人力资源部经理" },
            new Person { Name = "吴晓梅", Title = "财务部经理" },
            new Person { Name = "郑宏", Title = "安全生产部经理" },
            new Person { Name = "马俊", Title = "生产运营部经理" },
        ],
    };

    public static OfferLetterData OfferLetter => new()
    {
        Reference = "盐水务工〔2026〕3号",
        Addressee = Employer,
        Offeror = WorkerSide,
        Subject = "2026年度工资专项集体协商",
        Topics =
        [
            "2026年度职工工资调整幅度，其中一线职工工资调整幅度",
            "企业最低工资标准和加班工资计算基数",
            "高温津贴、夜班津贴等津贴补贴的项目和标准",
            "工资支付时间和支付办法",
            "双方商定的其他事项",
        ],
        ProposedMeetingAt = new DateTime(2026, 3, 18, 9, 30, 0),
        ProposedMeetingPlace = "集团本部三楼第一会议室",
        RepresentativesPerSide = 5,
        RequestedData =
        [
            "2025年度营业收入、利润总额和工资总额",
            "2025年度职工平均工资及各岗位工资水平",
            "2026年度生产经营计划和人工成本预算",
        ],
        ReplyDays = 20,
        ReplyBy = new DateOnly(2026, 3, 23),
        Date = new DateOnly(2026, 3, 2),
        ContactPerson = "陈玥",
        ContactPhone = "0515-88230000",
    };

    public static ResponseData Response => new()
    {
        Reference = "盐水务〔2026〕12号",
        Addressee = Union,
        Responder = EmployerSide,
        Subject = "2026年度工资专项集体协商",
        OfferDate = new DateOnly(2026, 3, 2),
        OfferReceivedOn = new DateOnly(2026, 3, 3),
        Accepts = true,
        CounterProposesMeeting = true,
        MeetingAt = new DateTime(2026, 3, 20, 14, 30, 0),
        MeetingPlace = "集团本部三楼第一会议室",
        DataBy = new DateOnly(2026, 3, 16),
        AdditionalTopics = ["职工年度健康体检项目和标准"],
        Date = new DateOnly(2026, 3, 10),
        ContactPerson = "刘建国",
        ContactPhone = "0515-88230101",
    };

    public static MeetingMinutesData Minutes => new()
    {
        Subject = "2026年度工资专项集体协商",
        Round = 2,
        Date = new DateOnly(2026, 4, 8),
        StartedAt = new TimeOnly(9, 0),
        EndedAt = new TimeOnly(11, 30),
        Place = "集团本部三楼第一会议室",
        EmployerSide = EmployerSide,
        WorkerSide = WorkerSide,
        ChairedBy = "张堃（企业方首席代表）",
        Recorder = "钱文静",
        Observers = [new Person { Name = "顾国平", Title = "亭湖区总工会集体协商指导员" }],
        Agenda =
        [
            "企业方首席代表通报2025年度生产经营、工资总额和职工人数情况，并说明2026年度工资总额预算、经济效益预测和同行业工资水平",
            "职工方首席代表说明工资调整方案的依据",
            "双方就各议题逐项协商",
            "双方首席代表小结",
        ],
        Topics =
        [
            new MinutesTopic
            {
                Topic = "年度工资调整幅度",
                WorkerPosition = "参照盐城市2026年工资指导线基准线7%，职工平均工资增长7%，一线职工不低于8%。",
                EmployerPosition = "受供水价格调整滞后影响，建议职工平均工资增长5%。",
                Outcome = "双方同意职工平均工资增长6%，一线职工增长7%，待职工代表大会审议。",
            },
            new MinutesTopic
            {
                Topic = "高温津贴标准",
                WorkerPosition = "6月至9月高温津贴由每月300元提高到每月350元。",
                EmployerPosition = "同意按每月350元发放。",
                Outcome = "达成一致。",
            },
        ],
        Summary = "双方就工资调整幅度和高温津贴达成一致意见，由双方协商代表据此起草工资专项集体合同草案。",
        NextMeetingOn = new DateOnly(2026, 4, 15),
        NextMeetingPlace = "集团本部三楼第一会议室",
    };

    public static CongressVote Vote => new()
    {
        Meeting = "第三届职工代表大会第五次会议",
        Date = new DateOnly(2026, 4, 24),
        Entitled = 180,
        Present = 165,
        InFavour = 158,
        Adopted = true,
    };

    /// <summary>The wage clause changed from 6 % to 8 % (变更, Art 39–41), effective.</summary>
    public static ChangeAgreementData ChangeAgreement => new()
    {
        Employer = Employer,
        Union = Employer + "工会委员会",
        EmployerSide = EmployerSide,
        WorkerSide = WorkerSide,
        ContractTitle = Employer + "2026年度工资专项集体合同",
        ContractNumber = "盐人社集备〔2026〕第0001号",
        ProposedBy = "职工方",
        Reason = "物价上涨较快，原定工资增幅不足",
        Articles = [new ChangedArticle { Number = 1, Title = "劳动报酬", Before = "职工年平均工资增长6%", After = "职工年平均工资增长8%" }],
        Congress = Vote,
        SigningDate = new DateOnly(2026, 9, 1),
        EffectiveDate = new DateOnly(2026, 9, 17),
    };

    /// <summary>The redline of that change: one clause changed, one kept.</summary>
    public static RedlineData Redline => new()
    {
        Contract = Employer + "工资专项集体合同",
        From = "原合同（2026年3月2日发起）",
        To = "变更后的合同（2026年8月3日发起）",
        Added = 0,
        Removed = 0,
        Changed = 1,
        Unchanged = 1,
        Clauses =
        [
            new RedlineClauseData
            {
                Heading = "第1条", Title = "劳动报酬", Status = "修改",
                Runs = [new RedlineRun { Text = "职工年平均工资增长" }, new RedlineRun { Text = "6", Removed = true }, new RedlineRun { Text = "8", Added = true }, new RedlineRun { Text = "%" }],
            },
            new RedlineClauseData { Heading = "第2条", Title = "休息休假", Status = "未变", Runs = [new RedlineRun { Text = "职工享受带薪年休假5天" }] },
        ],
    };

    public static CongressResolutionData Resolution => new()
    {
        Employer = Employer,
        ContractTitle = Employer + "2026年度工资专项集体合同（草案）",
        Vote = Vote,
        IssuedBy = "第三届职工代表大会第五次会议主席团",
    };

    public static WageTerms Wages(int rows = 8) => new()
    {
        Year = 2026,
        AverageMonthlyWage = 7850,
        IncreasePercent = 6,
        FrontlineIncreasePercent = 7,
        EnterpriseMinimumWage = 2900,
        LocalMinimumWage = 2490,
        PayDay = 15,
        OvertimeBase = "职工本人上月岗位工资与绩效工资之和",
        Allowances =
        [
            new Allowance { Name = "高温津贴", Amount = 350, Per = "月" },
            new Allowance { Name = "夜班津贴", Amount = 40, Per = "班" },
            new Allowance { Name = "水质检测岗位津贴", Amount = 200, Per = "月" },
        ],
        Table = Enumerable.Range(1, rows).Select(i => new WageRow
        {
            Grade = ChineseNumerals.Format(i) + "级",
            Posts = (i % 4) switch { 0 => "运行维护", 1 => "水质检测", 2 => "管网巡查", _ => "客户服务" },
            MonthlyBase = 3000 + 180 * i,
            IncreasePercent = i <= 3 ? 7 : 6,
        }).ToList(),
    };

    /// <summary>A contract signed, filed, reviewed without objection and in effect: everything the signed copy carries.</summary>
    public static ContractData Contract(ContractKind kind = ContractKind.Comprehensive, int wageRows = 8) => new()
    {
        Kind = kind,
        Number = "YC-TH-2026-0317",
        Employer = kind is ContractKind.Industry or ContractKind.Regional
            ? new Employer { Name = "盐城市亭湖区餐饮行业协会", LegalRepresentative = "周建华", EconomicType = "社会团体", Industry = "餐饮业", Address = "盐城市亭湖区解放南路88号", Workers = 3260, WomenWorkers = 1710 }
            : new Employer
            {
                Name = Employer, CreditCode = "91320900MA1MXXXX8Q", EconomicType = "国有独资有限责任公司", Industry = "水的生产和供应业",
                Address = "盐城市亭湖区开放大道49号", LegalRepresentative = "李喆", Workers = 1268, WomenWorkers = 402,
            },
        Union = kind is ContractKind.Industry
            ? new TradeUnion { Name = "盐城市亭湖区餐饮行业工会联合会", Chair = "王昇", Members = 3050 }
            : kind is ContractKind.Regional
                ? new TradeUnion { Name = "盐城市亭湖区新兴街道工会联合会", Chair = "王昇", Members = 3050 }
                : new TradeUnion { Name = Union, Chair = "王昇", Members = 1230 },
        EmployerSide = EmployerSide,
        WorkerSide = WorkerSide,
        Term = new ContractTerm { Start = new DateOnly(2026, 5, 21), End = new DateOnly(2029, 5, 20) },
        SigningDate = new DateOnly(2026, 4, 28),
        SigningPlace = "盐城市亭湖区",
        Congress = Vote,
        Filing = new Filing { FiledOn = new DateOnly(2026, 4, 30), Authority = "盐城市亭湖区人力资源和社会保障局", ReceivedOn = new DateOnly(2026, 5, 5) },
        Review = new Review { Outcome = ReviewOutcome.NoObjection, DecidedOn = new DateOnly(2026, 5, 20), },
        EffectiveDate = new DateOnly(2026, 5, 21),
        Wages = Wages(wageRows),
        Heat = new HeatTerms { AllowancePerMonth = 350, FromMonth = 6, ToMonth = 9 },
        Coverage = kind is ContractKind.Industry or ContractKind.Regional
            ? new Coverage
            {
                Scope = kind is ContractKind.Industry ? "盐城市亭湖区餐饮行业" : "盐城市亭湖区新兴街道",
                Enterprises =
                [
                    new CoveredEnterprise { Name = "盐城市老盐城饭店有限公司", Workers = 420 },
                    new CoveredEnterprise { Name = "盐城市瓢城饮食服务有限公司", Workers = 365 },
                    new CoveredEnterprise { Name = "盐城市串场河餐饮管理有限公司", Workers = 218 },
                    new CoveredEnterprise { Name = "盐城市鹤鸣楼酒店有限公司", Workers = 156 },
                ],
            }
            : null,
    };
}
