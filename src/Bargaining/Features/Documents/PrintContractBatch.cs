using Bargaining.Documents.Data;
using Bargaining.Documents.Printing;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Documents;

/// <summary>How a batch of contracts is delivered.</summary>
public enum BatchOutput
{
    /// <summary>A zip archive with one PDF per contract, each named by its filing number (or enterprise).</summary>
    Zip,
    /// <summary>One PDF with every contract, each starting on a new page, for the printer.</summary>
    Merged,
}

/// <summary>
/// Prints the registered copies of all signed contracts of a county-level unit (<see cref="County"/>: its name, short
/// name such as 亭湖区, or code) or of a campaign (<see cref="Campaign"/>: its name) into one zip archive or one merged
/// PDF, registering each contract's verification code as <see cref="PrintRoundDocumentQuery"/> does. Reports progress
/// after each contract.
/// </summary>
public sealed record PrintContractBatchQuery(string? County, string? Campaign, BatchOutput Output, IProgress<BatchProgress>? Progress = null)
    : IRequest<ContractBatchFile>, IAuthorisedRequest
{
    public async Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct)
    {
        if (user.Role == Role.CityAdministrator) return;
        if (user.Role == Role.CountyStaff && County is not null && await ContractBatches.CountyAsync(db, County, ct) is { } unit && unit.Id == user.OrganisationId) return;
        throw DomainException.Forbidden(County is not null
            ? "只有市总工会或本县级工会工作人员可以批量打印该单位的集体合同"
            : "只有市总工会可以按要约行动批量打印集体合同");
    }
}

/// <summary>A printed batch.</summary>
/// <param name="Content">The zip archive or the merged PDF.</param>
/// <param name="Contracts">The contracts printed.</param>
/// <param name="PageCount">Their pages.</param>
/// <param name="Skipped">Signed rounds left out, each with the reason (e.g. no term agreed, a character no font has).</param>
public sealed record ContractBatchFile(byte[] Content, int Contracts, int PageCount, IReadOnlyList<string> Skipped);

public sealed class PrintContractBatchValidator : AbstractValidator<PrintContractBatchQuery>
{
    public PrintContractBatchValidator()
    {
        RuleFor(q => q).Must(q => string.IsNullOrWhiteSpace(q.County) != string.IsNullOrWhiteSpace(q.Campaign))
            .WithName("County").WithMessage("请指定一个县级工会或一次要约行动（二者选一）");
        RuleFor(q => q.Campaign).Within(TextLimits.Line, "行动名称");
        RuleFor(q => q.Output).IsInEnum().WithMessage("请选择输出为压缩包或合并的PDF");
    }
}

/// <summary>Finding what a batch holds.</summary>
public static class ContractBatches
{
    /// <summary>The county-level unit or city-direct unit named <paramref name="name"/> (full name, short name or code), or null.</summary>
    public static async Task<Organisation?> CountyAsync(BargainingDbContext db, string name, CancellationToken ct)
    {
        var key = name.Trim();
        return await db.Organisations.AsNoTracking().Where(o => o.Kind != OrganisationKind.City)
            .FirstOrDefaultAsync(o => o.Code == key || o.Name == key || o.Name == key + "总工会", ct);
    }
}

/// <summary>Handles <see cref="PrintContractBatchQuery"/>.</summary>
public sealed class PrintContractBatchHandler(BargainingDbContext db, RoundDocuments documents, DocumentPrinter printer, DatabaseContractRegistry registry)
    : IRequestHandler<PrintContractBatchQuery, ContractBatchFile>
{
    public async Task<ContractBatchFile> Handle(PrintContractBatchQuery request, CancellationToken cancellationToken)
    {
        var signed = db.Rounds.AsNoTracking().Where(r => r.Signing.WorkerSignedAt != null && r.Signing.EmployerSignedAt != null);
        if (request.County is { } county)
        {
            var unit = await ContractBatches.CountyAsync(db, county, cancellationToken)
                       ?? throw DomainException.NotFound($"县级工会“{county}”");
            signed = signed.Where(r => db.Enterprises.Any(e => e.Id == r.EnterpriseId && e.OrganisationId == unit.Id));
        }
        else
        {
            var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Name == request.Campaign!.Trim(), cancellationToken)
                           ?? throw DomainException.NotFound($"要约行动“{request.Campaign}”");
            signed = signed.Where(r => r.Offer.CampaignId == campaign.Id);
        }
        var rounds = await signed.Join(db.Enterprises, r => r.EnterpriseId, e => e.Id, (r, e) => new { r.Id, r.Filing.ContractNumber, e.Name })
            .ToListAsync(cancellationToken);
        if (rounds.Count == 0) throw DomainException.Conflict("batch.empty", "所选范围内没有双方首席代表已签字的集体合同");

        var contracts = new List<(Guid Round, ContractData Data)>();
        var skipped = new List<string>();
        // Filed contracts first, in number order; then the signed ones not yet filed, by enterprise.
        foreach (var round in rounds.OrderBy(r => r.ContractNumber is null).ThenBy(r => r.ContractNumber, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal))
        {
            try { contracts.Add((round.Id, await documents.ContractAsync(round.Id, cancellationToken))); }
            catch (DomainException e) when (e.Kind == FailureKind.Conflict) { skipped.Add($"{round.Name}：{e.Message}"); }
        }

        using var output = new MemoryStream();
        var batch = new BatchPrinter(printer);
        var data = contracts.Select(c => c.Data).ToList();
        var result = request.Output == BatchOutput.Zip
            ? await batch.PrintZipAsync(data, output, request.Progress, cancellationToken)
            : await batch.PrintMergedAsync(data, output, request.Progress, cancellationToken);
        for (var i = 0; i < result.Items.Count; i++)
        {
            var item = result.Items[i];
            if (item.Printed.Printed) await registry.RegisterAsync(contracts[i].Round, item.Printed.Registration(), cancellationToken);
            else skipped.Add($"{item.Data.Employer.Name}：合同中的字符无法用已安装的字体打印：{string.Join("、", item.Printed.MissingCharacters)}");
        }
        return new ContractBatchFile(output.ToArray(), result.Items.Count(i => i.Printed.Printed), result.PageCount, skipped);
    }
}
