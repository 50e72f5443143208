using System.Globalization;
using System.Text.RegularExpressions;
using Bargaining.Features.Rounds.Table;

namespace Bargaining.Features.Implementation;

/// <summary>An obligation read from a clause: what, why (the clause and what was read from it) and by when.</summary>
public sealed record DerivedObligation(int? ClauseSequence, string Title, string Requirement, string Basis, DateOnly DueOn);

/// <summary>The high-temperature allowance a high-temperature contract states among its specific terms (每月N元, months From–To).</summary>
public sealed record HeatAllowance(decimal PerMonth, int FromMonth, int ToMonth);

/// <summary>The obligations read from a contract, and the clauses nothing could be read from (to be added by hand if they promise something).</summary>
public sealed record Derivation(IReadOnlyList<DerivedObligation> Obligations, IReadOnlyList<DraftClauseView> Unread);

/// <summary>
/// Reads a contract's agreed clauses into a checklist of obligations with due days (履约清单), each saying which
/// clause and which number or date it comes from. What it reads, in this order:
/// a seasonal allowance ("高温津贴每月300元，6月至9月发放": due on the last day of the season, each year of the term);
/// a pay rise ("工资增长6%", "百分之六": due on the day named, "自2027年5月1日起", or on the term's first day, and on
/// the same day each later year of the term); a minimum pay or another allowance ("企业最低工资每月2500元": as a rise);
/// working hours ("每日工作不超过8小时": due on the last day of each contract year); any other clause naming a date
/// ("于2027年12月31日前组织职工体检": due that day). A clause with none of these, but with its agreed number, is
/// checked at the start of each contract year; a clause without anything is left to be added by hand.
/// Years run as 《民法典》 Art 202 counts them: 29 February falls on 28 February in a common year.
/// </summary>
public static partial class ObligationDerivation
{
    private const string Numeral = "[0-9〇零一二三四五六七八九十百千两点.]+";

    /// <summary>The obligations of <paramref name="clauses"/> for the term <paramref name="starts"/>–<paramref name="ends"/>, by due day.</summary>
    public static Derivation Derive(IEnumerable<DraftClauseView> clauses, DateOnly starts, DateOnly ends, HeatAllowance? heat = null)
    {
        var obligations = new List<DerivedObligation>();
        if (heat is { } h)
        {
            var amount = $"每月{h.PerMonth.ToString(CultureInfo.InvariantCulture)}元";
            obligations.AddRange(Seasons(h.FromMonth, h.ToMonth, starts, starts, ends).Select(due =>
                new DerivedObligation(null, $"高温津贴{amount}（{due.Year}年{h.FromMonth}月至{h.ToMonth}月）", $"{h.FromMonth}月至{h.ToMonth}月发放高温津贴{amount}",
                    $"专项条款“高温津贴”：读取到“{amount}”“{h.FromMonth}月至{h.ToMonth}月”，每年{h.ToMonth}月底前检查当年发放情况", due)));
        }
        var unread = new List<DraftClauseView>();
        foreach (var clause in clauses.OrderBy(c => c.Sequence))
        {
            var read = Read(clause, starts, ends);
            if (read.Count == 0) unread.Add(clause); else obligations.AddRange(read);
        }
        return new Derivation([.. obligations.OrderBy(o => o.DueOn).ThenBy(o => o.ClauseSequence ?? 0)], unread);
    }

    private static List<DerivedObligation> Read(DraftClauseView clause, DateOnly starts, DateOnly ends)
    {
        var text = clause.Clause;
        var date = DateIn(text);
        var percent = PercentIn(text) ?? (clause.Unit == "%" && clause.Number is { } n ? (n, $"{n.ToString(CultureInfo.InvariantCulture)}%") : null);
        var money = MoneyIn(text);
        var season = SeasonIn(text);
        var hours = HoursIn(text);
        var source = $"第{clause.Sequence}条“{clause.Title}”";
        string Quoted(params string?[] pieces) => string.Join("", pieces.Where(p => p is not null).Select(p => $"“{p}”"));

        if (season is { } s && Allowance.IsMatch(text))
        {
            var label = AllowanceLabel(text) + (money is { } m ? m.Text : "");
            return [.. Seasons(s.From, s.To, date?.Date ?? starts, starts, ends).Select(due =>
                new DerivedObligation(clause.Sequence, $"{label}（{due.Year}年{s.From}月至{s.To}月）", text,
                    $"{source}：读取到{Quoted(money?.Text, s.Text, date?.Text)}，每年{s.To}月底前检查当年发放情况", due))];
        }
        if (percent is { } p && Rise.IsMatch(text))
            return Yearly(clause, $"工资增长{p.Text}", date, starts, ends, $"{source}：读取到{Quoted(p.Text, date?.Text)}");
        if (money is { } pay && text.Contains("最低工资", StringComparison.Ordinal))
            return Yearly(clause, $"最低工资{pay.Text}", date, starts, ends, $"{source}：读取到{Quoted(pay.Text, date?.Text)}");
        if (money is { } amount && Allowance.IsMatch(text))
            return Yearly(clause, AllowanceLabel(text) + amount.Text, date, starts, ends, $"{source}：读取到{Quoted(amount.Text, date?.Text)}");
        if (hours is { } h && text.Contains("工作", StringComparison.Ordinal))
            return [.. ContractYears(starts, ends).Select((due, k) => new DerivedObligation(clause.Sequence, $"工作时间{h}（第{k + 1}个合同年度）", text,
                $"{source}：读取到{Quoted(h)}，每个合同年度末检查一次", due))];
        if (date is { } d)
            return [new DerivedObligation(clause.Sequence, clause.Title, text, $"{source}：读取到{Quoted(d.Text)}", d.Date)];
        if (clause.Number is { } number && !string.IsNullOrWhiteSpace(clause.Unit))
        {
            var value = $"{number.ToString(CultureInfo.InvariantCulture)}{clause.Unit}";
            return Yearly(clause, $"{clause.Title}{value}", null, starts, ends, $"{source}：约定数值{Quoted(value)}");
        }
        return [];
    }

