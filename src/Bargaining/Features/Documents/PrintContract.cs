using Bargaining.Documents.Data;
using Bargaining.Documents.Printing;
using Bargaining.Documents.Verification;
using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Infrastructure;
using Bargaining.Persistence;
using Bargaining.Workflows;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registered = Bargaining.Documents.Verification.RegisteredContract;

namespace Bargaining.Features.Documents;

/// <summary>
/// Prints a signed round's collective contract from its kind's template, with its verification code and QR block,
/// and registers the code so that a printed copy or a typed code can be verified later.
/// </summary>
public sealed record PrintContractQuery(Guid RoundId) : IRequest<PrintedContractFile>, IAuthorisedRequest
{
    /// <inheritdoc />
    public async Task AuthoriseAsync(CurrentUser user, BargainingDbContext db, CancellationToken ct)
    {
        var enterpriseId = await db.Rounds.Where(r => r.Id == RoundId).Select(r => (Guid?)r.EnterpriseId).FirstOrDefaultAsync(ct)
                           ?? throw DomainException.NotFound("该轮协商");
        await RoundAccess.AuthoriseReaderAsync(user, db, enterpriseId, ct);
    }
}

/// <summary>The printed contract.</summary>
/// <param name="Pdf">The PDF.</param>
/// <param name="Code">The verification code it carries, registered.</param>
/// <param name="Title">The title as printed.</param>
/// <param name="PageCount">Its pages.</param>
public sealed record PrintedContractFile(byte[] Pdf, string Code, string Title, int PageCount);

