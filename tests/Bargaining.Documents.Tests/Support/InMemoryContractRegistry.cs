using System.Collections.Concurrent;
using Bargaining.Documents.Verification;

namespace Bargaining.Documents.Tests.Support;

/// <summary>The registry for tests only; the application keeps registrations in its database.</summary>
public sealed class InMemoryContractRegistry : IContractRegistry
{
    private readonly ConcurrentDictionary<string, RegisteredContract> contracts = new(StringComparer.Ordinal);

    public Task RegisterAsync(RegisteredContract contract, CancellationToken cancellationToken = default)
    {
        contracts[contract.Code] = contract;
        return Task.CompletedTask;
    }

    public Task<RegisteredContract?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        Task.FromResult(contracts.GetValueOrDefault(code));
}