    /// <summary>Due on <paramref name="date"/> (or the term's first day) and on the same day of each later year of the term.</summary>
    private static List<DerivedObligation> Yearly(DraftClauseView clause, string label, (DateOnly Date, string Text)? date, DateOnly starts, DateOnly ends, string basis)
    {
        var first = date?.Date ?? starts;
        var dues = new List<DateOnly> { first };
        for (var k = 1; first.AddYears(k) <= ends; k++) dues.Add(first.AddYears(k));
        var yearly = dues.Count > 1;
        return [.. dues.Select(due => new DerivedObligation(clause.Sequence, yearly ? $"{label}（{due.Year}年度）" : label, clause.Clause,
            yearly ? $"{basis}，合同期内每年{due.Month}月{due.Day}日起检查一次" : $"{basis}，{due.Month}月{due.Day}日起检查", due))];
    }

    /// <summary>The last day of each contract year (the day before each anniversary), the last one cut at the term's end.</summary>
    private static IEnumerable<DateOnly> ContractYears(DateOnly starts, DateOnly ends)
    {
        for (var k = 0; starts.AddYears(k) <= ends; k++)
        {
            var last = starts.AddYears(k + 1).AddDays(-1);
            yield return last < ends ? last : ends;
        }
    }

    /// <summary>The last day of each season (months <paramref name="from"/>–<paramref name="to"/>) that overlaps the term and ends on or after <paramref name="notBefore"/>.</summary>
    private static IEnumerable<DateOnly> Seasons(int from, int to, DateOnly notBefore, DateOnly starts, DateOnly ends)
    {
        for (var year = starts.Year; year <= ends.Year; year++)
        {
            var seasonStarts = new DateOnly(year, from, 1);
            var seasonEnds = new DateOnly(year, to, DateTime.DaysInMonth(year, to));
            if (seasonEnds < starts || seasonStarts > ends || seasonEnds < notBefore) continue;
            yield return seasonEnds < ends ? seasonEnds : ends;
        }
    }

    private static (DateOnly Date, string Text)? DateIn(string text)
    {
        var m = DatePattern().Match(text);
        if (!m.Success) return null;
        var year = m.Groups["y"].Value;
        int? y = year.All(char.IsAsciiDigit) ? int.Parse(year, CultureInfo.InvariantCulture)
            : year.All(c => Digits.Contains(c)) ? int.Parse(string.Concat(year.Select(c => (char)('0' + Digits.IndexOf(c) % 10))), CultureInfo.InvariantCulture) : null;
        var month = (int?)Number(m.Groups["m"].Value);
        var day = (int?)Number(m.Groups["d"].Value);
        if (y is not { } yy || month is not (>= 1 and <= 12) || day is not { } dd || dd < 1 || dd > DateTime.DaysInMonth(yy, month.Value)) return null;
        return (new DateOnly(yy, month.Value, dd), m.Value);
    }

    private static (decimal Value, string Text)? PercentIn(string text)
    {
        var m = PercentPattern().Match(text);
        if (m.Success && Number(m.Groups["n"].Value) is { } n) return (n, $"{n.ToString(CultureInfo.InvariantCulture)}%");
        m = ChinesePercentPattern().Match(text);
        return m.Success && Number(m.Groups["n"].Value) is { } c ? (c, $"{c.ToString(CultureInfo.InvariantCulture)}%") : null;
    }

