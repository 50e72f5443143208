using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using System.Text.RegularExpressions;

namespace Bargaining.Documents.Verification;

/// <summary>The state of a PDF's digital signature.</summary>
public enum SignatureState
{
    /// <summary>The file carries no signature.</summary>
    Unsigned,

    /// <summary>The signature is intact and covers the whole file: not one byte changed since signing.</summary>
    Valid,

    /// <summary>The signature does not match the signed bytes, or bytes were added after signing.</summary>
    Broken,
}

/// <summary>What the signature check found.</summary>
/// <param name="State">Unsigned, valid or broken.</param>
/// <param name="Signer">The signing certificate's subject, when signed.</param>
/// <param name="Problem">Why it is broken.</param>
public sealed record SignatureCheck(SignatureState State, string? Signer = null, string? Problem = null);

/// <summary>
/// Checks the last adbe.pkcs7.detached signature of a PDF: the bytes named by /ByteRange must be the whole file
/// except the signature's own /Contents, and the PKCS #7 signature must verify over them. The certificate's trust
/// (its issuer) is not judged here.
/// </summary>
public static partial class PdfSignatureCheck
{
    /// <summary>Checks <paramref name="pdf"/>, the complete bytes of the file.</summary>
    public static SignatureCheck Check(ReadOnlySpan<byte> pdf)
    {
        var latin1 = Encoding.Latin1.GetString(pdf);
        var ranges = ByteRange().Matches(latin1);
        if (ranges.Count == 0) return new SignatureCheck(SignatureState.Unsigned);
        var range = ranges[^1];
        var (start1, length1, start2, length2) = (Int(range, 1), Int(range, 2), Int(range, 3), Int(range, 4));
        if (start1 != 0 || start2 + length2 != pdf.Length || length1 > start2 || start2 > pdf.Length)
            return new SignatureCheck(SignatureState.Broken, Problem: "签名未覆盖整个文件：签名后文件被增加或改动");
        var hex = latin1[length1..start2].Trim('<', '>', ' ', '\r', '\n');
        byte[] signature;
        try
        {
            signature = Der(Convert.FromHexString(hex));
        }
        catch (FormatException)
        {
            return new SignatureCheck(SignatureState.Broken, Problem: "签名数据（/Contents）格式无效");
        }
        var signed = new byte[length1 + length2];
        pdf[..length1].CopyTo(signed);
        pdf.Slice(start2, length2).CopyTo(signed.AsSpan(length1));
        var cms = new SignedCms(new ContentInfo(signed), detached: true);
        try
        {
            cms.Decode(signature);
            cms.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return new SignatureCheck(SignatureState.Broken, cms.SignerInfos.Count > 0 ? cms.SignerInfos[0].Certificate?.Subject : null,
                "签名校验失败：签名与文件内容不符，或签名数据已损坏");
        }
        return new SignatureCheck(SignatureState.Valid, cms.SignerInfos[0].Certificate?.Subject);
    }

    private static int Int(Match match, int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    /// <summary>The DER object at the start of the zero-padded /Contents.</summary>
    private static byte[] Der(byte[] padded)
    {
        if (padded.Length < 2 || padded[0] != 0x30) return padded;
        int length, header;
        if (padded[1] < 0x80) (length, header) = (padded[1], 2);
        else
        {
            var count = padded[1] & 0x7F;
            length = 0;
            for (var i = 0; i < count; i++) length = length << 8 | padded[2 + i];
            header = 2 + count;
        }
        return padded[..Math.Min(padded.Length, header + length)];
    }

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRange();
}
