using Bargaining.Documents.Data;

namespace Bargaining.Documents.Templates;

/// <summary>The templates of every document of a bargaining round, loaded and checked together from one folder.</summary>
public sealed class TemplateSet
{
    /// <summary>The file of each contract kind's template.</summary>
    public static IReadOnlyDictionary<ContractKind, string> ContractFiles { get; } = new Dictionary<ContractKind, string>
    {
        [ContractKind.Comprehensive] = "contract-comprehensive.md",
        [ContractKind.Wage] = "contract-wage.md",
        [ContractKind.WomenWorkers] = "contract-women-workers.md",
        [ContractKind.SafetyAndHealth] = "contract-safety-and-health.md",
        [ContractKind.HighTemperature] = "contract-high-temperature.md",
        [ContractKind.Industry] = "contract-industry.md",
        [ContractKind.Regional] = "contract-regional.md",
    };

    private readonly IReadOnlyDictionary<ContractKind, DocumentTemplate<ContractData>> contracts;

    private TemplateSet(DocumentTemplate<OfferLetterData> offerLetter, DocumentTemplate<ResponseData> response,
        DocumentTemplate<MeetingMinutesData> meetingMinutes, DocumentTemplate<CongressResolutionData> congressResolution,
        DocumentTemplate<ContractData> filingForm, DocumentTemplate<TerminationNoticeData> terminationNotice, IReadOnlyDictionary<ContractKind, DocumentTemplate<ContractData>> contracts,
        DocumentTemplate<ChangeAgreementData> changeAgreement, DocumentTemplate<RedlineData> redline)
    {
        TerminationNotice = terminationNotice;
        ChangeAgreement = changeAgreement;
        Redline = redline;
        OfferLetter = offerLetter;
        Response = response;
        MeetingMinutes = meetingMinutes;
        CongressResolution = congressResolution;
        FilingForm = filingForm;
        this.contracts = contracts;
    }

    /// <summary>要约书 (offer-letter.md).</summary>
    public DocumentTemplate<OfferLetterData> OfferLetter { get; }

    /// <summary>回应书 (response.md).</summary>
    public DocumentTemplate<ResponseData> Response { get; }

    /// <summary>协商会议记录 (meeting-minutes.md).</summary>
    public DocumentTemplate<MeetingMinutesData> MeetingMinutes { get; }

    /// <summary>职代会决议 (congress-resolution.md).</summary>
    public DocumentTemplate<CongressResolutionData> CongressResolution { get; }

    /// <summary>集体合同审查申报表 (filing-form.md), filled from the contract's data.</summary>
    public DocumentTemplate<ContractData> FilingForm { get; }

    /// <summary>履约情况报告 (performance-report.md), the annual report to the workers' congress.</summary>
    public DocumentTemplate<PerformanceReportData> PerformanceReport { get; private init; } = null!;

    /// <summary>履约争议记录 (performance-dispute.md), Art 55.</summary>
    public DocumentTemplate<PerformanceDisputeData> PerformanceDispute { get; private init; } = null!;

    /// <summary>集体合同解除（终止）告知书 (termination-notice.md).</summary>
    public DocumentTemplate<TerminationNoticeData> TerminationNotice { get; }

    /// <summary>集体合同变更协议 (change-agreement.md).</summary>
    public DocumentTemplate<ChangeAgreementData> ChangeAgreement { get; }

    /// <summary>条款对照表 (redline.md): two versions of a contract clause by clause.</summary>
    public DocumentTemplate<RedlineData> Redline { get; }

    /// <summary>The template of a contract kind.</summary>
    public DocumentTemplate<ContractData> Contract(ContractKind kind) => contracts[kind];

    /// <summary>Loads every template from <paramref name="directory"/> (the repository's templates/ folder).</summary>
    /// <exception cref="TemplateLoadException">Any template is missing or refused; lists every problem of every file.</exception>
    public static TemplateSet Load(string directory)
    {
        var errors = new List<TemplateError>();
        DocumentTemplate<T>? Load<T>(string name) where T : class
        {
            var result = TemplateLoader.Load<T>(Path.Combine(directory, name));
            errors.AddRange(result.Errors);
            return result.Template;
        }
        var offer = Load<OfferLetterData>("offer-letter.md");
        var response = Load<ResponseData>("response.md");
        var minutes = Load<MeetingMinutesData>("meeting-minutes.md");
        var resolution = Load<CongressResolutionData>("congress-resolution.md");
        var filing = Load<ContractData>("filing-form.md");
        var termination = Load<TerminationNoticeData>("termination-notice.md");
        var contracts = ContractFiles.ToDictionary(f => f.Key, f => Load<ContractData>(f.Value));
        var report = Load<PerformanceReportData>("performance-report.md");
        var dispute = Load<PerformanceDisputeData>("performance-dispute.md");
        var change = Load<ChangeAgreementData>("change-agreement.md");
        var redline = Load<RedlineData>("redline.md");
        if (errors.Count > 0) throw new TemplateLoadException(errors);
        return new TemplateSet(offer!, response!, minutes!, resolution!, filing!, termination!, contracts.ToDictionary(c => c.Key, c => c.Value!), change!, redline!)
        {
            PerformanceReport = report!,
            PerformanceDispute = dispute!,
        };
    }
}
