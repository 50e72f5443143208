namespace Bargaining.Domain;

/// <summary>What a check found (履约检查结论).</summary>
public enum CheckOutcome
{
    /// <summary>已履行.</summary>
    Met,
    /// <summary>部分履行.</summary>
    Partly,
    /// <summary>未履行.</summary>
    NotMet,
}

/// <summary>Chinese names of <see cref="CheckOutcome"/>s.</summary>
public static class CheckOutcomeNames
{
    /// <summary>已履行, 部分履行, 未履行.</summary>
    public static string Chinese(this CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Met => "已履行",
        CheckOutcome.Partly => "部分履行",
        _ => "未履行",
    };
}

/// <summary>
/// One promise of an effective contract to be checked by a due day (履约清单的一项): derived from an agreed clause with
/// its number or date (<see cref="Features.Implementation.ObligationDerivation"/>), or added by hand for a clause the
/// derivation cannot read. The outcome of its last check is kept on it, so the county and the city count contracts
/// with unmet obligations by an index.
/// </summary>
public sealed class Obligation
{
    private Obligation() { }

    /// <summary>An obligation of the contract of <paramref name="roundId"/>, whose enterprise belongs to <paramref name="organisationId"/>.</summary>
    public Obligation(Guid roundId, Guid organisationId, int sequence, int? clauseSequence, string title, string requirement, string basis, DateOnly dueOn,
        bool manual, DateTimeOffset at, string by)
    {
        if (string.IsNullOrWhiteSpace(title)) throw DomainException.Rule("obligation.title", "请填写履约事项");
        if (string.IsNullOrWhiteSpace(requirement)) throw DomainException.Rule("obligation.requirement", "请填写履约要求");
        Id = Guid.CreateVersion7(at);
        RoundId = roundId;
        OrganisationId = organisationId;
        Sequence = sequence;
        ClauseSequence = clauseSequence;
        Title = title.Trim();
        Requirement = requirement.Trim();
        Basis = basis.Trim();
        DueOn = dueOn;
        Manual = manual;
        CreatedAt = at;
        CreatedBy = by;
    }

    public Guid Id { get; private set; }
    /// <summary>The round whose contract makes the promise.</summary>
    public Guid RoundId { get; private set; }
    /// <summary>The enterprise's county-level unit (an enterprise never moves).</summary>
    public Guid OrganisationId { get; private set; }
    /// <summary>1, 2, … within the contract's checklist.</summary>
    public int Sequence { get; private set; }
    /// <summary>The clause of the contract it comes from, if derived or named.</summary>
    public int? ClauseSequence { get; private set; }
    /// <summary>What is promised, short (工资增长6%).</summary>
    public string Title { get; private set; } = "";
    /// <summary>What the check must find.</summary>
    public string Requirement { get; private set; } = "";
    /// <summary>Why it is on the list: the clause and the number or date read from it, or "人工添加".</summary>
    public string Basis { get; private set; } = "";
    /// <summary>The day by which it is to be met; overdue from the day after.</summary>
    public DateOnly DueOn { get; private set; }
    /// <summary>Added by hand rather than derived.</summary>
    public bool Manual { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    /// <summary>The last check's outcome; null before any check.</summary>
    public CheckOutcome? LastOutcome { get; private set; }
    /// <summary>The day of the last check.</summary>
    public DateOnly? LastCheckedOn { get; private set; }
    /// <summary>The last check found it not met or only partly met (what the county is told of).</summary>
    public bool Unmet { get; private set; }

    /// <summary>Due before <paramref name="today"/> and never checked: overdue from the day after <see cref="DueOn"/>.</summary>
    public bool OverdueOn(DateOnly today) => LastOutcome is null && DueOn < today;

    /// <summary>Records a check made on <paramref name="on"/>; a note is required unless it was met.</summary>
    public ObligationCheck Check(CheckOutcome outcome, string? note, DateOnly on, DateTimeOffset at, string by)
    {
        if (outcome != CheckOutcome.Met && string.IsNullOrWhiteSpace(note))
            throw DomainException.Rule("check.note", $"检查结论为“{outcome.Chinese()}”时，请在备注中写明未履行的情况");
        if (LastCheckedOn is { } last && on < last)
            throw DomainException.Conflict("check.earlier", $"本项已于{last:yyyy-MM-dd}检查，新的检查日期不能更早");
        LastOutcome = outcome;
        LastCheckedOn = on;
        Unmet = outcome != CheckOutcome.Met;
        return new ObligationCheck(this, outcome, note, on, at, by);
    }

    /// <summary>Why a performance dispute may not be raised over it (its last check did not find it unmet), or null.</summary>
    public DomainException? CannotDispute() => Unmet ? null
        : DomainException.Conflict("dispute.not-unmet", $"“{Title}”最近一次检查未认定为未履行或部分履行，不能就此提出履约争议");
}

/// <summary>One check of an obligation (履约检查记录): who, when, what was found, a note and an optional attachment.</summary>
public sealed class ObligationCheck
{
    private ObligationCheck() { }

