namespace Bargaining.Domain;

/// <summary>
/// The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a 31-character alphabet
/// (no I, O, S, V, Z), the last a check character computed from the first 17 with weights 3^i mod 31.
/// </summary>
public static class CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Null when the code is valid, otherwise the reason in Chinese.</summary>
    public static string? Problem(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return "统一社会信用代码不能为空";
        if (code.Length != 18) return $"统一社会信用代码应为18位，实为{code.Length}位";
        for (var i = 0; i < 18; i++)
            if (!Alphabet.Contains(code[i]))
                return $"统一社会信用代码第{i + 1}位“{code[i]}”不是有效字符（只用数字和除I、O、S、V、Z外的大写字母）";
        var expected = CheckCharacter(code.AsSpan(0, 17));
        return code[17] == expected ? null : $"统一社会信用代码校验位错误：第18位应为“{expected}”，实为“{code[17]}”（GB 32100-2015）";
    }

    /// <summary>True when the code is valid: what <see cref="Problem"/> checks, without composing a message (the quality report checks every enterprise's).</summary>
    public static bool IsValid(string? code)
    {
        if (code is not { Length: 18 }) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(code[i]);
            if (value < 0) return false;
            sum += value * Weights[i];
        }
        return code[17] == Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>The check character for the first 17 characters.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }
}
