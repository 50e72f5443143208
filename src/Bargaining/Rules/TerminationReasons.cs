namespace Bargaining.Rules;

/// <summary>The lawful reasons to end an effective collective contract before its term is over (《集体合同规定》 Art 39–40).</summary>
public enum TerminationReason
{
    /// <summary>双方协商一致 (Art 39).</summary>
    Consensus,
    /// <summary>用人单位被兼并、解散、破产或关闭，致使合同无法履行 (Art 40(1)).</summary>
    EnterpriseCeased,
    /// <summary>因不可抗力致使合同无法履行 (Art 40(2)).</summary>
    ForceMajeure,
    /// <summary>合同约定的解除条件出现 (Art 40(3)).</summary>
    AgreedCondition,
    /// <summary>法律、法规、规章规定的其他情形 (Art 40(4)).</summary>
    OtherLaw,
}

/// <summary>What the regulation says of one reason: its name, the article, what it ends in and what the record needs.</summary>
/// <param name="Name">As the forms and the notice print it.</param>
/// <param name="Article">The provision it rests on.</param>
/// <param name="Ends">True when the contract 终止 (its party is gone); false when it is 解除 (rescinded).</param>
/// <param name="NeedsEvidence">The record must name the evidence (Art 40: the event that makes performance impossible).</param>
/// <param name="Backdated">The effective day may be before the proposal (the event happened); a consensus takes effect only from its agreement.</param>
public sealed record TerminationRule(TerminationReason Reason, string Name, string Article, bool Ends, bool NeedsEvidence, bool Backdated);

/// <summary>
/// The reasons and their articles in one place. Every reason is confirmed by both sides' chiefs: Art 41 applies the
/// bargaining procedure to a rescission, so one side proposes it in writing and the other agrees in writing.
/// </summary>
public static class TerminationReasons
{
    /// <summary>The rules, in the order of the regulation.</summary>
    public static readonly IReadOnlyList<TerminationRule> All =
    [
        new(TerminationReason.Consensus, "双方协商一致解除", "《集体合同规定》第三十九条", Ends: false, NeedsEvidence: false, Backdated: false),
        new(TerminationReason.EnterpriseCeased, "用人单位被兼并、解散、破产或关闭", "《集体合同规定》第四十条第（一）项", Ends: true, NeedsEvidence: true, Backdated: true),
        new(TerminationReason.ForceMajeure, "不可抗力致使合同无法履行", "《集体合同规定》第四十条第（二）项", Ends: false, NeedsEvidence: true, Backdated: true),
        new(TerminationReason.AgreedCondition, "合同约定的解除条件出现", "《集体合同规定》第四十条第（三）项", Ends: false, NeedsEvidence: true, Backdated: true),
        new(TerminationReason.OtherLaw, "法律、法规、规章规定的其他情形", "《集体合同规定》第四十条第（四）项", Ends: false, NeedsEvidence: true, Backdated: true),
    ];

    /// <summary>The rule of <paramref name="reason"/>.</summary>
    public static TerminationRule Of(TerminationReason reason) => All.Single(r => r.Reason == reason);

    /// <summary>The value of the workflow variable <c>terminationReason</c> the definitions decide on (<c>enterprise-ceased</c> ends in 终止).</summary>
    public static string WorkflowName(this TerminationReason reason) => reason switch
    {
        TerminationReason.EnterpriseCeased => "enterprise-ceased",
        TerminationReason.ForceMajeure => "force-majeure",
        TerminationReason.AgreedCondition => "agreed-condition",
        TerminationReason.OtherLaw => "other-law",
        _ => "consensus",
    };
}
