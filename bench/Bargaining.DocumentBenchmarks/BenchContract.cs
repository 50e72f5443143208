using Bargaining.Documents;
using Bargaining.Documents.Data;

namespace Bargaining.DocumentBenchmarks;

/// <summary>A realistic comprehensive contract of 盐城市水务集团: all 17 chapters, the record annexes and a wage table.</summary>
internal static class BenchContract
{
    public static ContractData Data(int wageRows) => new()
    {
        Kind = ContractKind.Comprehensive,
        Number = "YC-TH-2026-0317",
        Employer = new Employer
        {
            Name = "盐城市水务集团有限公司", CreditCode = "91320900MA1MXXXX8Q", EconomicType = "国有独资有限责任公司",
            Industry = "水的生产和供应业", Address = "盐城市亭湖区开放大道49号", LegalRepresentative = "李喆", Workers = 1268, WomenWorkers = 402,
        },
        Union = new TradeUnion { Name = "盐城市水务集团有限公司工会委员会", Chair = "王昇", Members = 1230 },
        EmployerSide = new BargainingSide
        {
            Party = "盐城市水务集团有限公司",
            Chief = new Person { Name = "张堃", Title = "副总经理" },
            AuthorisedBy = new Person { Name = "李喆", Title = "董事长、法定代表人" },
            Representatives = [new() { Name = "刘建国", Title = "人力资源部经理" }, new() { Name = "吴晓梅", Title = "财务部经理" }, new() { Name = "郑宏", Title = "安全生产部经理" }, new() { Name = "马俊", Title = "生产运营部经理" }],
        },
        WorkerSide = new BargainingSide
        {
            Party = "盐城市水务集团有限公司工会委员会",
            Chief = new Person { Name = "王昇", Title = "工会主席" },
            Representatives = [new() { Name = "陈玥", Title = "女职工委员会主任" }, new() { Name = "赵赟", Title = "水质检测中心班组长" }, new() { Name = "孙立新", Title = "管网巡查员" }, new() { Name = "周海燕", Title = "客服中心职工" }],
        },
        Term = new ContractTerm { Start = new DateOnly(2026, 5, 21), End = new DateOnly(2029, 5, 20) },
        SigningDate = new DateOnly(2026, 4, 28),
        SigningPlace = "盐城市亭湖区",
        Congress = new CongressVote { Meeting = "第三届职工代表大会第五次会议", Date = new DateOnly(2026, 4, 24), Entitled = 180, Present = 165, InFavour = 158, Adopted = true },
        Filing = new Filing { FiledOn = new DateOnly(2026, 4, 30), Authority = "盐城市亭湖区人力资源和社会保障局", ReceivedOn = new DateOnly(2026, 5, 5) },
        Review = new Review { Outcome = ReviewOutcome.NoObjection, DecidedOn = new DateOnly(2026, 5, 20) },
        EffectiveDate = new DateOnly(2026, 5, 21),
        Heat = new HeatTerms { AllowancePerMonth = 350, FromMonth = 6, ToMonth = 9 },
        Wages = new WageTerms
        {
            Year = 2026, AverageMonthlyWage = 7850, IncreasePercent = 6, FrontlineIncreasePercent = 7, EnterpriseMinimumWage = 2900,
            LocalMinimumWage = 2490, PayDay = 15, OvertimeBase = "职工本人上月岗位工资与绩效工资之和",
            Allowances = [new() { Name = "高温津贴", Amount = 350, Per = "月" }, new() { Name = "夜班津贴", Amount = 40, Per = "班" }, new() { Name = "水质检测岗位津贴", Amount = 200, Per = "月" }],
            Table = Enumerable.Range(1, wageRows).Select(i => new WageRow
            {
                Grade = ChineseNumerals.Format(i) + "级",
                Posts = (i % 4) switch { 0 => "运行维护", 1 => "水质检测", 2 => "管网巡查", _ => "客户服务" },
                MonthlyBase = 3000 + 180 * i,
                IncreasePercent = i <= 3 ? 7 : 6,
            }).ToList(),
        },
    };
}
