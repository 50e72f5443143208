namespace Bargaining.Domain;

/// <summary>
/// The filing number (备案编号) a labour-administration department gives a collective contract when it receives it
/// (Art 42–43): its abbreviation, the year in 六角括号 and a sequence per department and year, e.g.
/// 亭人社集备〔2026〕第0012号. The only place the format is written.
/// </summary>
public static class ContractNumbers
{
    /// <summary>Digits of the sequence, zero-padded.</summary>
    public const int SequenceDigits = 4;

    /// <summary>The number for <paramref name="sequence"/> of <paramref name="year"/> at the department abbreviated <paramref name="abbreviation"/>.</summary>
    public static string Format(string abbreviation, int year, int sequence) =>
        $"{Prefix(abbreviation, year)}第{sequence.ToString(new string('0', SequenceDigits), System.Globalization.CultureInfo.InvariantCulture)}号";

    /// <summary>What every number of a department's year begins with, e.g. 亭人社集备〔2026〕: the sequence runs per prefix.</summary>
    public static string Prefix(string abbreviation, int year) => $"{abbreviation}〔{year}〕";
}
