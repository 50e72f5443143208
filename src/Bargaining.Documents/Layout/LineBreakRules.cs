using System.Collections.Frozen;
using System.Text;

namespace Bargaining.Documents.Layout;

/// <summary>
/// Where a line of Chinese text may break (GB/T 15834-2011 punctuation usage; W3C clreq): never before a closing
/// mark, never after an opening mark, never inside —— or ……, never between a number and its unit, never inside a
/// Latin word or number. Anywhere else between two characters is allowed.
/// </summary>
internal static class LineBreakRules
{
    /// <summary>Marks that may not start a line.</summary>
    public const string Closing = "、，。．：；！？）］｝〕〉》」』】〗〙〞’”｠»％‰℃°·・…‥,.:;!?)]}%";

    /// <summary>Marks that may not end a line.</summary>
    public const string Opening = "（［｛〔〈《「『【〖〘〝‘“｟«([{￥¥＄$";

    /// <summary>Marks written doubled that must stay on one line: 破折号 —— and 省略号 …….</summary>
    private const string Doubled = "—―…⋯";

    private static readonly FrozenSet<int> ClosingSet = CodePoints(Closing);
    private static readonly FrozenSet<int> OpeningSet = CodePoints(Opening);
    private static readonly FrozenSet<int> DoubledSet = CodePoints(Doubled);

    // Units that follow a number in contracts; longest first so 小时 wins over 小. Kept with the number: 8小时, 500元.
    private static readonly string[] Units =
    [
        "个工作日", "工作日", "个月", "小时", "分钟", "周岁", "公里", "公斤", "千克", "平方米", "立方米", "万元", "亿元",
        "年", "月", "日", "时", "分", "秒", "天", "周", "岁", "元", "角", "人", "名", "次", "个", "倍", "度", "米", "万",
        "亿", "千", "号", "条", "款", "项", "份", "届", "期", "级", "档", "％", "‰", "℃",
    ];

    /// <summary>
    /// For each position i in <paramref name="text"/> (one entry per rune), whether a line may break before it.
    /// Position 0 is always false.
    /// </summary>
    public static bool[] BreakOpportunities(IReadOnlyList<Rune> text)
    {
        var allowed = new bool[text.Count];
        for (var i = 1; i < text.Count; i++) allowed[i] = MayBreakBetween(text[i - 1], text[i]);
        KeepNumbersWithUnits(text, allowed);
        return allowed;
    }

    /// <summary>Latin letters, digits and the punctuation inside numbers and words (3.5%, 2026-05-01, 4%–9%).</summary>
    public static bool IsLatin(Rune c) =>
        c.Value is > ' ' and < 0x7F or (>= 0xC0 and <= 0x24F) or 0x2013 or 0x2019
        || IsDigit(c) || c.Value is (>= 0xFF21 and <= 0xFF3A) or (>= 0xFF41 and <= 0xFF5A) or 0xFF5E;

    private static bool IsDigit(Rune c) => c.Value is (>= '0' and <= '9') or (>= 0xFF10 and <= 0xFF19);

    private static bool MayBreakBetween(Rune before, Rune after)
    {
        if (before.Value == ' ' || after.Value == ' ') return true;
        if (ClosingSet.Contains(after.Value)) return false;
        if (OpeningSet.Contains(before.Value)) return false;
        if (before == after && DoubledSet.Contains(before.Value)) return false;
        if (IsLatin(before) && IsLatin(after)) return false;
        // 第3条: the ordinal prefix stays with its number.
        if (before.Value == '第' && IsDigit(after)) return false;
        return true;
    }

    private static void KeepNumbersWithUnits(IReadOnlyList<Rune> text, bool[] allowed)
    {
        for (var i = 1; i < text.Count; i++)
        {
            if (!IsDigit(text[i - 1]) || IsDigit(text[i])) continue;
            foreach (var unit in Units)
            {
                if (!StartsWith(text, i, unit)) continue;
                var length = unit.EnumerateRunes().Count();
                for (var k = i; k < i + length; k++) allowed[k] = false;
                break;
            }
        }
    }

    private static FrozenSet<int> CodePoints(string marks) => marks.EnumerateRunes().Select(r => r.Value).ToFrozenSet();

    private static bool StartsWith(IReadOnlyList<Rune> text, int at, string unit)
    {
        var k = at;
        foreach (var rune in unit.EnumerateRunes())
        {
            if (k >= text.Count || text[k] != rune) return false;
            k++;
        }
        return true;
    }
}
