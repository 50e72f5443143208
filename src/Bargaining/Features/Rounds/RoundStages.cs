using System.Text.Json.Nodes;
using Bargaining.Workflows;

namespace Bargaining.Features.Rounds;

/// <summary>Where a round stands, as the reports count it: one stage per round, from its workflow state.</summary>
public enum RoundStage
{
    /// <summary>已发起: started, no offer yet.</summary>
    Started,
    /// <summary>已要约: the offer is out, awaiting the reply (Art 32).</summary>
    Offered,
    /// <summary>已回应: the offer was answered; representatives and preparation (Art 33), or a refusal, coordinated or not.</summary>
    Replied,
    /// <summary>协商中: at the table, suspended, before the congress or coordinating a dispute at the table, until both chiefs sign.</summary>
    Bargaining,
    /// <summary>已签订: signed, not yet filed (Art 42).</summary>
    Signed,
    /// <summary>已报送: under review, or bargaining again over the reviewer's objection to file anew (Art 44–46).</summary>
    Filed,
    /// <summary>已生效: effective (Art 47), published or not.</summary>
    Effective,
    /// <summary>已结束: ended without a contract (withdrawn, coordination closed, simplified minutes or memo).</summary>
    Closed,
    /// <summary>已解除: the effective contract was rescinded by both sides (Art 39–41).</summary>
    Rescinded,
    /// <summary>已终止: the effective contract ended with the enterprise (merged, dissolved, bankrupt or closed, Art 40).</summary>
    Terminated,
    /// <summary>已期满: the effective contract's term is over (Art 38).</summary>
    Expired,
}

/// <summary>
/// The one place that maps workflow state to <see cref="RoundStage"/>s and finds what is overdue; the node ids are
/// those of <c>ordinary-procedure</c>, <c>simplified-procedure</c> and <c>renewal</c>. A round's stage never goes
/// back along any path the definitions allow: it is the stage of the steps it waits at, but never below a milestone
/// it has passed.
/// </summary>
public static class RoundStages
{
    /// <summary>The stage of a round whose instance is <paramref name="snapshot"/>.</summary>
    public static RoundStage Of(WorkflowSnapshot snapshot)
    {
        if (snapshot.Status == WorkflowStatus.Completed)
            return snapshot.Outcome switch
            {
                FormerOutcomes.Effective or FormerOutcomes.Renewed => RoundStage.Effective,
                Outcomes.Rescinded => RoundStage.Rescinded,
                Outcomes.Terminated => RoundStage.Terminated,
                Outcomes.Expired => RoundStage.Expired,
                _ => RoundStage.Closed,
            };
        // Parallel steps (the two signatures, the two lists of representatives) are at the same stage; the furthest counts.
        var steps = snapshot.Steps.Select(s => Of(s.Node)).DefaultIfEmpty(RoundStage.Started).Max();
        var passed = Passed(snapshot.Variables);
        return steps > passed ? steps : passed;
    }

    private static RoundStage Of(string node) => node switch
    {
        Nodes.UnionOffer or Nodes.EmployerOffer or Nodes.AwaitingWindow or Nodes.RenewalWindow or Nodes.Expired => RoundStage.Started,
        Nodes.EmployerReply or Nodes.UnionReply or Nodes.EmployerReplyOverdue or Nodes.UnionReplyOverdue or Nodes.ReplyOverdue => RoundStage.Offered,
        // Coordination (Art 49–54) stands where its dispute arose: an unanswered offer is still 已要约 at the earliest,
        // and Passed lifts a refused offer to 已回应 and a dispute at the table to 协商中.
        Nodes.DisputeCoordination or Nodes.CoordinationExtended or Nodes.CoordinationOverdue => RoundStage.Offered,
        // A side that has named its representatives waits at the join for the other: still 已回应.
        Nodes.OfferRefused or Nodes.UnionRepresentatives or Nodes.EmployerRepresentatives or Nodes.RepresentativesNamed or Nodes.Preparation => RoundStage.Replied,
        Nodes.Bargaining or Nodes.Suspended or Nodes.Congress or Nodes.UnionSignature or Nodes.EmployerSignature or Nodes.Signed or Nodes.Meeting => RoundStage.Bargaining,
        Nodes.Filing or Nodes.WageFiling or Nodes.FilingOverdue => RoundStage.Signed,
        Nodes.Review => RoundStage.Filed,
        Nodes.Effective or Nodes.Published => RoundStage.Effective,
        _ => throw new InvalidOperationException($"no stage for the workflow node '{node}'; add it to RoundStages"),
    };

    /// <summary>
    /// The furthest milestone the round has passed: a refused offer (已回应), an open table (协商中), a filed contract
    /// (已报送: an objection sends it back to the table, Art 46, but it has been filed).
    /// </summary>
    private static RoundStage Passed(JsonObject variables) =>
        BargainingConditions.Filed(variables) ? RoundStage.Filed
        : BargainingConditions.TableOpened(variables) ? RoundStage.Bargaining
        : BargainingConditions.OfferRefused(variables) ? RoundStage.Replied
        : RoundStage.Started;

    /// <summary>已发起, 已要约, … as the reports print them.</summary>
    public static string Chinese(this RoundStage stage) => stage switch
    {
        RoundStage.Started => "已发起",
        RoundStage.Offered => "已要约",
        RoundStage.Replied => "已回应",
        RoundStage.Bargaining => "协商中",
        RoundStage.Signed => "已签订",
        RoundStage.Filed => "已报送",
        RoundStage.Effective => "已生效",
        RoundStage.Rescinded => "已解除",
        RoundStage.Terminated => "已终止",
        RoundStage.Expired => "已期满",
        _ => "已结束",
    };

    /// <summary>Signed or further: counts towards the signing rate.</summary>
    public static bool IsSigned(this RoundStage stage) => stage is RoundStage.Signed or RoundStage.Filed or RoundStage.Effective || stage.HasEnded();

    /// <summary>The stages of a contract that took effect and has since ended, for queries.</summary>
    public static readonly RoundStage[] Ended = [RoundStage.Rescinded, RoundStage.Terminated, RoundStage.Expired];

    /// <summary>The contract took effect and has since ended: rescinded, terminated or expired (Art 38–41).</summary>
    public static bool HasEnded(this RoundStage stage) => Ended.Contains(stage);

    /// <summary>The contract took effect, whether it is still in force or has ended since.</summary>
    public static bool TookEffect(this RoundStage stage) => stage == RoundStage.Effective || stage.HasEnded();

    /// <summary>
    /// The overdue step of a round, if any, with its missed last day: a step whose deadline has lapsed and moved the
    /// round to a <c>…-overdue</c> step, or a step whose last day is before <paramref name="today"/> while its timer
    /// has not fired yet.
    /// </summary>
    public static (string Step, DateOnly LastDay)? Overdue(WorkflowOverview workflow, DateOnly today)
    {
        foreach (var step in workflow.Snapshot.Steps)
        {
            // The end of the term is no one's duty: the contract expires by itself (Art 38).
            if (Nodes.InForce(step.Node)) continue;
            if (step.LastDay is { } last && last < today) return (step.Name, last);
            if (!NodeGroups.Overdue.Contains(step.Node)) continue;
            var missed = workflow.Lapsed.Where(l => l.Into == step.Node).Select(l => (DateOnly?)l.LastDay).Max();
            if (missed is { } day) return (step.Name, day);
        }
        return null;
    }
}
