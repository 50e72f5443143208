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
            return new(VerificationOutcome.MalformedCode, $"\"{code}\" is not a verification code (12 letters and digits, e.g. 7KQ2-M9XD-4HTB).");
        var contract = await registry.FindAsync(normal, cancellationToken);
        return contract is null
            ? new(VerificationOutcome.UnknownCode, $"No contract is registered under {normal}.", normal)
            : new(VerificationOutcome.Genuine, $"{normal} is contract {Name(contract)}.", normal, contract);
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
        // PDFsharp reports a damaged file with whatever exception its parser meets; any of them means unreadable.
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            return new(VerificationOutcome.Unreadable, "The file is not a readable PDF: " + e.Message);
        }

        var codes = pages.Select(p => Footer().Match(Squeeze(p.Furniture)) is { Success: true } m ? m.Groups[1].Value : null).ToList();
        var code = codes.FirstOrDefault(c => c is not null);
        if (code is null) return new(VerificationOutcome.NoCode, "The file carries no verification code.");
        var signature = PdfSignatureCheck.Check(bytes);
        var contract = await registry.FindAsync(code, cancellationToken);
        if (contract is null) return new(VerificationOutcome.UnknownCode, $"No contract is registered under {code}, the code the file carries.", code, Signature: signature);

        var stray = codes.Select((c, i) => (c, Page: i + 1)).FirstOrDefault(x => x.c != code);
        if (stray.Page > 0)
            return Altered($"Page {stray.Page} carries {(stray.c is null ? "no code" : "the code " + stray.c)}, not {code}: pages were swapped or added.");
        var printed = ContractFingerprint.FromPrintedText(string.Concat(pages.Select(p => p.Text)));
        if (printed.Sha256 != contract.Sha256)
            return Altered("The text differs from the registered contract" + Difference(contract.CanonicalText, printed.CanonicalText) + ".");
        if (signature.State == SignatureState.Broken)
            return Altered("The text matches, but the digital signature is broken: " + signature.Problem);
        return new(VerificationOutcome.Genuine,
            $"The file is contract {Name(contract)}, as registered" +
            (signature.State == SignatureState.Valid ? ", digitally signed and unchanged since." : "."), code, contract, signature);

        ContractVerification Altered(string message) => new(VerificationOutcome.Altered, message, code, contract, signature);
    }

    /// <summary>Where two canonical texts part, with a little context: 「…月工资不得低于2900元…」 registered, 「…3900元…」 in the file.</summary>
    private static string Difference(string? registered, string found)
    {
        if (registered is null) return "";
        var at = 0;
        while (at < registered.Length && at < found.Length && registered[at] == found[at]) at++;
        var start = Math.Max(0, at - 12);
        string Excerpt(string text) => text.Length <= start ? "(end)" : "「…" + text[start..Math.Min(text.Length, at + 12)] + "…」";
        return $": registered {Excerpt(registered)}, in the file {Excerpt(found)}";
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [GeneratedRegex(VerificationMark.Label + @"([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})")]
    private static partial Regex Footer();

    [GeneratedRegex(@"[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}")]
    private static partial Regex Code();

    private static string Name(RegisteredContract contract) =>
        contract.ContractNumber is { Length: > 0 } number ? $"{number}, {contract.Title}" : contract.Title;
}