/// <summary>Handles <see cref="PrintContractQuery"/>.</summary>
public sealed class PrintContractHandler(BargainingDbContext db, WorkflowEngine engine, RoundWorkflow workflow, DocumentPrinter printer, DatabaseContractRegistry registry)
    : IRequestHandler<PrintContractQuery, PrintedContractFile>
{
    /// <summary>The days of review after receipt; the contract takes effect the day after (Art 47).</summary>
    private const int ReviewDays = 15;

    /// <inheritdoc />
    public async Task<PrintedContractFile> Handle(PrintContractQuery request, CancellationToken cancellationToken)
    {
        var data = await ContractDataAsync(request.RoundId, cancellationToken);
        using var pdf = new MemoryStream();
        var printed = printer.PrintContract(data, pdf);
        if (!printed.Printed)
            throw DomainException.Rule("contract.unprintable", $"合同中的字符无法用已安装的字体打印：{string.Join("、", printed.MissingCharacters)}");
        var registration = printed.Registration();
        await registry.RegisterAsync(request.RoundId, registration, cancellationToken);
        return new PrintedContractFile(pdf.ToArray(), registration.Code, printed.Title, printed.PageCount);
    }

    /// <summary>What the contract template prints, from the round as far as it has come; refused before both chiefs signed.</summary>
    public async Task<ContractData> ContractDataAsync(Guid roundId, CancellationToken ct)
    {
        var round = await db.RoundAsync(roundId, ct);
        var enterprise = await db.Enterprises.SingleAsync(e => e.Id == round.EnterpriseId, ct);
        var time = workflow.Profile(round).Time;
        if (round.WorkerSignedAt is null || round.EmployerSignedAt is null)
            throw DomainException.Rule("contract.unsigned", "双方首席代表签字后才能打印正式合同文本（《集体合同规定》第三十七条）");
        var signedOn = time.LocalDate(new[] { round.WorkerSignedAt.Value, round.EmployerSignedAt.Value }.Max());

        var representatives = await db.Representatives.Where(r => r.RoundId == roundId).ToListAsync(ct);
        var clauses = await db.DraftClauses.Where(c => c.RoundId == roundId && c.Draft == round.Draft).OrderBy(c => c.Sequence).ToListAsync(ct);
        var meetings = await db.Meetings.Where(m => m.RoundId == roundId).OrderBy(m => m.Number).ToListAsync(ct);
        var journal = await engine.JournalAsync(round.WorkflowInstanceId, ct);
        var snapshot = await workflow.SnapshotAsync(round, ct);

        var employerSide = Side(representatives, Domain.Side.Employer, enterprise.Name);
        var unionName = enterprise.UnionName ?? enterprise.Name + "工会委员会";
        var workerSide = Side(representatives, Domain.Side.Worker, unionName);
        var effective = round.ObjectedAt is null && round.FilingReceivedOn is { } received
                        && (snapshot.Outcome == "effective" || snapshot.Steps.Any(s => s.Node == "effective"))
            ? received.AddDays(ReviewDays + 1)
            : (DateOnly?)null;
        var voteAt = journal.LastOrDefault(j => j.Signal == "record-vote")?.At;

        return new ContractData
        {
            Kind = Kind(round.Kind),
            Number = $"{round.Jurisdiction}-{signedOn:yyyy}-{round.Id.ToString("N")[^8..].ToUpperInvariant()}",
            Employer = new Employer
            {
                Name = enterprise.Name,
                CreditCode = enterprise.CreditCode,
                EconomicType = enterprise.EconomicType,
                Industry = enterprise.Industry,
                LegalRepresentative = employerSide.AuthorisedBy?.Name ?? employerSide.Chief.Name,
                Workers = enterprise.Employees,
                WomenWorkers = enterprise.WomenEmployees,
            },
            Union = new TradeUnion { Name = unionName, Chair = enterprise.ChairName ?? workerSide.Chief.Name },
            EmployerSide = employerSide,
            WorkerSide = workerSide,
            Term = new ContractTerm { Years = 3, Start = effective, End = effective?.AddYears(3).AddDays(-1) },
            SigningDate = signedOn,
            SigningPlace = meetings.LastOrDefault()?.Place ?? enterprise.Name,
            Congress = round is { CongressEntitled: { } entitled, CongressPresent: { } present, CongressInFavour: { } inFavour, CongressAdopted: { } adopted }
                ? new CongressVote
                {
                    Meeting = "职工代表大会",
                    Date = voteAt is { } at ? time.LocalDate(at) : signedOn,
                    Entitled = entitled,
                    Present = present,
                    InFavour = inFavour,
                    Adopted = adopted,
                }
                : null,
            Filing = round.FilingReceivedOn is { } filed ? new Filing { FiledOn = filed, ReceivedOn = filed, Authority = "劳动保障行政部门" } : null,
            Review = round.FilingReceivedOn is null ? null
                : round.ObjectedAt is { } objected ? new Review { Outcome = ReviewOutcome.Objection, DecidedOn = time.LocalDate(objected), Opinion = round.ReviewOpinion }
                : effective is { } on ? new Review { Outcome = ReviewOutcome.NoObjection, DecidedOn = on.AddDays(-1) }
                : new Review { Outcome = ReviewOutcome.Pending },
            EffectiveDate = effective,
            Clauses = [.. clauses.Select(c => new AgreedClause { Title = c.Title, Text = c.Clause })],
        };
    }

    private static BargainingSide Side(IReadOnlyList<Representative> all, Side side, string party)
    {
        var members = all.Where(r => r.Side == side).OrderBy(r => r.NamedAt).ThenBy(r => r.Id).ToList();
        var chief = members.FirstOrDefault(r => r.IsChief) ?? members.FirstOrDefault()
                    ?? throw DomainException.Rule("contract.no-representatives", $"{side.Chinese()}尚未确定协商代表");
        return new BargainingSide
        {
            Party = party,
            Chief = new Person { Name = chief.Name, Title = chief.Title },
            Representatives = [.. members.Where(m => m != chief).Select(m => new Person { Name = m.Name, Title = m.Title })],
        };
    }

    private static ContractKind Kind(RoundKind kind) => kind switch
    {
        RoundKind.Comprehensive => ContractKind.Comprehensive,
        RoundKind.Wage => ContractKind.Wage,
        RoundKind.WomenWorkers => ContractKind.WomenWorkers,
        RoundKind.SafetyHealth => ContractKind.SafetyAndHealth,
        RoundKind.HighTemperature => ContractKind.HighTemperature,
        RoundKind.Industry => ContractKind.Industry,
        RoundKind.Regional => ContractKind.Regional,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>
/// The contract registry over the database (<see cref="Domain.RegisteredContract"/>). Registration adds to the
/// request's unit of work; its transaction commits it.
/// </summary>
public sealed class DatabaseContractRegistry(BargainingDbContext db, TimeProvider clock) : IContractRegistry
{
    /// <summary>Every registered contract belongs to a round: register through <see cref="RegisterAsync(Guid, Registered, CancellationToken)"/>.</summary>
    public Task RegisterAsync(Registered contract, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("a contract is registered for its round: use PrintContractQuery");

    /// <summary>Records round <paramref name="roundId"/>'s contract (idempotent for the same code and hash).</summary>
    public async Task RegisterAsync(Guid roundId, Registered contract, CancellationToken cancellationToken = default)
    {
        var existing = db.RegisteredContracts.Local.FirstOrDefault(c => c.Code == contract.Code)
                       ?? await db.RegisteredContracts.FirstOrDefaultAsync(c => c.Code == contract.Code, cancellationToken);
        if (existing is not null)
        {
            if (existing.Sha256 != contract.Sha256)
                throw new InvalidOperationException($"verification code {contract.Code} is already registered for a different text");
            return;
        }
        db.RegisteredContracts.Add(new Domain.RegisteredContract(roundId, contract.Code, contract.Sha256, contract.ContractNumber,
            contract.Title, contract.CanonicalText ?? "", clock.GetUtcNow()));
    }

    /// <inheritdoc />
    public async Task<Registered?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        var row = await db.RegisteredContracts.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
        return row is null ? null : new Registered(row.Code, row.Sha256, row.ContractNumber, row.Title, row.CanonicalText);
    }
}
