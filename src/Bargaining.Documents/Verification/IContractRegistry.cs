namespace Bargaining.Documents.Verification;

/// <summary>A contract as registered when its final text was printed: what a verification compares against.</summary>
/// <param name="Code">The verification code.</param>
/// <param name="Sha256">The SHA-256 of the canonical text (<see cref="ContractFingerprint"/>).</param>
/// <param name="ContractNumber">The contract number (合同编号), when it had one.</param>
/// <param name="Title">The contract's title.</param>
/// <param name="CanonicalText">The canonical text, when the registry keeps it: lets a verification show where a copy differs.</param>
public sealed record RegisteredContract(string Code, string Sha256, string? ContractNumber, string Title, string? CanonicalText = null);

/// <summary>
/// Where printed contracts are registered and looked up by code. The application implements it over its database;
/// the library only reads through it.
/// </summary>
public interface IContractRegistry
{
    /// <summary>Records a contract's fingerprint (idempotent for the same code and hash).</summary>
    Task RegisterAsync(RegisteredContract contract, CancellationToken cancellationToken = default);

    /// <summary>The contract registered under <paramref name="code"/> (normalised, XXXX-XXXX-XXXX), or null.</summary>
    Task<RegisteredContract?> FindAsync(string code, CancellationToken cancellationToken = default);
}
