using Bargaining.Documents.Verification;
using Bargaining.Persistence;
using Microsoft.EntityFrameworkCore;
using Registered = Bargaining.Documents.Verification.RegisteredContract;

namespace Bargaining.Features.Documents;

/// <summary>
/// The contract registry over the database (<see cref="Domain.RegisteredContract"/>). Registration adds to the
/// request's unit of work; its transaction commits it.
/// </summary>
public sealed class DatabaseContractRegistry(BargainingDbContext db, TimeProvider clock) : IContractRegistry
{
    /// <summary>Every registered contract belongs to a round: register through <see cref="RegisterAsync(Guid, Registered, CancellationToken)"/>.</summary>
    public Task RegisterAsync(Registered contract, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("a contract is registered for its round: use PrintRoundDocumentQuery");

    /// <summary>Records round <paramref name="roundId"/>'s contract, or its change's <paramref name="text"/> (idempotent for the same code and hash).</summary>
    public async Task RegisterAsync(Guid roundId, Registered contract, CancellationToken cancellationToken = default, Domain.RegisteredText text = Domain.RegisteredText.Contract)
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
            contract.Title, contract.CanonicalText ?? "", clock.GetUtcNow(), text));
    }

    public async Task<Registered?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        var row = await db.RegisteredContracts.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
        return row is null ? null : new Registered(row.Code, row.Sha256, row.ContractNumber, row.Title, row.CanonicalText);
    }
}