    private static (decimal Value, string Text)? MoneyIn(string text)
    {
        var m = MoneyPattern().Match(text);
        if (!m.Success || Number(m.Groups["n"].Value) is not { } amount) return null;
        var per = m.Groups["per"].Success ? m.Groups["per"].Value : m.Groups["per2"].Success ? m.Groups["per2"].Value : null;
        var period = per switch { "月" => "每月", "天" or "日" => "每天", "小时" => "每小时", "年" => "每年", _ => "" };
        return (amount, $"{period}{amount.ToString(CultureInfo.InvariantCulture)}元");
    }

    private static (int From, int To, string Text)? SeasonIn(string text)
    {
        var m = SeasonPattern().Match(text);
        if (!m.Success || Number(m.Groups["a"].Value) is not { } a || Number(m.Groups["b"].Value) is not { } b) return null;
        return a is >= 1 and <= 12 && b is >= 1 and <= 12 && a <= b ? ((int)a, (int)b, m.Value) : null;
    }

    private static string? HoursIn(string text)
    {
        var m = HoursPattern().Match(text);
        return m.Success && Number(m.Groups["n"].Value) is { } n ? $"{m.Groups["per"].Value}不超过{n.ToString(CultureInfo.InvariantCulture)}小时" : null;
    }

    private static string AllowanceLabel(string text) => AllowanceName().Match(text) is { Success: true } m ? m.Value : "津贴补贴";

    private const string Digits = "0123456789〇一二三四五六七八九";

    /// <summary>An Arabic or Chinese number (六, 十二, 三百, 二千五百, 六点五); null when it is neither.</summary>
    public static decimal? Number(string text)
    {
        text = text.Trim();
        if (text.Length == 0) return null;
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var arabic)) return arabic;
        var point = text.IndexOf('点');
        if (point >= 0)
        {
            var whole = Number(text[..point]);
            var fraction = text[(point + 1)..];
            if (whole is null || fraction.Length == 0 || fraction.Any(c => Value(c) is null)) return null;
            return decimal.Parse($"{whole}.{string.Concat(fraction.Select(c => Value(c)))}", CultureInfo.InvariantCulture);
        }
        decimal total = 0, current = 0;
        foreach (var c in text)
        {
            if (Value(c) is { } digit) current = digit;
            else if (c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 } is var unit and > 0)
            {
                total += (current == 0 ? 1 : current) * unit;
                current = 0;
            }
            else return null;
        }
        return total + current;
    }

    private static int? Value(char c) => c switch
    {
        '〇' or '零' => 0, '一' => 1, '二' or '两' => 2, '三' => 3, '四' => 4, '五' => 5, '六' => 6, '七' => 7, '八' => 8, '九' => 9,
        >= '0' and <= '9' => c - '0',
        _ => null,
    };

    private static readonly Regex Rise = RisePattern();
    private static readonly Regex Allowance = AllowancePattern();

    [GeneratedRegex("(?:自|从|于)?(?<y>[0-9]{4}|[〇零一二三四五六七八九]{4})年(?<m>[0-9一二三四五六七八九十]{1,3})月(?<d>[0-9一二三四五六七八九十]{1,3})日(?:起|前|之前|以前|开始)?")]
    private static partial Regex DatePattern();

    [GeneratedRegex("(?<n>[0-9]+(?:\\.[0-9]+)?)\\s*[%％]")]
    private static partial Regex PercentPattern();

    [GeneratedRegex("百分之(?<n>[〇零一二三四五六七八九十点]+)")]
    private static partial Regex ChinesePercentPattern();

    [GeneratedRegex("(?:每(?<per>月|天|日|小时|年)(?:不低于|不少于|为|按)?)?(?<n>" + Numeral + ")\\s*元(?:\\s*/\\s*(?<per2>月|天|日|小时|年))?")]
    private static partial Regex MoneyPattern();

    [GeneratedRegex("(?<a>[0-9]{1,2}|[一二三四五六七八九十]{1,2})月?\\s*(?:至|到|—|－|-|～|~)\\s*(?<b>[0-9]{1,2}|[一二三四五六七八九十]{1,3})月")]
    private static partial Regex SeasonPattern();

    [GeneratedRegex("(?<per>每日|每天|每周|日|周)[^0-9一二三四五六七八九十。；]{0,8}?(?<n>[0-9]{1,2}|[一二三四五六七八九十]{1,3})\\s*(?:个)?小时")]
    private static partial Regex HoursPattern();

    [GeneratedRegex("增长|增幅|上调|提高|上涨|调增")]
    private static partial Regex RisePattern();

    [GeneratedRegex("津贴|补贴|补助|防暑降温费")]
    private static partial Regex AllowancePattern();

    [GeneratedRegex("(?:高温|夜班|中夜班|交通|餐费|伙食|住房|岗位|通讯|取暖)(?:津贴|补贴|补助)|防暑降温费")]
    private static partial Regex AllowanceName();
}
