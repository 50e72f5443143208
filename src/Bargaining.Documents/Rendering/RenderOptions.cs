using System.Security.Cryptography.X509Certificates;

namespace Bargaining.Documents.Rendering;

/// <summary>What to add to a document beyond its text: the verification mark and a digital signature.</summary>
public sealed record RenderOptions
{
    /// <summary>Plain rendering.</summary>
    public static RenderOptions None { get; } = new();

    /// <summary>The verification mark of a registered contract; null for none.</summary>
    public VerificationMark? Verification { get; init; }

    /// <summary>Sign the PDF with an X.509 certificate; null to leave it unsigned.</summary>
    public PdfSignatureOptions? Signature { get; init; }
}

/// <summary>
/// The mark that lets a printed contract be checked against the registered one: its verification code in every
/// page's footer, and at the end a block with a QR code and the code in large type. The mark is not part of the
/// contract's text, so it does not change the code it prints.
/// </summary>
/// <param name="Code">The verification code, e.g. 7KQ2-M9XD-4HTB.</param>
/// <param name="QrPayload">What the QR code holds, e.g. a verification URL with the code.</param>
public sealed record VerificationMark(string Code, string QrPayload)
{
    /// <summary>The label before the code, in the footer and the block; the verifier finds the code after it.</summary>
    public const string Label = "合同验证码：";

    /// <summary>The sentence beside the QR code.</summary>
    public string Note { get; init; } =
        "本合同文本已登记。扫描左侧二维码，或在集体合同管理系统中输入验证码，可核验本文本是否与登记文本一致。";
}

/// <summary>How to sign a PDF (adbe.pkcs7.detached, SHA-256), e.g. with the union's or the system's certificate.</summary>
public sealed record PdfSignatureOptions
{
    /// <summary>The certificate, with its private key.</summary>
    public required X509Certificate2 Certificate { get; init; }

    /// <summary>Why it is signed, e.g. 集体合同登记文本.</summary>
    public string? Reason { get; init; }

    /// <summary>Where it is signed, e.g. 盐城市.</summary>
    public string? Location { get; init; }

    /// <summary>Whom to contact about the signature.</summary>
    public string? ContactInfo { get; init; }

    /// <summary>An RFC 3161 timestamp server; null for none (the signing time is then the signer's clock).</summary>
    public Uri? TimestampServer { get; init; }
}
