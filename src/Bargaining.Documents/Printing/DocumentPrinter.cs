using Bargaining.Documents.Data;
using Bargaining.Documents.Fonts;
using Bargaining.Documents.Layout;
using Bargaining.Documents.Model;
using Bargaining.Documents.Rendering;
using Bargaining.Documents.Templates;
using Bargaining.Documents.Verification;

namespace Bargaining.Documents.Printing;

/// <summary>How registered contracts are marked and signed.</summary>
public sealed record PrintOptions
{
    /// <summary>
    /// The address the QR code opens, with <c>{code}</c> standing for the verification code, e.g.
    /// https://jc.example.cn/verify/{code}. When null the QR code holds the code and the full SHA-256.
    /// </summary>
    public string? VerificationUrl { get; init; }

    /// <summary>Sign every registered contract with this certificate; null to leave them unsigned.</summary>
    public PdfSignatureOptions? Signature { get; init; }

    /// <summary>The page style of contracts; the ordinary contract style by default.</summary>
    public DocumentStyle ContractStyle { get; init; } = DocumentStyle.Contract;
}

/// <summary>A contract printed for registration, or refused because a character cannot be printed.</summary>
/// <param name="ContractNumber">The contract number, once filed.</param>
/// <param name="Title">The contract's title as printed.</param>
/// <param name="Fingerprint">The canonical text, hash and verification code to register.</param>
/// <param name="PageCount">The pages written; 0 when refused.</param>
/// <param name="MissingCharacters">Characters no installed font has; when any, nothing was written.</param>
public sealed record PrintedContract(string? ContractNumber, string Title, ContractFingerprint Fingerprint, int PageCount,
    IReadOnlyList<string> MissingCharacters)
{
    /// <summary>Whether the PDF was written.</summary>
    public bool Printed => MissingCharacters.Count == 0;

    /// <summary>The registry entry for this contract (register it only when <see cref="Printed"/>).</summary>
    public RegisteredContract Registration() =>
        new(Fingerprint.Code, Fingerprint.Sha256, ContractNumber, Title, Fingerprint.CanonicalText);
}

/// <summary>
/// Prints every document of a bargaining round from its template: letters and forms plainly, the final contract
/// with its verification mark (and a digital signature when a certificate is configured). Safe to use from several
/// threads.
/// </summary>
public sealed class DocumentPrinter
{
    private readonly TemplateSet templates;
    private readonly ChineseFonts fonts;
    private readonly PrintOptions options;
    private readonly DocumentRenderer letters;
    private readonly DocumentRenderer contracts;

    /// <param name="templates">The loaded templates.</param>
    /// <param name="fonts">The located faces.</param>
    /// <param name="options">Marking and signing; none by default.</param>
    public DocumentPrinter(TemplateSet templates, ChineseFonts fonts, PrintOptions? options = null)
    {
        this.templates = templates;
        this.fonts = fonts;
        this.options = options ?? new PrintOptions();
        contracts = new DocumentRenderer(fonts, this.options.ContractStyle);
        // A letter or form has no running header: its title is on its only page or two.
        letters = new DocumentRenderer(fonts, this.options.ContractStyle with { RunningHeader = false });
    }

    /// <summary>The templates in use.</summary>
    public TemplateSet Templates => templates;

    /// <summary>要约书.</summary>
    public RenderResult PrintOfferLetter(OfferLetterData data, Stream output) => letters.Render(templates.OfferLetter.Render(data), output);

    /// <summary>回应书.</summary>
    public RenderResult PrintResponse(ResponseData data, Stream output) => letters.Render(templates.Response.Render(data), output);

    /// <summary>协商会议记录.</summary>
    public RenderResult PrintMeetingMinutes(MeetingMinutesData data, Stream output) => letters.Render(templates.MeetingMinutes.Render(data), output);

    /// <summary>职代会决议.</summary>
    public RenderResult PrintCongressResolution(CongressResolutionData data, Stream output) => letters.Render(templates.CongressResolution.Render(data), output);

    /// <summary>集体合同审查申报表.</summary>
    public RenderResult PrintFilingForm(ContractData data, Stream output) => letters.Render(templates.FilingForm.Render(data), output);

    /// <summary>履约情况报告.</summary>
    public RenderResult PrintPerformanceReport(PerformanceReportData data, Stream output) => letters.Render(templates.PerformanceReport.Render(data), output);

    /// <summary>履约争议记录.</summary>
    public RenderResult PrintPerformanceDispute(PerformanceDisputeData data, Stream output) => letters.Render(templates.PerformanceDispute.Render(data), output);
    /// <summary>集体合同解除（终止）告知书.</summary>
    public RenderResult PrintTerminationNotice(TerminationNoticeData data, Stream output) => letters.Render(templates.TerminationNotice.Render(data), output);

    /// <summary>A draft of the contract for the congress or for signing: no verification mark, no signature.</summary>
    public RenderResult PrintDraftContract(ContractData data, Stream output) => contracts.Render(ContractDocument(data), output);

    /// <summary>The contract's document, from its kind's template.</summary>
    public Document ContractDocument(ContractData data) => templates.Contract(data.Kind).Render(data);

    /// <summary>
    /// The registered copy: the contract with its verification code in every footer and the QR block at the end,
    /// signed when a certificate is configured. Refused, with nothing written, when a character cannot be printed,
    /// since the printed text would then not be the registered one.
    /// </summary>
    public PrintedContract PrintContract(ContractData data, Stream output) => PrintRegistered(ContractDocument(data), data.Number, output);

    /// <summary>The registered change agreement (变更协议, Art 39–41), marked and signed as a contract is.</summary>
    public PrintedContract PrintChangeAgreement(ChangeAgreementData data, Stream output) => PrintRegistered(templates.ChangeAgreement.Render(data), data.Number, output);

    /// <summary>条款对照表: a printable annex comparing two versions of a contract.</summary>
    public RenderResult PrintRedline(RedlineData data, Stream output) => letters.Render(templates.Redline.Render(data), output);

    private PrintedContract PrintRegistered(Document document, string? number, Stream output)
    {
        var fingerprint = ContractFingerprint.Of(document);
        var missing = fingerprint.CanonicalText.EnumerateRunes().Where(r => !fonts.CanRender(r))
            .Select(r => r.ToString()).Distinct().ToList();
        if (missing.Count > 0) return new PrintedContract(number, document.Title, fingerprint, 0, missing);
        var payload = options.VerificationUrl?.Replace("{code}", fingerprint.Code, StringComparison.Ordinal)
                      ?? $"{fingerprint.Code} sha256:{fingerprint.Sha256}";
        var result = contracts.Render(document, output, new RenderOptions
        {
            Verification = new VerificationMark(fingerprint.Code, payload),
            Signature = options.Signature,
        });
        return new PrintedContract(number, document.Title, fingerprint, result.PageCount, result.MissingCharacters);
    }
}