    internal ObligationCheck(Obligation obligation, CheckOutcome outcome, string? note, DateOnly on, DateTimeOffset at, string by)
    {
        Id = Guid.CreateVersion7(at);
        ObligationId = obligation.Id;
        RoundId = obligation.RoundId;
        Outcome = outcome;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        CheckedOn = on;
        At = at;
        By = by;
    }

    public Guid Id { get; private set; }
    public Guid ObligationId { get; private set; }
    public Guid RoundId { get; private set; }
    public CheckOutcome Outcome { get; private set; }
    public string? Note { get; private set; }
    /// <summary>The day of the check, in the contract's jurisdiction.</summary>
    public DateOnly CheckedOn { get; private set; }
    public DateTimeOffset At { get; private set; }
    /// <summary>Who recorded it (name).</summary>
    public string By { get; private set; } = "";
    /// <summary>The attachment's file name, if one was added (the content is in <see cref="CheckAttachment"/>).</summary>
    public string? AttachmentName { get; private set; }

    /// <summary>Attaches evidence (pay slips, a notice) checked by <see cref="Attachments.Refusal"/>.</summary>
    public CheckAttachment Attach(string fileName, string contentType, byte[] content)
    {
        if (Attachments.Refusal(fileName, contentType, content) is { } refusal) throw refusal;
        AttachmentName = Attachments.FileName(fileName);
        return new CheckAttachment(Id, AttachmentName, contentType, content);
    }
}

/// <summary>The evidence of a check: a PDF or a photo (<see cref="Attachments"/>).</summary>
public sealed class CheckAttachment
{
    private CheckAttachment() { }

    internal CheckAttachment(Guid checkId, string fileName, string contentType, byte[] content)
    {
        CheckId = checkId;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
    }

    public Guid CheckId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
}

/// <summary>
/// A dispute over the performance of the contract (履约争议), raised over an unmet obligation with its checks; it goes
/// to labour arbitration (《集体合同规定》 Art 55). One per obligation.
/// </summary>
public sealed class PerformanceDispute
{
    private PerformanceDispute() { }

    /// <summary>Raises a dispute over <paramref name="obligation"/>, refused unless its last check found it unmet.</summary>
    public PerformanceDispute(Obligation obligation, string claim, DateOnly on, DateTimeOffset at, string by)
    {
        if (obligation.CannotDispute() is { } refusal) throw refusal;
        Id = Guid.CreateVersion7(at);
        ObligationId = obligation.Id;
        RoundId = obligation.RoundId;
        Claim = claim.Trim();
        RaisedOn = on;
        RaisedAt = at;
        RaisedBy = by;
    }

    public Guid Id { get; private set; }
    public Guid ObligationId { get; private set; }
    public Guid RoundId { get; private set; }
    /// <summary>What the union asks for (the facts and the claim).</summary>
    public string Claim { get; private set; } = "";
    public DateOnly RaisedOn { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    /// <summary>Who raised it (name).</summary>
    public string RaisedBy { get; private set; } = "";
}
