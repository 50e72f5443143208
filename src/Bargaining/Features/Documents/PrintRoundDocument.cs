using Bargaining.Documents.Printing;
using Bargaining.Documents.Rendering;
using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Change;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Documents;

/// <summary>The documents of a round, each printed from its template in <c>templates/</c>.</summary>
public enum RoundDocumentKind
{
    /// <summary>要约书 (Art 32), once the offer is made.</summary>
    OfferLetter,
    /// <summary>回应书, once the other side has answered.</summary>
    Response,
    /// <summary>协商会议记录 (Art 34) of one meeting, once its minutes are recorded.</summary>
    MeetingMinutes,
    /// <summary>职代会决议 (Art 36), once the congress has voted.</summary>
    CongressResolution,
    /// <summary>集体合同审查申报表 (Art 42), once both chiefs have signed.</summary>
    FilingForm,
    /// <summary>The collective contract for registration, with its verification code and QR mark, once both chiefs have signed; a change's is the contract as changed.</summary>
    Contract,
    /// <summary>集体合同解除（终止）告知书 (Art 39–42), the labour administration's copy, once both sides confirmed the rescission or termination.</summary>
    TerminationNotice,
    /// <summary>集体合同变更协议 (Art 39–41), registered under its own verification code, once both chiefs have signed the change.</summary>
    ChangeAgreement,
    /// <summary>条款对照表: the change's or renewal's version against the version it changes or renews.</summary>
    Redline,
}

/// <summary>
/// Prints one document of a round from its template, fed from the round's data. The contract is the registered copy:
/// its verification code is registered so that a printed copy or a typed code can be verified later. A document that
/// cannot be printed now is refused as a conflict, with the reason <see cref="RoundDocumentListQuery"/> lists it with.
/// </summary>
/// <param name="RoundId">The round.</param>
/// <param name="Kind">Which document.</param>
/// <param name="MeetingNumber">For the minutes: which meeting (1, 2, …); nothing otherwise.</param>
public sealed record PrintRoundDocumentQuery(Guid RoundId, RoundDocumentKind Kind, int? MeetingNumber = null) : IRequest<RoundDocumentFile>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseRoundReaderAsync(user, db, RoundId, ct);
}

/// <summary>A printed document.</summary>
/// <param name="Pdf">The PDF.</param>
/// <param name="FileName">A file name for it: the enterprise, the document and, for the minutes, the meeting.</param>
/// <param name="Title">The title as printed.</param>
/// <param name="PageCount">Its pages.</param>
/// <param name="VerificationCode">The contract's registered verification code; null for the other documents.</param>
public sealed record RoundDocumentFile(byte[] Pdf, string FileName, string Title, int PageCount, string? VerificationCode);

public sealed class PrintRoundDocumentValidator : AbstractValidator<PrintRoundDocumentQuery>
{
    public PrintRoundDocumentValidator()
    {
        RuleFor(q => q.Kind).IsInEnum().WithMessage("请选择要打印的文书");
        RuleFor(q => q.MeetingNumber).NotNull().When(q => q.Kind == RoundDocumentKind.MeetingMinutes).WithMessage("请指明打印第几次协商会议的记录");
        RuleFor(q => q.MeetingNumber).GreaterThan(0).WithMessage("会议次数从1开始");
        RuleFor(q => q.MeetingNumber).Null().When(q => q.Kind != RoundDocumentKind.MeetingMinutes).WithMessage("只有协商会议记录需要指明会议次数");
    }
}

