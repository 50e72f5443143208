using System.Globalization;
using System.Text;
using Bargaining.Features.Organisations;
using Bargaining.Rules;

namespace Bargaining.Demo;

/// <summary>
/// The building blocks of a synthetic Yancheng city, shared by the demo (<see cref="YanchengDemo"/>) and the campaign
/// simulation (<see cref="CitySimulation"/>): enterprises with names, valid credit codes, industries and people, the
/// CSV a county uploads, representatives and congress votes.
/// </summary>
internal static class SyntheticCity
{
    internal static readonly string[] Brands =
    [
        "恒达", "鑫源", "华泰", "永盛", "金海", "瑞丰", "宏远", "天成", "海韵", "国泰", "新华", "中联", "东方", "润达", "汇通", "丰源", "银河", "鼎盛",
        "正大", "博远", "明珠", "佳诚", "盛源", "远航", "嘉禾", "联创", "锦程", "大洋", "协和", "兴业", "荣晟", "力拓", "悦达", "众邦", "晨光", "华鼎",
        "宝通", "安信", "德润", "富华", "长江", "黄海", "新洋", "海瑞", "开元", "宇航", "森达", "振华", "同盛", "金陵",
    ];

    internal static readonly (string Industry, string[] Words, int WomenPercent, int Weight)[] Industries =
    [
        ("制造业", ["机械", "精密机械", "汽车零部件", "电子", "新能源科技", "纺织", "服装", "食品", "化工", "家具", "电器", "环保设备", "光伏科技", "轴承"], 35, 60),
        ("建筑业", ["建设工程", "建筑安装", "路桥工程"], 12, 8),
        ("批发和零售业", ["商贸", "农资", "医药连锁"], 55, 8),
        ("交通运输、仓储和邮政业", ["物流", "港口运输", "冷链物流"], 20, 7),
        ("住宿和餐饮业", ["酒店管理", "餐饮管理"], 60, 5),
        ("信息传输、软件和信息技术服务业", ["软件科技", "信息技术", "数据科技"], 38, 6),
        ("电力、热力、燃气及水生产和供应业", ["热电", "燃气", "水务"], 22, 3),
        ("农、林、牧、渔业", ["农业发展", "水产养殖"], 40, 3),
    ];

    internal static readonly (string Type, int Weight)[] EconomicTypes =
        [("私营企业", 55), ("有限责任公司", 20), ("股份有限公司", 8), ("外商投资企业", 7), ("港澳台投资企业", 4), ("国有企业", 4), ("集体企业", 2)];

