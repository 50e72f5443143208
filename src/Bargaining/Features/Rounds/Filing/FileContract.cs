using System.Globalization;
using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Features.Rounds.Filing;

/// <summary>
/// The employer files the signed contract with the labour administration (报送, Art 42): within 10 days of signing
/// (wage agreements 7). The day the administration received it starts the 15-day review (Art 44–47). A late filing
/// is still accepted; the result says it was late. The filing goes to the labour-administration department of the
/// enterprise's county-level unit, which gives the contract its number the first time it is filed.
/// </summary>
public sealed record FileContractCommand(Guid RoundId, DateOnly ReceivedOn) : IRequest<FilingResult>, IAuthorisedRequest
{
    public Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct) => RoundAccess.AuthoriseSideAsync(user, db, RoundId, Side.Employer, ct);
}

/// <summary>The filing: whether it was late, the last day it was due, the last day of the review, where it went and its number.</summary>
public sealed record FilingResult(bool Late, DateOnly? DueOn, DateOnly? ReviewLastDay, string? Notice, string Authority, string ContractNumber);

public sealed class FileContractValidator : AbstractValidator<FileContractCommand>
{
    public FileContractValidator() => RuleFor(c => c.ReceivedOn).NotEqual(default(DateOnly)).WithMessage("请填写劳动保障行政部门收到合同的日期（《集体合同规定》第四十二条）");
}

/// <summary>Handles <see cref="FileContractCommand"/>: the receipt and <c>file</c>.</summary>
public sealed class FileContractHandler(BargainingDbContext db, RoundWorkflow workflow, ICurrentUserAccessor users) : IRequestHandler<FileContractCommand, FilingResult>
{
    public async Task<FilingResult> Handle(FileContractCommand request, CancellationToken cancellationToken)
    {
        var round = await db.RoundAsync(request.RoundId, cancellationToken);
        await workflow.EnsureAtAsync(round, "报送审查", cancellationToken, Nodes.Filing, Nodes.WageFiling, Nodes.FilingOverdue);
        var signedAt = new[] { round.Signing.WorkerSignedAt, round.Signing.EmployerSignedAt }.Max() ?? workflow.Now;
        var signedOn = workflow.Profile(round).Time.LocalDate(signedAt);
        var unit = await db.Enterprises.Where(e => e.Id == round.EnterpriseId)
            .Join(db.Organisations, e => e.OrganisationId, o => o.Id, (e, o) => o).SingleAsync(cancellationToken);
        if (RoundPreconditions.File(round, unit) is { } refusal) throw refusal;
        var (authority, abbreviation) = (unit.LabourAuthority!, unit.FilingAbbreviation!);
        var late = round.File(request.ReceivedOn, workflow.Today(round), signedOn, authority);
        if (round.Filing.ContractNumber is null)
        {
            var year = request.ReceivedOn.Year;
            // The sequence runs per abbreviation and year, so that a renamed department never repeats a number.
            var prefix = ContractNumbers.Prefix(abbreviation, year);
            var last = await db.Rounds.Where(r => r.Filing.Year == year && r.Filing.ContractNumber!.StartsWith(prefix)).MaxAsync(r => r.Filing.Sequence, cancellationToken) ?? 0;
            round.Filing.AssignNumber(abbreviation, year, last + 1);
        }
        var snapshot = await workflow.SignalAsync(round, Signals.File, Side.Employer, users.Caller(), "报送审查", new JsonObject
        {
            ["filingReceivedOn"] = request.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["filedLate"] = late,
            // The term's last day: the contract expires after it, published or not (Art 38).
            ["termEndsOn"] = round.Signing.TermEndsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, cancellationToken);
        var notice = late
            ? $"逾期报送：双方签字后应于{round.Filing.DueOn:yyyy-MM-dd}前报送劳动保障行政部门，实际于{request.ReceivedOn:yyyy-MM-dd}收到（《集体合同规定》第四十二条）"
            : null;
        return new FilingResult(late, round.Filing.DueOn, snapshot.Steps.FirstOrDefault(s => s.Node == Nodes.Review)?.LastDay, notice, authority, round.Filing.ContractNumber!);
    }
}
