using Bargaining.Documents.Data;
using Bargaining.Documents.Printing;
using Bargaining.Documents.Rendering;
using Bargaining.Domain;
using Bargaining.Features.Documents;
using Bargaining.Features.Rounds;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Implementation;

/// <summary>
/// The annual report on the contract's performance to the workers' congress (履约情况报告) for <paramref name="Year"/>:
/// the obligations due that year, each with its last check, and the disputes raised over them.
/// </summary>
public sealed record PrintPerformanceReportQuery(Guid RoundId, int Year) : IQuery<RoundDocumentFile>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseRoundReaderAsync(user, db, RoundId, ct);
}

public sealed class PrintPerformanceReportValidator : AbstractValidator<PrintPerformanceReportQuery>
{
    public PrintPerformanceReportValidator() => RuleFor(q => q.Year).InclusiveBetween(2000, 2100).WithMessage("请选择报告年度");
}

/// <summary>The record of a performance dispute (履约争议记录, Art 55): the obligation, its checks, the claim, who raised it and when.</summary>
public sealed record PrintDisputeRecordQuery(Guid RoundId, Guid DisputeId) : IQuery<RoundDocumentFile>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseRoundReaderAsync(user, db, RoundId, ct);
}

public sealed class PrintDisputeRecordValidator : AbstractValidator<PrintDisputeRecordQuery>
{
    public PrintDisputeRecordValidator() => RuleFor(q => q.DisputeId).NotEmpty().WithMessage("请指明要打印的履约争议");
}

