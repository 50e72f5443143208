namespace Bargaining.Rules;

/// <summary>
/// The term of a collective contract, 《集体合同规定》 Art 38: one to three years. A term of N months runs from its first
/// day to the day before the same date N months later (《民法典》 Art 202), so 1 April 2026 – 31 March 2029 is 36 months.
/// </summary>
public static class ContractTermRule
{
    /// <summary>The shortest term: one year (Art 38).</summary>
    public const int MinimumMonths = 12;

    /// <summary>The longest term: three years (Art 38).</summary>
    public const int MaximumMonths = 36;

    /// <summary>What is wrong with a term from <paramref name="startsOn"/> to <paramref name="endsOn"/> (both included); null when it may stand.</summary>
    public static RuleBreach? Check(DateOnly startsOn, DateOnly endsOn)
    {
        if (endsOn < startsOn)
            return new("term.order", $"合同期限的终止日期（{endsOn:yyyy-MM-dd}）不能早于起始日期（{startsOn:yyyy-MM-dd}）");
        var shortest = LastDay(startsOn, MinimumMonths);
        var longest = LastDay(startsOn, MaximumMonths);
        if (endsOn < shortest)
            return new("term.too-short", $"集体合同期限为一至三年，自{startsOn:yyyy年M月d日}起最短至{shortest:yyyy年M月d日}止（《集体合同规定》第三十八条）");
        if (endsOn > longest)
            return new("term.too-long", $"集体合同期限为一至三年，自{startsOn:yyyy年M月d日}起最长至{longest:yyyy年M月d日}止（《集体合同规定》第三十八条）");
        return null;
    }

    /// <summary>
    /// A collective contract states its term (Art 38): what <paramref name="document"/> (the contract to be signed, the
    /// contract filed) lacks while no term is agreed, as <paramref name="code"/>; null once it is.
    /// </summary>
    public static RuleBreach? Unagreed(DateOnly? startsOn, string code, string document) => startsOn is null
        ? new(code, $"{document}应当载明合同期限，请先约定合同的起止日期（《集体合同规定》第三十八条）")
        : null;

    /// <summary>
    /// The term a form suggests for a contract of <paramref name="kind"/> agreed around <paramref name="today"/>: from the
    /// next month's first day, one year for a wage agreement (wage bargaining is held once a year as a rule,
    /// 《工资集体协商试行办法》), three years otherwise (Art 38).
    /// </summary>
    public static (DateOnly StartsOn, DateOnly EndsOn) Suggested(Domain.RoundKind kind, DateOnly today)
    {
        var startsOn = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        return (startsOn, LastDay(startsOn, kind == Domain.RoundKind.Wage ? MinimumMonths : MaximumMonths));
    }

    /// <summary>The last day of a term of <paramref name="months"/> months from <paramref name="startsOn"/>.</summary>
    public static DateOnly LastDay(DateOnly startsOn, int months) => startsOn.AddMonths(months).AddDays(-1);
}
