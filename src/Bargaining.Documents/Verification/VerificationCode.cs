namespace Bargaining.Documents.Verification;

/// <summary>
/// The short code printed on a registered contract: 60 bits of its SHA-256 in Crockford's base 32 (digits and
/// capitals without I, L, O, U, so it reads aloud and types without confusion), as XXXX-XXXX-XXXX.
/// </summary>
public static class VerificationCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 12;

    /// <summary>The code of a SHA-256 hash.</summary>
    public static string FromHash(ReadOnlySpan<byte> hash)
    {
        ulong bits = 0;
        for (var i = 0; i < 8; i++) bits = bits << 8 | hash[i];
        var chars = new char[Length];
        for (var i = 0; i < Length; i++) chars[i] = Alphabet[(int)(bits >> (64 - 5 * (i + 1)) & 31)];
        return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}";
    }

    /// <summary>
    /// Reads a code as a person typed it: any case, with or without dashes and spaces, O for 0 and I or L for 1
    /// (Crockford's rules). False when it cannot be a code.
    /// </summary>
    public static bool TryNormalize(string? input, out string code)
    {
        code = "";
        if (input is null) return false;
        var chars = new List<char>(Length);
        foreach (var raw in input.Trim())
        {
            if (raw is '-' or ' ' or '　' or '－') continue;
            var c = char.ToUpperInvariant(raw) switch { 'O' => '0', 'I' or 'L' => '1', var other => other };
            if (!Alphabet.Contains(c)) return false;
            chars.Add(c);
        }
        if (chars.Count != Length) return false;
        code = $"{new string([.. chars[..4]])}-{new string([.. chars[4..8]])}-{new string([.. chars[8..]])}";
        return true;
    }
}
