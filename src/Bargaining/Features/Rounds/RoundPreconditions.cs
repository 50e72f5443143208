using Bargaining.Domain;
using Bargaining.Jurisdictions;
using Bargaining.Workflows;

namespace Bargaining.Features.Rounds;

/// <summary>
/// What a round must hold before a command may move it, beyond the step it is at: each check returns the refusal the
/// command throws, or null. The commands throw it; <see cref="Views.RoundActionsQuery"/> shows its message as the
/// reason an action is not yet possible, so the two cannot drift. Checks an entity guards itself live on the entity
/// (<see cref="Topic.CannotAgree"/>, <see cref="Meeting.CannotRecord"/>, <see cref="Round.CannotFile"/>, …).
/// </summary>
public static class RoundPreconditions
{
    /// <summary>
    /// The draft is made after a meeting has been held and minuted (<paramref name="held"/>), when every topic is
    /// agreed or withdrawn and at least one is agreed (Art 34), and a special contract's specific terms are agreed, so
    /// that the congress votes on them (Art 36); each chief signs it once.
    /// </summary>
    public static DomainException? Conclude(Round round, Side side, bool held, IReadOnlyList<Topic> topics, SpecificTerms? terms)
    {
        var open = topics.Where(t => t.Status == TopicStatus.Open).OrderBy(t => t.Id).Select(t => $"“{t.Title}”").ToList();
        if (open.Count > 0)
            return DomainException.Rule("conclude.open-topics", $"议题{string.Join("、", open)}尚未达成一致或撤回，不能形成合同草案（《集体合同规定》第三十四条）");
        if (!topics.Any(t => t.Status == TopicStatus.Agreed)) return DomainException.Rule("conclude.nothing-agreed", "没有达成一致的议题，无从形成合同草案");
        if (!held)
            return DomainException.Rule("conclude.no-meeting",
                "尚未召开并记录协商会议，不能形成合同草案：合同草案应经协商会议协商一致，会议记录由双方首席代表签字（《集体合同规定》第三十四条）");
        if (round.Table.CannotConclude(side, topics.Sum(t => t.Positions.Count)) is { } signed) return signed;
        return SpecificTerms.Missing(round.Kind, terms) is { } missing
            ? DomainException.Rule("conclude.specific-terms", $"{missing}，请在形成合同草案前约定，供职工代表大会审议")
            : null;
    }

    /// <summary>Only the side that made the offer gives it up after a refusal.</summary>
    public static DomainException? WithdrawOffer(Round round, Side side) =>
        side == round.OfferingSide ? null : DomainException.Forbidden("只有要约方可以不再要求协商");

    /// <summary>
    /// Filing needs the department the enterprise's unit files with (Art 42), and a contract that states its term
    /// (Art 38).
    /// </summary>
    public static DomainException? File(Round round, Organisation unit) =>
        unit is not { LabourAuthority: not null, FilingAbbreviation: not null }
            ? DomainException.Conflict("filing.no-authority", $"{unit.Name}尚未设置受理集体合同审查的劳动保障行政部门，请市总工会先行设置（《集体合同规定》第四十二条）")
            : round.CannotFile();

    /// <summary>The term is agreed in the ordinary procedure, while the round runs and before both chiefs have signed.</summary>
    public static DomainException? AgreeTerm(Round round, WorkflowSnapshot snapshot)
    {
        if (round.Procedure == Procedure.Simplified)
            return DomainException.Rule("term.simplified", "简易程序以当场签署的会议纪要或备忘录结束，不订立有期限的集体合同");
        if (snapshot.Steps.Count == 0) return DomainException.Conflict("round.ended", "本轮协商已经结束，不能再约定合同期限");
        return round.Signing.CannotAgreeTerm();
    }

    /// <summary>A renewal's offer waits for the window before the current contract expires (3 months, Art 38; from the profile).</summary>
    public static DomainException? RenewalOffer(Round round, IReadOnlyList<ActiveStep> steps, JurisdictionProfile profile)
    {
        if (steps.FirstOrDefault(s => s.Node == Nodes.AwaitingWindow) is not { } waiting) return null;
        var opens = waiting.LastDay ?? profile.Time.LocalDate(waiting.Due!.Value);
        return DomainException.Rule("renewal.window",
            $"续订期自{opens:yyyy年M月d日}开始（现行合同{round.Renewal.CurrentExpiresOn:yyyy年M月d日}期满前{profile.Duration(PeriodNames.RenewalWindow).Chinese()}内，《集体合同规定》第三十八条），此前不能发出续订要约书");
    }

    /// <summary>
    /// An effective contract is renewed once, before it expires (Art 38): <paramref name="current"/> is its round's
    /// workflow, <paramref name="renewed"/> whether a renewal was started already.
    /// </summary>
    public static DomainException? StartRenewal(WorkflowSnapshot current, bool renewed, DateOnly expiresOn, DateOnly today)
    {
        if (current.Outcome is not (FormerOutcomes.Effective or FormerOutcomes.Renewed) && !current.Steps.Any(s => Nodes.InForce(s.Node)))
            return DomainException.Conflict("renewal.not-effective", "只有已生效的集体合同才能续订（《集体合同规定》第三十八条）");
        if (renewed) return DomainException.Conflict("renewal.exists", "该合同已发起续订，不能重复发起");
        return Round.CannotRenew(expiresOn, today);
    }

    /// <summary>
    /// The last day of <paramref name="round"/>'s term when it is over on <paramref name="today"/>: the contract has
    /// expired (Art 38), whether or not its expiry timer has fired yet. Termination and change both ask it.
    /// </summary>
    public static DateOnly? TermEnded(Round round, DateOnly today) => round.Signing.TermEndsOn is { } ends && ends < today ? ends : null;

    /// <summary>
    /// A contract is rescinded or terminated only while in force (Art 39–41): after it took effect, before it ended; an
    /// ended contract cannot be ended, or changed, again. A contract past the last day of its term has expired (Art 38)
    /// even before its expiry timer has fired.
    /// </summary>
    public static DomainException? Terminate(WorkflowSnapshot current, Round round, DateOnly today) => RoundStages.Of(current) switch
    {
        RoundStage.Rescinded or RoundStage.Terminated => DomainException.Conflict("termination.done", "合同已经解除或终止，不能再解除、终止或变更"),
        RoundStage.Expired => DomainException.Conflict("termination.expired", "合同已期满终止，不能再解除、终止或变更（《集体合同规定》第三十八条）"),
        _ when TermEnded(round, today) is { } ends =>
            DomainException.Conflict("termination.expired", $"合同已于{ends:yyyy年M月d日}期满终止，不能再解除、终止或变更（《集体合同规定》第三十八条）"),
        _ when current.Steps.Any(s => Nodes.InForce(s.Node)) => null,
        _ => DomainException.Conflict("termination.not-effective", "只有已生效、仍在期限内的集体合同才能解除或终止（《集体合同规定》第三十九条至第四十一条）"),
    };
}