/// <summary>Handles both printed records of the implementation checks.</summary>
public sealed class PrintImplementationHandler(BargainingDbContext db, RoundWorkflow workflow, DocumentPrinter printer)
    : IRequestHandler<PrintPerformanceReportQuery, RoundDocumentFile>, IRequestHandler<PrintDisputeRecordQuery, RoundDocumentFile>
{
    public async Task<RoundDocumentFile> Handle(PrintPerformanceReportQuery request, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var (round, enterprise) = await ContractAsync(request.RoundId, ct);
        var term = Term(round);
        if (request.Year < term.Start.Year || request.Year > term.End.Year)
            throw DomainException.Rule("report.year", $"合同期限为{term.Start:yyyy-MM-dd}至{term.End:yyyy-MM-dd}，没有{request.Year}年度的履约情况");
        var (from, to) = (new DateOnly(request.Year, 1, 1), new DateOnly(request.Year, 12, 31));
        var obligations = await db.Set<Obligation>().AsNoTracking().Where(o => o.RoundId == round.Id && o.DueOn >= from && o.DueOn <= to)
            .OrderBy(o => o.DueOn).ThenBy(o => o.Sequence).ToListAsync(ct);
        if (obligations.Count == 0)
            throw DomainException.Conflict("report.empty", $"{request.Year}年度没有到期的履约事项，请先生成或添加履约清单");
        var ids = obligations.Select(o => o.Id).ToList();
        var notes = (await db.Set<ObligationCheck>().AsNoTracking().Where(c => ids.Contains(c.ObligationId)).ToListAsync(ct))
            .GroupBy(c => c.ObligationId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.At)!.Note);
        var disputes = await db.Set<PerformanceDispute>().AsNoTracking().Where(d => ids.Contains(d.ObligationId)).OrderBy(d => d.RaisedAt).ToListAsync(ct);
        var data = new PerformanceReportData
        {
            Employer = enterprise.Name,
            Union = Union(enterprise),
            ContractTitle = Implementation.ContractTitle(enterprise.Name, round.Kind),
            ContractNumber = round.Filing.ContractNumber,
            Term = term,
            Year = request.Year,
            Obligations = [.. obligations.Select(o => new ReportedObligation
            {
                Title = o.Title,
                DueOn = o.DueOn,
                Outcome = o.LastOutcome?.Chinese() ?? "未检查",
                CheckedOn = o.LastCheckedOn,
                Note = notes.GetValueOrDefault(o.Id) ?? "—",
            })],
            Total = obligations.Count,
            Met = obligations.Count(o => o.LastOutcome == CheckOutcome.Met),
            Partly = obligations.Count(o => o.LastOutcome == CheckOutcome.Partly),
            NotMet = obligations.Count(o => o.LastOutcome == CheckOutcome.NotMet),
            Unchecked = obligations.Count(o => o.LastOutcome is null),
            Disputes = [.. disputes.Select(d => $"{d.RaisedOn.Year}年{d.RaisedOn.Month}月{d.RaisedOn.Day}日就“{obligations.Single(o => o.Id == d.ObligationId).Title}”提出，{d.Claim.TrimEnd('。')}")],
            Date = workflow.Today(round),
        };
        return Print(enterprise.Name, $"{request.Year}年度履约情况报告", pdf => printer.PrintPerformanceReport(data, pdf));
    }

    public async Task<RoundDocumentFile> Handle(PrintDisputeRecordQuery request, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var dispute = await db.Set<PerformanceDispute>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == request.DisputeId && d.RoundId == request.RoundId, ct)
            ?? throw DomainException.NotFound("该履约争议");
        var obligation = await db.Set<Obligation>().AsNoTracking().SingleAsync(o => o.Id == dispute.ObligationId, ct);
        var (round, enterprise) = await ContractAsync(dispute.RoundId, ct);
        var checks = await db.Set<ObligationCheck>().AsNoTracking().Where(c => c.ObligationId == obligation.Id).OrderBy(c => c.At).ToListAsync(ct);
        var data = new PerformanceDisputeData
        {
            Employer = enterprise.Name,
            Union = Union(enterprise),
            ContractTitle = Implementation.ContractTitle(enterprise.Name, round.Kind),
            ContractNumber = round.Filing.ContractNumber,
            Term = Term(round),
            Obligation = obligation.Title,
            Requirement = obligation.Requirement,
            Basis = obligation.Basis,
            DueOn = obligation.DueOn,
            Checks = [.. checks.Select(c => new DisputedCheck { CheckedOn = c.CheckedOn, Outcome = c.Outcome.Chinese(), Note = c.Note ?? "—", By = c.By, Attachment = c.AttachmentName ?? "无" })],
            Claim = dispute.Claim,
            RaisedBy = dispute.RaisedBy,
            RaisedOn = dispute.RaisedOn,
        };
        return Print(enterprise.Name, $"履约争议记录-{obligation.Title}", pdf => printer.PrintPerformanceDispute(data, pdf));
    }

    private async Task<(Round Round, Enterprise Enterprise)> ContractAsync(Guid roundId, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == roundId, ct);
        var enterprise = await db.Enterprises.AsNoTracking().SingleAsync(e => e.Id == round.EnterpriseId, ct);
        return (round, enterprise);
    }

    private static ContractTerm Term(Round round) => round.Signing is { TermStartsOn: { } starts, TermEndsOn: { } ends }
        ? new ContractTerm { Start = starts, End = ends }
        : throw DomainException.Conflict("implementation.not-effective", "合同尚未约定期限，没有履约记录可以打印");

    private static string Union(Enterprise enterprise) => enterprise.UnionName ?? $"{enterprise.Name}工会委员会";

    private static RoundDocumentFile Print(string enterprise, string what, Func<Stream, RenderResult> print)
    {
        using var pdf = new MemoryStream();
        var result = print(pdf);
        if (!result.IsComplete) throw PrintRoundDocumentHandler.Unprintable(result.MissingCharacters);
        return new RoundDocumentFile(pdf.ToArray(), PrintRoundDocumentHandler.FileName(enterprise, what), result.Title, result.PageCount, null);
    }
}

/// <summary>The attachment of a check, for anyone who may read the round.</summary>
public sealed record CheckAttachmentQuery(Guid RoundId, Guid CheckId) : IQuery<AttachmentFile>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseRoundReaderAsync(user, db, RoundId, ct);
}

public sealed class CheckAttachmentValidator : AbstractValidator<CheckAttachmentQuery>
{
    public CheckAttachmentValidator() => RuleFor(q => q.CheckId).NotEmpty().WithMessage("请指明检查记录");
}

/// <summary>An attachment's file.</summary>
public sealed record AttachmentFile(byte[] Content, string ContentType, string FileName);

/// <summary>Handles <see cref="CheckAttachmentQuery"/>.</summary>
public sealed class CheckAttachmentHandler(BargainingDbContext db) : IRequestHandler<CheckAttachmentQuery, AttachmentFile>
{
    public async Task<AttachmentFile> Handle(CheckAttachmentQuery request, CancellationToken cancellationToken) =>
        await db.Set<CheckAttachment>().AsNoTracking().Where(a => a.CheckId == request.CheckId && db.Set<ObligationCheck>().Any(c => c.Id == a.CheckId && c.RoundId == request.RoundId))
            .Select(a => new AttachmentFile(a.Content, a.ContentType, a.FileName)).FirstOrDefaultAsync(cancellationToken)
        ?? throw DomainException.NotFound("该检查记录的附件");
}
