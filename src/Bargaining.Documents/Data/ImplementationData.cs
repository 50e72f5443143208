namespace Bargaining.Documents.Data;

/// <summary>What the annual report on the contract's performance (履约情况报告) to the workers' congress prints.</summary>
public sealed record PerformanceReportData
{
    /// <summary>The employer.</summary>
    public required string Employer { get; init; }

    /// <summary>The union that reports, e.g. 盐城市恒达机械有限公司工会委员会.</summary>
    public required string Union { get; init; }

    /// <summary>The contract's title.</summary>
    public required string ContractTitle { get; init; }

    /// <summary>The contract number, once filed.</summary>
    public string? ContractNumber { get; init; }

    /// <summary>The contract's term.</summary>
    public required ContractTerm Term { get; init; }

    /// <summary>The year reported on.</summary>
    public required int Year { get; init; }

    /// <summary>The obligations due in the year, by due day.</summary>
    public required IReadOnlyList<ReportedObligation> Obligations { get; init; }

    /// <summary>How many obligations were due in the year.</summary>
    public required int Total { get; init; }

    /// <summary>How many were met.</summary>
    public required int Met { get; init; }

    /// <summary>How many were partly met.</summary>
    public required int Partly { get; init; }

    /// <summary>How many were not met.</summary>
    public required int NotMet { get; init; }

    /// <summary>How many were not checked yet.</summary>
    public required int Unchecked { get; init; }

    /// <summary>The performance disputes raised over the year's obligations.</summary>
    public IReadOnlyList<string> Disputes { get; init; } = [];

    /// <summary>The day of the report.</summary>
    public required DateOnly Date { get; init; }
}

/// <summary>One obligation in the report, with its last check.</summary>
public sealed record ReportedObligation
{
    /// <summary>What was promised.</summary>
    public required string Title { get; init; }

    /// <summary>The day it was due.</summary>
    public required DateOnly DueOn { get; init; }

    /// <summary>已履行, 部分履行, 未履行 or 未检查.</summary>
    public required string Outcome { get; init; }

    /// <summary>The day of the last check, if any.</summary>
    public DateOnly? CheckedOn { get; init; }

    /// <summary>The last check's note, or "—".</summary>
    public required string Note { get; init; }
}

/// <summary>What the record of a performance dispute (履约争议记录, 《集体合同规定》 Art 55) prints.</summary>
public sealed record PerformanceDisputeData
{
    /// <summary>The employer.</summary>
    public required string Employer { get; init; }

    /// <summary>The union that raised it.</summary>
    public required string Union { get; init; }

    /// <summary>The contract's title.</summary>
    public required string ContractTitle { get; init; }

    /// <summary>The contract number, once filed.</summary>
    public string? ContractNumber { get; init; }

    /// <summary>The contract's term.</summary>
    public required ContractTerm Term { get; init; }

    /// <summary>The obligation disputed.</summary>
    public required string Obligation { get; init; }

    /// <summary>What the contract requires.</summary>
    public required string Requirement { get; init; }

    /// <summary>Where the obligation comes from (the clause and what was read from it).</summary>
    public required string Basis { get; init; }

    /// <summary>The day it was due.</summary>
    public required DateOnly DueOn { get; init; }

    /// <summary>Its checks, oldest first.</summary>
    public required IReadOnlyList<DisputedCheck> Checks { get; init; }

    /// <summary>The facts and the claim.</summary>
    public required string Claim { get; init; }

    /// <summary>Who raised it.</summary>
    public required string RaisedBy { get; init; }

    /// <summary>The day it was raised.</summary>
    public required DateOnly RaisedOn { get; init; }
}

/// <summary>One check in a dispute record.</summary>
public sealed record DisputedCheck
{
    /// <summary>The day of the check.</summary>
    public required DateOnly CheckedOn { get; init; }

    /// <summary>What it found.</summary>
    public required string Outcome { get; init; }

    /// <summary>Its note, or "—".</summary>
    public required string Note { get; init; }

    /// <summary>Who recorded it.</summary>
    public required string By { get; init; }

    /// <summary>The attachment's file name, or "无".</summary>
    public required string Attachment { get; init; }
}
