using System.Text.RegularExpressions;
using Bargaining.Documents.Rendering;

namespace Bargaining.Documents.Verification;

/// <summary>What a verification concluded.</summary>
public enum VerificationOutcome
{
    /// <summary>The code is registered and, for a file, its text is the registered text (and its signature, if any, intact).</summary>
    Genuine,

    /// <summary>The input is not a verification code.</summary>
    MalformedCode,

    /// <summary>No contract is registered under the code.</summary>
    UnknownCode,

    /// <summary>The file carries no verification code: not a registered contract printed by this system.</summary>
    NoCode,

    /// <summary>The file carries a registered code, but its text, pages or signature differ from what was registered.</summary>
    Altered,

    /// <summary>The file is not a PDF that can be read.</summary>
    Unreadable,
}

/// <summary>The answer to "is this the registered contract?".</summary>
/// <param name="Outcome">The conclusion.</param>
/// <param name="Message">The conclusion in a sentence, naming what differs.</param>
/// <param name="Code">The code checked (typed, or read from the file).</param>
/// <param name="Contract">The registered contract the code names, when there is one.</param>
/// <param name="Signature">For a file: the state of its digital signature.</param>
public sealed record ContractVerification(VerificationOutcome Outcome, string Message, string? Code = null,
    RegisteredContract? Contract = null, SignatureCheck? Signature = null)
{
    /// <summary>Whether the code or file matches the registered contract.</summary>
    public bool IsGenuine => Outcome == VerificationOutcome.Genuine;
}

