using Bargaining.Features.Rounds;
using Bargaining.Jurisdictions;
using Bargaining.Workflows;

namespace Bargaining.Domain;

/// <summary>
/// One bargaining round of an enterprise, its record kept in one part per phase of the procedure (offer, response,
/// table, congress, signing, filing, review, …); the procedure itself runs as a workflow instance
/// (<see cref="WorkflowInstanceId"/>). Rules that span parts (a failed vote or an objection undoes signatures) live here.
/// </summary>
public sealed class Round
{
    private Round() { }

    /// <summary>Starts a round; the workflow is started by the handler in the same transaction.</summary>
    public Round(Guid enterpriseId, RoundKind kind, Procedure procedure, string jurisdiction, Side offeringSide, DateTimeOffset createdAt)
    {
        // 简易程序: the enterprise union makes the offer (《江苏省集体协商条例》; simplified-procedure.json starts at union-offer).
        if (procedure == Procedure.Simplified && offeringSide == Side.Employer)
            throw DomainException.Rule("round.simplified-offer", "简易程序由企业工会发出要约，企业方要约请适用普通程序");
        if (kind is RoundKind.Industry or RoundKind.Regional)
            throw DomainException.Rule("round.multi-employer", $"{kind.Chinese()}由县级以下区域内的行业或区域工会与企业方面代表订立，约束该行业或区域的所有企业（《劳动合同法》第五十三条），不能为单个企业发起；请选择综合或专项集体合同");
        Id = Guid.CreateVersion7(createdAt);
        EnterpriseId = enterpriseId;
        Kind = kind;
        Procedure = procedure;
        Jurisdiction = jurisdiction;
        OfferingSide = offeringSide;
        WorkflowInstanceId = Id;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid EnterpriseId { get; private set; }
    /// <summary>Comprehensive, special or industry/regional.</summary>
    public RoundKind Kind { get; private set; }
    /// <summary>Ordinary or simplified.</summary>
    public Procedure Procedure { get; private set; }
    /// <summary>Jurisdiction profile code (periods, congress rule, minimum wage).</summary>
    public string Jurisdiction { get; private set; } = "";
    /// <summary>The side that makes the offer (either side may, Art 32).</summary>
    public Side OfferingSide { get; private set; }
    /// <summary>The workflow instance that runs the procedure.</summary>
    public Guid WorkflowInstanceId { get; private set; }
    /// <summary>When the round was started.</summary>
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>The offer (要约, Art 32).</summary>
    public RoundOffer Offer { get; private set; } = new();
    /// <summary>The response to the offer (回应, Art 32).</summary>
    public RoundResponse Response { get; private set; } = new();
    /// <summary>What the round records about the representatives (Art 19–21).</summary>
    public RoundRepresentatives Representatives { get; private set; } = new();
    /// <summary>Bargaining at the table: suspensions and drafts (Art 33–35).</summary>
    public RoundTableRecord Table { get; private set; } = new();
    /// <summary>The last congress vote on the draft (Art 36).</summary>
    public RoundCongress Congress { get; private set; } = new();
    /// <summary>The chiefs' signatures and the contract's term (Art 37–38).</summary>
    public RoundSigning Signing { get; private set; } = new();
    /// <summary>The filing with the labour administration (Art 42).</summary>
    public RoundFiling Filing { get; private set; } = new();
    /// <summary>The review (Art 46) and the announcement (Art 48).</summary>
    public RoundReview Review { get; private set; } = new();
    /// <summary>The simplified procedure's single meeting (简易程序).</summary>
    public RoundOnTheSpot OnTheSpot { get; private set; } = new();
    /// <summary>The last coordination of a dispute (Art 49–54).</summary>
    public RoundCoordination Coordination { get; private set; } = new();
    /// <summary>What this round renews, if it is a renewal (续签, Art 38).</summary>
    public RoundRenewal Renewal { get; private set; } = new();
    /// <summary>What this round changes, if it is a change (变更, Art 39–41).</summary>
    public RoundChange Change { get; private set; } = new();

    /// <summary>The rescission or termination of its effective contract (解除/终止, Art 39–41).</summary>
    public RoundTermination Termination { get; private set; } = new();

    /// <summary>True while the round runs: an enterprise runs one round of a kind at a time (a unique index holds it).</summary>
    public bool Running { get; private set; } = true;

    /// <summary>The round no longer runs: its workflow ended, its contract was published, or a renewal took its place.</summary>
    public void Stop() => Running = false;

    /// <summary>The side that answers the offer.</summary>
    public Side RespondingSide => OfferingSide.Other();

    /// <summary>The workflow definition that runs this round.</summary>
    public string WorkflowDefinition => Change.AmendsRoundId is not null ? DefinitionIds.Change : Renewal.RenewsRoundId is not null ? DefinitionIds.Renewal : Procedure == Procedure.Simplified ? DefinitionIds.SimplifiedProcedure : DefinitionIds.OrdinaryProcedure;

    /// <summary>
    /// Starts the renewal of <paramref name="current"/>'s contract, expiring on <paramref name="expiresOn"/>: same
    /// enterprise, kind and jurisdiction, by the ordinary procedure (续签, Art 38).
    /// </summary>
    public static Round RenewalOf(Round current, DateOnly expiresOn, DateOnly today, Side offeringSide, DateTimeOffset now)
    {
        if (CannotRenew(expiresOn, today) is { } refusal) throw refusal;
        return new Round(current.EnterpriseId, current.Kind, Procedure.Ordinary, current.Jurisdiction, offeringSide, now)
        {
            Renewal = new RoundRenewal(current.Id, expiresOn),
        };
    }

    /// <summary>
    /// Starts the change of <paramref name="current"/>'s contract version (变更, Art 39–41): same enterprise, kind and
    /// jurisdiction, by the ordinary procedure (Art 41), on <paramref name="articles"/> only; the change keeps the
    /// contract's term, which the chiefs may still agree anew before signing.
    /// </summary>
    public static Round ChangeOf(Round current, IReadOnlyCollection<int> articles, string reason, Side proposingSide, DateTimeOffset now)
    {
        var change = new Round(current.EnterpriseId, current.Kind, Procedure.Ordinary, current.Jurisdiction, proposingSide, now)
        {
            Change = new RoundChange(current.Id, articles, reason),
        };
        change.Signing.CarryTerm(current.Signing);
        return change;
    }

    /// <summary>Why a contract expiring on <paramref name="expiresOn"/> can no longer be renewed on <paramref name="today"/>, or null.</summary>
    public static DomainException? CannotRenew(DateOnly expiresOn, DateOnly today) => expiresOn < today
        ? DomainException.Rule("renewal.expired", $"现行合同已于{expiresOn:yyyy-MM-dd}期满，应重新发起集体协商而不是续订（《集体合同规定》第三十八条）")
        : null;

    /// <summary>The <c>kind</c> variable the definitions decide on (wage agreements are filed within 7 days).</summary>
    public string WorkflowKind => Kind switch
    {
        RoundKind.Wage => "wage",
        RoundKind.WomenWorkers => "women-workers",
        RoundKind.SafetyHealth => "safety-health",
        RoundKind.HighTemperature => "high-temperature",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// <paramref name="side"/>'s chief proposes to end the effective contract for <paramref name="reason"/> from
    /// <paramref name="effectiveOn"/>, within its term (Art 39–41); the other side confirms it.
    /// </summary>
    public void ProposeTermination(Rules.TerminationReason reason, Side side, string by, string grounds, string? evidence, string? evidenceFileName, DateOnly effectiveOn,
        DateOnly today, DateTimeOffset now)
    {
        if (Signing.TermStartsOn is not { } starts || Signing.TermEndsOn is not { } ends)
            throw DomainException.Conflict("termination.no-term", "合同未约定期限，不能解除或终止");
        Termination.Propose(Rules.TerminationReasons.Of(reason), side, by, grounds, evidence, evidenceFileName, effectiveOn, today, starts, ends, now);
    }

    /// <summary>The other side's chief confirms the proposed rescission or termination (Art 41).</summary>
    public void ConfirmTermination(Side side, string by, DateTimeOffset now) => Termination.Confirm(side, by, now);

    /// <summary>A side declines or withdraws the proposed rescission or termination; the contract stays in force.</summary>
    public void DeclineTermination(Side side, string reason) => Termination.Decline(side, reason);

    /// <summary>Records the response (回应): agreement, or a refusal with its justified reason (Art 32).</summary>
    public void Respond(DateTimeOffset now, bool accept, string? reason)
    {
        if (Offer.MadeAt is null) throw DomainException.Conflict("response.no-offer", "尚未发出要约书，无从回应");
        Response.Give(now, accept, reason);
    }

    /// <summary>
    /// Records the congress meeting of <paramref name="heldOn"/> on the current draft as judged by the Art 36 rule: a
    /// meeting without the quorum is recorded as no vote (<see cref="RoundCongress.Adopted"/> null), to be held again;
    /// a draft not adopted loses its signatures.
    /// </summary>
    public void RecordVote(int entitled, int present, int inFavour, DateOnly heldOn, DateOnly today, DateOnly draftOn, Rules.CongressOutcome outcome)
    {
        Congress.Record(entitled, present, inFavour, heldOn, today, draftOn, outcome);
        if (outcome is { QuorumMet: true, IsApproved: false }) Signing.ClearSignatures();
    }

    /// <summary>Records the filing (报送, Art 42) as received by the labour administration on <paramref name="receivedOn"/>; returns whether it was late.</summary>
    public bool File(DateOnly receivedOn, DateOnly today, DateOnly signedOn, string authority)
    {
        if (CannotFile() is { } refusal) throw refusal;
        return Filing.Receive(receivedOn, today, signedOn, authority);
    }

    /// <summary>Why the contract may not be filed yet (it states no term), or null.</summary>
    public DomainException? CannotFile() =>
        Rules.ContractTermRule.Unagreed(Signing.TermStartsOn, "filing.no-term", "报送审查的集体合同") is { } breach ? DomainException.Rule(breach.Code, breach.Message) : null;

    /// <summary>The reviewer objects (审查意见书, Art 46): the contested points go back to the table, to be signed and filed again.</summary>
    public void Object(string opinion, DateTimeOffset now)
    {
        Review.Object(opinion, now);
        Signing.ClearSignatures();
        Filing.Reopen();
    }

    /// <summary>Both chiefs sign minutes or a memo on the spot (简易程序, 《江苏省集体协商条例》).</summary>
    public void SignOnTheSpot(OnTheSpotRecord kind, MeetingMeans means, string text, string workerChief, string employerChief, DateTimeOffset now)
    {
        EnsureSimplified("当场签署会议纪要或备忘录");
        OnTheSpot.Sign(kind, means, text, workerChief, employerChief, now);
    }

    /// <summary>The simplified meeting ended without agreement.</summary>
    public void RecordNoAgreement(MeetingMeans means, string reason, DateTimeOffset now)
    {
        EnsureSimplified("记录未达成一致");
        OnTheSpot.RecordNoAgreement(means, reason, now);
    }

    private void EnsureSimplified(string action)
    {
        if (Procedure != Procedure.Simplified)
            throw DomainException.Rule("round.not-simplified", $"只有简易程序才能{action}；普通程序须经协商会议、职工代表大会审议和签字（《集体合同规定》第三十四条至第三十七条）");
    }
}
