using Bargaining.Rules;

namespace Bargaining.Domain;

/// <summary>
/// The rescission or termination of the effective contract (解除/终止, Art 39–41): one side's chief proposes it in
/// writing with the reason, its grounds, the evidence and the day it takes effect; the other side's chief confirms
/// it (Art 41 applies the bargaining procedure) or declines, which clears the proposal.
/// </summary>
public sealed class RoundTermination
{
    internal RoundTermination() { }

    /// <summary>The lawful reason (Art 39–40).</summary>
    public TerminationReason? Reason { get; private set; }
    /// <summary>The side whose chief proposed it.</summary>
    public Side? ProposedBy { get; private set; }
    /// <summary>The name of the person who proposed it.</summary>
    public string? ProposedByName { get; private set; }
    /// <summary>When it was proposed.</summary>
    public DateTimeOffset? ProposedAt { get; private set; }
    /// <summary>Why, in the proposing side's words.</summary>
    public string? Grounds { get; private set; }
    /// <summary>The evidence (a court's ruling, the licence's cancellation, the event and its proof).</summary>
    public string? Evidence { get; private set; }
    /// <summary>The name of the evidence's file (a scan of the ruling, a photo), if one was attached (<see cref="TerminationEvidence"/>).</summary>
    public string? EvidenceFileName { get; private set; }
    /// <summary>The first day the contract is no longer in force.</summary>
    public DateOnly? EffectiveOn { get; private set; }
    /// <summary>Who on the other side confirmed it.</summary>
    public string? ConfirmedByName { get; private set; }
    /// <summary>When it was confirmed: from then the contract is 已解除 or 已终止.</summary>
    public DateTimeOffset? ConfirmedAt { get; private set; }

    /// <summary>The last proposal declined or withdrawn, by whom and why; the contract stayed in force.</summary>
    public string? Declined { get; private set; }

    /// <summary>A proposal waits for the other side.</summary>
    public bool Pending => ProposedAt is not null && ConfirmedAt is null;

    /// <summary>Why <paramref name="side"/> may not propose now, or null (the effective checks come from the round).</summary>
    public DomainException? CannotPropose() =>
        ConfirmedAt is not null ? DomainException.Conflict("termination.done", "合同已经解除或终止，不能再次解除")
        : Pending ? DomainException.Conflict("termination.pending", $"{ProposedBy!.Value.Chinese()}已提出解除（终止）合同，等待对方确认")
        : null;

    /// <summary>Why <paramref name="side"/> may not confirm or decline now, or null.</summary>
    public DomainException? CannotAnswer(Side side) =>
        ConfirmedAt is not null ? DomainException.Conflict("termination.done", "合同已经解除或终止，不能再次解除")
        : !Pending ? DomainException.Conflict("termination.none", "没有待确认的解除（终止）合同提议")
        : ProposedBy == side ? DomainException.Rule("termination.same-side", $"解除（终止）合同须经双方同意（《集体合同规定》第三十九条、第四十一条），应由{side.Other().Chinese()}首席代表确认")
        : null;

    internal void Propose(TerminationRule rule, Side side, string by, string grounds, string? evidence, string? evidenceFileName, DateOnly effectiveOn, DateOnly today,
        DateOnly termStartsOn, DateOnly termEndsOn, DateTimeOffset now)
    {
        if (CannotPropose() is { } refusal) throw refusal;
        if (rule.NeedsEvidence && string.IsNullOrWhiteSpace(evidence))
            throw DomainException.Rule("termination.evidence", $"以“{rule.Name}”为由解除（终止）合同，须写明证明材料（{rule.Article}），可附上其扫描件或照片");
        if (effectiveOn < termStartsOn || effectiveOn > termEndsOn)
            throw DomainException.Rule("termination.outside-term", $"解除（终止）日期应在合同期限内（{termStartsOn:yyyy-MM-dd}至{termEndsOn:yyyy-MM-dd}）");
        if (!rule.Backdated && effectiveOn < today)
            throw DomainException.Rule("termination.backdated", $"协商一致解除合同自双方同意之日起生效，解除日期不能早于今天（{today:yyyy-MM-dd}，{rule.Article}）");
        if (rule.Backdated && effectiveOn > today)
            throw DomainException.Rule("termination.in-future", $"“{rule.Name}”应在该情形出现后提出，解除（终止）日期不能晚于今天（{today:yyyy-MM-dd}）");
        Reason = rule.Reason;
        ProposedBy = side;
        ProposedByName = by;
        ProposedAt = now;
        Grounds = grounds.Trim();
        Evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim();
        EvidenceFileName = evidenceFileName is null ? null : Attachments.FileName(evidenceFileName);
        EffectiveOn = effectiveOn;
    }

    internal void Confirm(Side side, string by, DateTimeOffset now)
    {
        if (CannotAnswer(side) is { } refusal) throw refusal;
        ConfirmedByName = by;
        ConfirmedAt = now;
    }

    /// <summary>The other side declines the proposal, or the proposing side withdraws it: the contract stays in force.</summary>
    internal void Decline(Side side, string reason)
    {
        if (!Pending) throw DomainException.Conflict("termination.none", "没有待确认的解除（终止）合同提议");
        Declined = $"{side.Chinese()}{(side == ProposedBy ? "撤回" : "不同意")}{Rules.TerminationReasons.Of(Reason!.Value).Name}的提议：{reason.Trim()}";
        Reason = null;
        ProposedBy = null;
        ProposedByName = Grounds = Evidence = EvidenceFileName = null;
        ProposedAt = null;
        EffectiveOn = null;
    }
}

/// <summary>
/// The file of a termination's evidence (a scan of the court's ruling, of the licence's cancellation, a photo): one per
/// round, of its latest proposal; a declined proposal's is removed with it. Checked as every kept file is (<see cref="Attachments"/>).
/// </summary>
public sealed class TerminationEvidence
{
    private TerminationEvidence() { }

    /// <summary>The file <paramref name="fileName"/> for the proposal of <paramref name="roundId"/>'s termination; refused when <see cref="Attachments.Refusal"/> says so.</summary>
    public TerminationEvidence(Guid roundId, string fileName, string contentType, byte[] content)
    {
        if (Attachments.Refusal(fileName, contentType, content) is { } refusal) throw refusal;
        RoundId = roundId;
        FileName = Attachments.FileName(fileName);
        ContentType = contentType;
        Content = content;
    }

    public Guid RoundId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
}