/// <summary>
/// Says whether a verification code, or a PDF file, matches a registered contract. For a file it reads the code
/// from every page's footer, recomputes the fingerprint from the text the file actually prints (not from the code)
/// and compares it with the registered hash; a signed file must also have its signature intact.
/// </summary>
/// <remarks>
/// The text check covers the contract's text (<see cref="ContractFingerprint"/>). The digital signature is what
/// protects the file as a whole, page furniture and all: sign the registered copy when the file itself must be
/// trusted.
/// </remarks>
public sealed partial class ContractVerifier(IContractRegistry registry)
{
    /// <summary>Looks up a code as a person typed it or scanned it from the QR code.</summary>
    public async Task<ContractVerification> VerifyCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        if (!VerificationCode.TryNormalize(Code().Match(code ?? "") is { Success: true } m ? m.Value : code, out var normal))
            return new(VerificationOutcome.MalformedCode, $"“{code}”不是合同验证码（验证码为12位字母和数字，形如 7KQ2-M9XD-4HTB）");
        var contract = await registry.FindAsync(normal, cancellationToken);
        return contract is null
            ? new(VerificationOutcome.UnknownCode, $"没有以验证码 {normal} 登记的集体合同", normal)
            : new(VerificationOutcome.Genuine, $"验证码 {normal} 对应已登记的{Name(contract)}", normal, contract);
    }

    /// <summary>Checks a PDF file.</summary>
    public async Task<ContractVerification> VerifyPdfAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(path);
        return await VerifyPdfAsync(file, cancellationToken);
    }

    /// <summary>Checks a PDF read from <paramref name="pdf"/>.</summary>
    public async Task<ContractVerification> VerifyPdfAsync(Stream pdf, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await pdf.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        IReadOnlyList<PdfText.Page> pages;
        try
        {
            pages = PdfText.Read(new MemoryStream(bytes, writable: false));
        }
        // PDFsharp reports a damaged file with whatever exception its parser meets; any of them means unreadable. Its
        // text (English, about the parser's state) says nothing to the holder of the file and is not passed on.
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            return new(VerificationOutcome.Unreadable, "该文件不是可读取的 PDF 文件（文件已损坏、不完整，或不是 PDF）");
        }

        var codes = pages.Select(p => Footer().Match(Squeeze(p.Furniture)) is { Success: true } m ? m.Groups[1].Value : null).ToList();
        var code = codes.FirstOrDefault(c => c is not null);
        if (code is null) return new(VerificationOutcome.NoCode, "该文件上没有合同验证码");
        var signature = PdfSignatureCheck.Check(bytes);
        if (Batch(codes) is { Count: > 1 } runs) return await VerifyBatchAsync(pages, runs, signature, cancellationToken);
        var contract = await registry.FindAsync(code, cancellationToken);
        if (contract is null) return new(VerificationOutcome.UnknownCode, $"文件上的验证码 {code} 没有对应的登记合同", code, Signature: signature);

        var stray = codes.Select((c, i) => (c, Page: i + 1)).FirstOrDefault(x => x.c != code);
        if (stray.Page > 0)
            return Altered($"第{stray.Page}页{(stray.c is null ? "没有验证码" : "的验证码为 " + stray.c)}，与 {code} 不符：页面被替换或增加");
        var printed = ContractFingerprint.FromPrintedText(string.Concat(pages.Select(p => p.Text)));
        if (printed.Sha256 != contract.Sha256)
            return Altered("文本与登记的合同不一致" + Difference(contract.CanonicalText, printed.CanonicalText));
        if (signature.State == SignatureState.Broken)
            return Altered("文本一致，但数字签名已失效：" + signature.Problem);
        return new(VerificationOutcome.Genuine,
            $"该文件与登记的{Name(contract)}一致" +
            (signature.State == SignatureState.Valid ? "，经数字签名，签名后未被改动" : ""), code, contract, signature);

        ContractVerification Altered(string message) => new(VerificationOutcome.Altered, message, code, contract, signature);
    }

    /// <summary>
    /// The runs of a merged batch (<see cref="Printing.BatchPrinter.PrintMergedAsync"/>): every page carries a code and
    /// each code fills one run of consecutive pages. Null when the file is not shaped so; a code that comes back after
    /// another (a page swapped in from elsewhere) is then caught as a single contract's stray page.
    /// </summary>
    private static List<(string Code, int First, int Count)>? Batch(List<string?> codes)
    {
        if (codes.Any(c => c is null)) return null;
        var runs = new List<(string Code, int First, int Count)>();
        for (var i = 0; i < codes.Count; i++)
        {
            if (runs.Count > 0 && runs[^1].Code == codes[i]) runs[^1] = runs[^1] with { Count = runs[^1].Count + 1 };
            else runs.Add((codes[i]!, i, 1));
        }
        return runs.Select(r => r.Code).Distinct().Count() == runs.Count ? runs : null;
    }

    /// <summary>Each contract of a merged batch checked on its own pages; the file is genuine when every one is.</summary>
    private async Task<ContractVerification> VerifyBatchAsync(IReadOnlyList<PdfText.Page> pages, List<(string Code, int First, int Count)> runs,
        SignatureCheck signature, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        foreach (var (code, first, count) in runs)
        {
            var at = $"第{first + 1}至{first + count}页";
            var contract = await registry.FindAsync(code, cancellationToken);
            if (contract is null) return new(VerificationOutcome.UnknownCode, $"{at}的验证码 {code} 没有对应的登记合同", code, Signature: signature);
            var printed = ContractFingerprint.FromPrintedText(string.Concat(pages.Skip(first).Take(count).Select(p => p.Text)));
            if (printed.Sha256 != contract.Sha256)
                return new(VerificationOutcome.Altered, $"{at}（{Name(contract)}）与登记的文本不一致" + Difference(contract.CanonicalText, printed.CanonicalText), code, contract, signature);
            names.Add(Name(contract));
        }
        return new(VerificationOutcome.Genuine, $"该文件合订了{runs.Count}份集体合同，每一份都与登记的文本一致：{string.Join("；", names)}", Signature: signature);
    }

    /// <summary>Where two canonical texts part, with a little context: 「…月工资不得低于2900元…」 registered, 「…3900元…」 in the file.</summary>
    private static string Difference(string? registered, string found)
    {
        if (registered is null) return "";
        var at = 0;
        while (at < registered.Length && at < found.Length && registered[at] == found[at]) at++;
        var start = Math.Max(0, at - 12);
        string Excerpt(string text) => text.Length <= start ? "（文末）" : "「…" + text[start..Math.Min(text.Length, at + 12)] + "…」";
        return $"：登记文本为{Excerpt(registered)}，文件中为{Excerpt(found)}";
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [GeneratedRegex(VerificationMark.Label + @"([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})")]
    private static partial Regex Footer();

    [GeneratedRegex(@"[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}")]
    private static partial Regex Code();

    private static string Name(RegisteredContract contract) =>
        contract.ContractNumber is { Length: > 0 } number ? $"{contract.Title}（{number}）" : contract.Title;
}
