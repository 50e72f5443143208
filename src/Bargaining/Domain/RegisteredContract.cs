namespace Bargaining.Domain;

/// <summary>
/// A contract printed for signing and registered under its verification code: what a verification of a printed copy
/// or a typed code is checked against.
/// </summary>
public sealed class RegisteredContract
{
    private RegisteredContract() { }

    /// <summary>Registers round <paramref name="roundId"/>'s contract under <paramref name="code"/>.</summary>
    public RegisteredContract(Guid roundId, string code, string sha256, string? contractNumber, string title, string canonicalText, DateTimeOffset registeredAt,
        RegisteredText text = RegisteredText.Contract)
    {
        Text = text;
        Id = Guid.CreateVersion7(registeredAt);
        RoundId = roundId;
        Code = code;
        Sha256 = sha256;
        ContractNumber = contractNumber;
        Title = title;
        CanonicalText = canonicalText;
        RegisteredAt = registeredAt;
    }

    public Guid Id { get; private set; }
    /// <summary>The round whose contract it is.</summary>
    public Guid RoundId { get; private set; }
    /// <summary>The verification code, XXXX-XXXX-XXXX.</summary>
    public string Code { get; private set; } = "";
    /// <summary>The SHA-256 of the canonical text, lower-case hex.</summary>
    public string Sha256 { get; private set; } = "";
    /// <summary>The contract number, once filed.</summary>
    public string? ContractNumber { get; private set; }
    /// <summary>The title as printed.</summary>
    public string Title { get; private set; } = "";
    /// <summary>The canonical text: lets a verification say where a copy differs.</summary>
    public string CanonicalText { get; private set; } = "";
    /// <summary>Which of the round's registered texts: its contract, or a change's agreement or consolidated contract.</summary>
    public RegisteredText Text { get; private set; }
    /// <summary>When it was registered.</summary>
    public DateTimeOffset RegisteredAt { get; private set; }
}

/// <summary>The texts a round registers under their own verification codes.</summary>
public enum RegisteredText
{
    /// <summary>The round's collective contract.</summary>
    Contract,
    /// <summary>变更协议: a change's agreement on the articles concerned (Art 39–41).</summary>
    ChangeAgreement,
    /// <summary>The contract as changed: the amended version's clauses with the changed articles replaced.</summary>
    Consolidated,
}