    // Surnames common in northern Jiangsu, and given names of several generations; some use characters outside GB2312
    // (堃 喆 昇 玥 赟), which the documents print from the fallback face.
    internal static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "朱", "马", "胡", "郭", "林", "何", "高", "唐", "蔡", "顾", "季", "卞",
        "沈", "陆", "施", "缪", "葛", "薛", "戴", "仇", "于", "宋", "姜", "丁", "夏", "潘", "袁", "邵",
    ];
    internal static readonly string[] Given =
    [
        "建国", "桂芳", "立新", "志强", "秀英", "海燕", "明", "伟", "敏", "静", "军", "勇", "红梅", "春华", "国平", "文斌", "晓东", "玉兰", "德明", "丽娟",
        "宏伟", "建华", "淑珍", "卫东", "爱民", "雪梅", "晓燕", "海涛", "俊杰", "婷婷", "浩然", "子涵", "雨桐", "思远", "欣怡", "一鸣", "佳琪", "志刚",
        "堃", "喆", "昇", "玥", "赟", "堃鹏", "明喆", "昇阳", "玥彤", "赟杰", "文堃", "嘉玥",
    ];

    // Posts of the other representatives (Art 19–20: chosen by the union; appointed by the legal representative).
    internal static readonly string[] WorkerPosts = ["工会副主席", "女职工委员会主任", "生产车间班组长", "一线职工代表", "技术员", "质检员", "仓储部职工", "经费审查委员"];
    internal static readonly string[] EmployerPosts = ["人力资源部经理", "财务部经理", "生产部经理", "行政部主任", "副总经理", "法务专员", "运营部经理", "安全环保部经理"];

    internal sealed record Generated(string CountyCode, string Name, string CreditCode, string Industry, string EconomicType, int Employees, int Women, int Members, string Chair, string Manager);

    internal static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>A rate as a clause writes it: 3, 4.5 (not 3.0).</summary>
    internal static string Percent(decimal rate) => rate.ToString("0.##", CultureInfo.InvariantCulture);

    internal static (int Entitled, int Present, int InFavour) Vote(int employees, Random random, bool adopt)
    {
        // Small enterprises vote in a general meeting of all workers; larger ones through deputies.
        var entitled = employees <= 100 ? employees : Math.Clamp(employees / 8, 50, 220);
        var quorum = (2 * entitled + 2) / 3;                               // at least two thirds present (Art 36)
        var present = Math.Min(entitled, quorum + random.Next(0, Math.Max(1, entitled - quorum + 1)));
        var majority = entitled / 2 + 1;                                  // more than half of all (Art 36)
        var inFavour = adopt ? Math.Min(present, majority + random.Next(0, Math.Max(1, present - majority + 1))) : majority - 1 - random.Next(0, Math.Max(1, entitled / 10));
        return (entitled, present, Math.Max(0, inFavour));
    }

    internal static IReadOnlyList<Nominee> Members(string chief, string chiefTitle, string[] posts, int count, HashSet<string> people, Random random) =>
        [new(Bare(chief), null, true, false, chiefTitle), .. Enumerable.Range(0, count - 1).Select(i => new Nominee(Distinct(people, random), null, false, false, posts[i % posts.Length]))];

    /// <summary>A name not yet in <paramref name="people"/>, which it joins.</summary>
    internal static string Distinct(HashSet<string> people, Random random)
    {
        var name = Person(random);
        while (!people.Add(name)) name = Person(random);
        return name;
    }

    internal static string Bare(string titled) => titled[..titled.IndexOf('（', StringComparison.Ordinal)];

    /// <summary>
    /// A synthetic enterprise of the county-level unit <paramref name="countyCode"/> (<paramref name="countyName"/>): a
    /// name, a unified social credit code with its check character, industry, economic type, <paramref name="employees"/>
    /// workers with women and union members, the union chair and the manager.
    /// </summary>
    internal static Generated NewEnterprise(Random random, string countyCode, string countyName, Func<Random, int> employees)
    {
        var industry = Pick(random, Industries.Select(i => (i, i.Weight)).ToArray());
        var word = industry.Words[random.Next(industry.Words.Length)];
        var place = random.Next(3) == 0 ? Short(countyName) : "盐城";
        if (place.Length > 2 && place.EndsWith('区')) place = place[..^1];
        var name = $"{place}{Brands[random.Next(Brands.Length)]}{word}{(random.Next(8) == 0 ? "股份" : "")}有限公司";
        var workers = employees(random);
        var women = (int)Math.Round(workers * Math.Clamp(industry.WomenPercent + random.Next(-10, 11), 5, 80) / 100.0);
        var members = (int)Math.Round(workers * (85 + random.Next(0, 15)) / 100.0);   // most workers join the enterprise union
        var code = "91" + countyCode + "MA" + string.Concat(Enumerable.Range(0, 7).Select(_ => CodeAlphabet[random.Next(CodeAlphabet.Length)]));
        var chair = Person(random);
        var manager = Person(random);
        while (manager == chair) manager = Person(random);                // nobody sits on both sides (Art 24)
        return new Generated(countyCode, name, code + Domain.CreditCode.CheckCharacter(code), industry.Industry, Pick(random, EconomicTypes), workers, women, members,
            chair + "（工会主席）", manager + "（总经理）");
    }

    internal const string CodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Replaces each enterprise whose name or credit code came up before by a new one of its county from <paramref name="again"/>, keeping its people.</summary>
    internal static void EnsureUnique(List<Generated> generated, Func<string, Generated> again)
    {
        var names = new HashSet<string>();
        var codes = new HashSet<string>();
        for (var i = 0; i < generated.Count; i++)
        {
            var g = generated[i];
            while (!names.Add(g.Name) || !codes.Add(g.CreditCode))
            {
                names.Remove(g.Name);
                g = again(g.CountyCode) with { Chair = g.Chair, Manager = g.Manager };
            }
            generated[i] = g;
        }
    }

    internal static byte[] Csv(IEnumerable<Generated> rows)
    {
        var text = new StringBuilder(string.Join(",", EnterpriseFile.Columns.Append(EnterpriseFile.UnionMembersColumn))).Append('\n');
        foreach (var g in rows)
            text.Append(CultureInfo.InvariantCulture, $"{g.Name},{g.CreditCode},{g.Industry},{g.EconomicType},{g.Employees},{g.Women},{g.Name}工会委员会,{Bare(g.Chair)},{g.Members}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    internal static string Person(Random random) => Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)];

    internal static string Short(string union) => union.Replace("总工会", "", StringComparison.Ordinal).Replace("经济技术开发区", "经开区", StringComparison.Ordinal)
        .Replace("高新技术产业开发区", "高新区", StringComparison.Ordinal);

    internal static T Pick<T>(Random random, (T Item, int Weight)[] weighted)
    {
        var roll = random.Next(weighted.Sum(w => w.Weight));
        foreach (var (item, weight) in weighted)
        {
            if (roll < weight) return item;
            roll -= weight;
        }
        return weighted[^1].Item;
    }
}
