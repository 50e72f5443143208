namespace Bargaining.Documents.Data;

/// <summary>What the change agreement (集体合同变更协议, 《集体合同规定》 Art 39–41) prints.</summary>
public sealed record ChangeAgreementData
{
    /// <summary>The employer (甲方).</summary>
    public required string Employer { get; init; }

    /// <summary>The union (乙方).</summary>
    public required string Union { get; init; }

    /// <summary>The employer's representatives for the change.</summary>
    public required BargainingSide EmployerSide { get; init; }

    /// <summary>The workers' representatives for the change.</summary>
    public required BargainingSide WorkerSide { get; init; }

    /// <summary>The title of the contract changed, as it was printed.</summary>
    public required string ContractTitle { get; init; }

    /// <summary>Its number (合同编号), if it was filed with one.</summary>
    public string? ContractNumber { get; init; }

    /// <summary>The agreement's own filing number; null before filing.</summary>
    public string? Number { get; init; }

    /// <summary>The side that proposed the change, 职工方 or 企业方.</summary>
    public required string ProposedBy { get; init; }

    /// <summary>Why the change was proposed (Art 40).</summary>
    public required string Reason { get; init; }

    /// <summary>Each article changed, old and new text.</summary>
    public required IReadOnlyList<ChangedArticle> Articles { get; init; }

    /// <summary>The congress vote on the change (Art 36), once held.</summary>
    public CongressVote? Congress { get; init; }

    /// <summary>The day both chiefs signed.</summary>
    public required DateOnly SigningDate { get; init; }

    /// <summary>The day the change took effect (Art 47); null before.</summary>
    public DateOnly? EffectiveDate { get; init; }
}

/// <summary>An article of the contract as it was and as the change agreed it.</summary>
public sealed record ChangedArticle
{
    /// <summary>Its number among the agreed clauses (第N条).</summary>
    public required int Number { get; init; }

    /// <summary>Its topic.</summary>
    public required string Title { get; init; }

    /// <summary>The text before the change.</summary>
    public required string Before { get; init; }

    /// <summary>The text agreed by the change.</summary>
    public required string After { get; init; }
}

/// <summary>What the redline annex (条款对照表) of two versions of a contract prints.</summary>
public sealed record RedlineData
{
    /// <summary>The contract's title.</summary>
    public required string Contract { get; init; }

    /// <summary>The older version, e.g. 原合同（2026年3月2日发起）.</summary>
    public required string From { get; init; }

    /// <summary>The newer version.</summary>
    public required string To { get; init; }

    /// <summary>How many clauses were added, removed, changed and kept.</summary>
    public required int Added { get; init; }

    /// <summary>Clauses only the older version has.</summary>
    public required int Removed { get; init; }

    /// <summary>Clauses whose text changed.</summary>
    public required int Changed { get; init; }

    /// <summary>Clauses kept word for word.</summary>
    public required int Unchanged { get; init; }

    /// <summary>Each clause, in the newer version's order.</summary>
    public required IReadOnlyList<RedlineClauseData> Clauses { get; init; }
}

/// <summary>One clause of the redline annex.</summary>
public sealed record RedlineClauseData
{
    /// <summary>第2条 → 第2条, 新增第3条, 删除原第4条.</summary>
    public required string Heading { get; init; }

    /// <summary>Its topic.</summary>
    public required string Title { get; init; }

    /// <summary>修改, 新增, 删除 or 未变.</summary>
    public required string Status { get; init; }

    /// <summary>The text in runs, each kept, removed or added.</summary>
    public required IReadOnlyList<RedlineRun> Runs { get; init; }
}

/// <summary>A run of a clause's text in the redline.</summary>
public sealed record RedlineRun
{
    /// <summary>The text.</summary>
    public required string Text { get; init; }

    /// <summary>Taken out of the older version.</summary>
    public bool Removed { get; init; }

    /// <summary>Put into the newer version.</summary>
    public bool Added { get; init; }
}