/// <summary>Handles <see cref="PrintRoundDocumentQuery"/>.</summary>
public sealed class PrintRoundDocumentHandler(BargainingDbContext db, RoundDocuments documents, DocumentPrinter printer, DatabaseContractRegistry registry, RoundWorkflow workflow)
    : IRequestHandler<PrintRoundDocumentQuery, RoundDocumentFile>
{
    public async Task<RoundDocumentFile> Handle(PrintRoundDocumentQuery request, CancellationToken cancellationToken)
    {
        var id = request.RoundId;
        var ct = cancellationToken;
        using var pdf = new MemoryStream();
        var enterprise = await db.Rounds.Where(r => r.Id == id).Join(db.Enterprises, r => r.EnterpriseId, e => e.Id, (r, e) => e.Name).SingleAsync(ct);
        if (request.Kind is RoundDocumentKind.Contract or RoundDocumentKind.ChangeAgreement)
        {
            var change = await db.Rounds.Where(r => r.Id == id).Select(r => r.Change.AmendsRoundId).SingleAsync(ct) is not null;
            var (printed, text, name) = request.Kind == RoundDocumentKind.ChangeAgreement
                ? (printer.PrintChangeAgreement(await documents.ChangeAgreementAsync(id, ct), pdf), RegisteredText.ChangeAgreement, "变更协议")
                : (printer.PrintContract(await documents.ContractAsync(id, ct), pdf), change ? RegisteredText.Consolidated : RegisteredText.Contract, change ? "变更后的集体合同" : "集体合同");
            if (!printed.Printed) throw Unprintable(printed.MissingCharacters);
            var registration = printed.Registration();
            await registry.RegisterAsync(id, registration, ct, text);
            return new RoundDocumentFile(pdf.ToArray(), FileName(enterprise, printed.ContractNumber is { } number ? $"{number}-{name}" : name), printed.Title, printed.PageCount, registration.Code);
        }
        if (request.Kind == RoundDocumentKind.Redline)
        {
            var redline = await Redlines.OfAsync(db, workflow, id, null, ct) ?? throw DomainException.Conflict("document.no-version", "本轮协商不是变更或续订，没有可对照的合同版本");
            var annex = printer.PrintRedline(await documents.RedlineAsync(redline, ct), pdf);
            if (!annex.IsComplete) throw Unprintable(annex.MissingCharacters);
            return new RoundDocumentFile(pdf.ToArray(), FileName(enterprise, "条款对照表"), annex.Title, annex.PageCount, null);
        }
        var result = request.Kind switch
        {
            RoundDocumentKind.OfferLetter => printer.PrintOfferLetter(await documents.OfferLetterAsync(id, ct), pdf),
            RoundDocumentKind.Response => printer.PrintResponse(await documents.ResponseAsync(id, ct), pdf),
            RoundDocumentKind.MeetingMinutes => printer.PrintMeetingMinutes(await documents.MinutesAsync(id, request.MeetingNumber!.Value, ct), pdf),
            RoundDocumentKind.CongressResolution => printer.PrintCongressResolution(await documents.ResolutionAsync(id, ct), pdf),
            RoundDocumentKind.FilingForm => printer.PrintFilingForm(await documents.ContractAsync(id, ct), pdf),
            RoundDocumentKind.TerminationNotice => printer.PrintTerminationNotice(await documents.TerminationNoticeAsync(id, ct), pdf),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Kind, null),
        };
        // A name printed with a missing character would not be the person's name: refuse rather than print 〓.
        if (!result.IsComplete) throw Unprintable(result.MissingCharacters);
        var what = request.Kind switch
        {
            RoundDocumentKind.OfferLetter => "要约书",
            RoundDocumentKind.Response => "回应书",
            RoundDocumentKind.MeetingMinutes => $"第{request.MeetingNumber}次协商会议记录",
            RoundDocumentKind.CongressResolution => "职代会决议",
            RoundDocumentKind.TerminationNotice => "集体合同解除（终止）告知书",
            _ => "集体合同审查申报表",
        };
        return new RoundDocumentFile(pdf.ToArray(), FileName(enterprise, what), result.Title, result.PageCount, null);
    }

    internal static DomainException Unprintable(IEnumerable<string> missing) =>
        DomainException.Rule("document.unprintable", $"文书中的字符无法用已安装的字体打印：{string.Join("、", missing)}；请安装覆盖这些字符的中文字体");

    internal static string FileName(string enterprise, string document)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return new string($"{enterprise}-{document}".Select(c => invalid.Contains(c) ? '_' : c).ToArray()) + ".pdf";
    }
}
