namespace Bargaining.Documents;

/// <summary>Writes whole numbers in Chinese numerals as contracts number their parts: 第一章, 第十二条, 第一百零一条.</summary>
public static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";
    private static readonly string[] Units = ["", "十", "百", "千"];

    /// <summary>Formats 1–9999: 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 101 → 一百零一, 1010 → 一千零一十.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number is outside 1–9999.</exception>
    public static string Format(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 9999);
        var text = new System.Text.StringBuilder();
        var pendingZero = false;
        for (var position = 3; position >= 0; position--)
        {
            var digit = number / (int)Math.Pow(10, position) % 10;
            if (digit == 0)
            {
                pendingZero = text.Length > 0;
                continue;
            }
            if (pendingZero) text.Append('零');
            pendingZero = false;
            // 十二 rather than 一十二 when the number starts in the tens; 一百一十 keeps the 一 (standard usage).
            if (!(digit == 1 && position == 1 && text.Length == 0)) text.Append(Digits[digit]);
            text.Append(Units[position]);
        }
        return text.ToString();
    }

    /// <summary>The heading of the <paramref name="number"/>th chapter: 第一章.</summary>
    public static string Chapter(int number) => $"第{Format(number)}章";

    /// <summary>The label of the <paramref name="number"/>th article: 第一条.</summary>
    public static string Article(int number) => $"第{Format(number)}条";
}
