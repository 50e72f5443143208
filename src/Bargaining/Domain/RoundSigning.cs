namespace Bargaining.Domain;

/// <summary>The signing of the adopted contract by both chiefs (Art 37) and the term they agreed (Art 38).</summary>
public sealed class RoundSigning
{
    internal RoundSigning() { }

    /// <summary>When the worker chief signed (Art 37).</summary>
    public DateTimeOffset? WorkerSignedAt { get; private set; }
    /// <summary>When the employer chief signed (Art 37).</summary>
    public DateTimeOffset? EmployerSignedAt { get; private set; }
    /// <summary>The first day of the contract's term as the parties agreed it (Art 38).</summary>
    public DateOnly? TermStartsOn { get; private set; }
    /// <summary>The last day of the term.</summary>
    public DateOnly? TermEndsOn { get; private set; }

    /// <summary>A chief signs the adopted contract (Art 37).</summary>
    public void Sign(Side side, DateTimeOffset now)
    {
        if (CannotSign(side) is { } refusal) throw refusal;
        if (side == Side.Worker) WorkerSignedAt = now; else EmployerSignedAt = now;
    }

    /// <summary>Why <paramref name="side"/>'s chief may not sign now (signed already; no term agreed, Art 38), or null.</summary>
    public DomainException? CannotSign(Side side) =>
        (side == Side.Worker ? WorkerSignedAt : EmployerSignedAt) is not null
            ? DomainException.Conflict("contract.signed", $"{side.Chinese()}首席代表已经签字")
            : Rules.ContractTermRule.Unagreed(TermStartsOn, "signing.no-term", "双方首席代表签字的集体合同") is { } breach
                ? DomainException.Rule(breach.Code, breach.Message)
                : null;

    /// <summary>The parties agree the contract's term, checked by <see cref="Rules.ContractTermRule"/> (Art 38); not once both chiefs have signed.</summary>
    public void AgreeTerm(DateOnly startsOn, DateOnly endsOn)
    {
        if (CannotAgreeTerm() is { } refusal) throw refusal;
        if (Rules.ContractTermRule.Check(startsOn, endsOn) is { } breach) throw DomainException.Rule(breach.Code, breach.Message);
        TermStartsOn = startsOn;
        TermEndsOn = endsOn;
    }

    /// <summary>Why the term may not be agreed or changed now (both chiefs have signed), or null.</summary>
    public DomainException? CannotAgreeTerm() => WorkerSignedAt is not null && EmployerSignedAt is not null
        ? DomainException.Conflict("term.signed", "双方首席代表已在合同文本上签字，合同期限不能再更改；如需变更，应依法重新协商（《集体合同规定》第三十九条）")
        : null;

    /// <summary>A change (Art 39–41) starts from the term of the version it amends.</summary>
    internal void CarryTerm(RoundSigning amended) => (TermStartsOn, TermEndsOn) = (amended.TermStartsOn, amended.TermEndsOn);

    internal void ClearSignatures() => WorkerSignedAt = EmployerSignedAt = null;
}
