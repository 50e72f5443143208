namespace Bargaining.Documents.Data;

/// <summary>
/// What the notice of a contract's rescission or termination to the labour administration prints (集体合同解除（终止）
/// 告知书, Art 39–42: the copy for the authority that reviewed the contract).
/// </summary>
public sealed record TerminationNoticeData
{
    /// <summary>The labour administration the contract was filed with.</summary>
    public required string Authority { get; init; }

    /// <summary>The employer.</summary>
    public required string Employer { get; init; }

    /// <summary>The enterprise union.</summary>
    public required string Union { get; init; }

    /// <summary>The contract's title, e.g. 盐城恒达精密机械有限公司综合集体合同.</summary>
    public required string ContractTitle { get; init; }

    /// <summary>The contract's number as filed, if it has one.</summary>
    public string? ContractNumber { get; init; }

    /// <summary>The day the labour administration received the filing.</summary>
    public DateOnly? FiledOn { get; init; }

    /// <summary>The term's first day.</summary>
    public required DateOnly TermStartsOn { get; init; }

    /// <summary>The term's last day.</summary>
    public required DateOnly TermEndsOn { get; init; }

    /// <summary>解除 or 终止.</summary>
    public required string Action { get; init; }

    /// <summary>The lawful reason, as the regulation names it.</summary>
    public required string Reason { get; init; }

    /// <summary>The provision it rests on.</summary>
    public required string Article { get; init; }

    /// <summary>The proposing side's grounds.</summary>
    public required string Grounds { get; init; }

    /// <summary>The evidence, if any.</summary>
    public string? Evidence { get; init; }

    /// <summary>The name of the evidence's file attached to the proposal, if any (its copy goes with the notice).</summary>
    public string? EvidenceFile { get; init; }

    /// <summary>The side that proposed it (职工方 / 企业方).</summary>
    public required string ProposedBy { get; init; }

    /// <summary>The day it was proposed.</summary>
    public required DateOnly ProposedOn { get; init; }

    /// <summary>The day the other side confirmed it.</summary>
    public required DateOnly ConfirmedOn { get; init; }

    /// <summary>The first day the contract is no longer in force.</summary>
    public required DateOnly EffectiveOn { get; init; }

    /// <summary>The employer's chief representative.</summary>
    public required string EmployerChief { get; init; }

    /// <summary>The worker side's chief representative.</summary>
    public required string WorkerChief { get; init; }
}
