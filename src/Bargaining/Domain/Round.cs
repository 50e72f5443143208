
namespace Bargaining.Domain;

/// <summary>What a round bargains for (Art 3; LCL Art 52–54).</summary>
public enum RoundKind
{
    /// <summary>综合集体合同.</summary>
    Comprehensive,
    /// <summary>工资专项集体合同.</summary>
    Wage,
    /// <summary>女职工权益保护专项集体合同.</summary>
    WomenWorkers,
    /// <summary>劳动安全卫生专项集体合同.</summary>
    SafetyHealth,
    /// <summary>高温作业劳动保护专项集体合同 (local).</summary>
    HighTemperature,
    /// <summary>行业性集体合同.</summary>
    Industry,
    /// <summary>区域性集体合同.</summary>
    Regional,
}

/// <summary>Chinese names of <see cref="RoundKind"/>s.</summary>
public static class RoundKinds
{
    /// <summary>综合集体合同, 工资专项集体合同, … .</summary>
    public static string Chinese(this RoundKind kind) => kind switch
    {
        RoundKind.Comprehensive => "综合集体合同",
        RoundKind.Wage => "工资专项集体合同",
        RoundKind.WomenWorkers => "女职工权益保护专项集体合同",
        RoundKind.SafetyHealth => "劳动安全卫生专项集体合同",
        RoundKind.HighTemperature => "高温作业劳动保护专项集体合同",
        RoundKind.Industry => "行业性集体合同",
        _ => "区域性集体合同",
    };

    /// <summary>普通程序 / 简易程序.</summary>
    public static string Chinese(this Procedure procedure) => procedure == Procedure.Ordinary ? "普通程序" : "简易程序";
}

/// <summary>The Jiangsu procedures: 普通程序 and 简易程序.</summary>
public enum Procedure
{
    /// <summary>普通程序: required to sign a collective contract.</summary>
    Ordinary,
    /// <summary>简易程序: one meeting, minutes or memo signed on the spot.</summary>
    Simplified,
}

/// <summary>How the single meeting of the simplified procedure is held (会议、电话或网络).</summary>
public enum MeetingMeans
{
    /// <summary>会议 (in person).</summary>
    InPerson,
    /// <summary>电话.</summary>
    Phone,
    /// <summary>网络 (online).</summary>
    Online,
}

/// <summary>What the chiefs sign on the spot in the simplified procedure.</summary>
public enum OnTheSpotRecord
{
    /// <summary>会议纪要.</summary>
    Minutes,
    /// <summary>备忘录.</summary>
    Memo,
}

/// <summary>The two sides at the table.</summary>
public enum Side
{
    /// <summary>职工方 (the union).</summary>
    Worker,
    /// <summary>企业方 (the employer).</summary>
    Employer,
}

/// <summary>Names of the sides as officers say them, and their roles in the workflow definitions.</summary>
public static class Sides
{
    /// <summary>职工方 / 企业方.</summary>
    public static string Chinese(this Side side) => side == Side.Worker ? "职工方" : "企业方";

    /// <summary>The role the definitions give the side: <c>union</c> or <c>employer</c>.</summary>
    public static string WorkflowRole(this Side side) => side == Side.Worker ? "union" : "employer";

    /// <summary>The other side.</summary>
    public static Side Other(this Side side) => side == Side.Worker ? Side.Employer : Side.Worker;
}

/// <summary>
/// One bargaining round of an enterprise: the offer (要约, Art 32), the response (回应), and the topics bargained;
/// the procedure itself runs as a workflow instance (<see cref="WorkflowInstanceId"/>).
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

    /// <summary>Id.</summary>
    public Guid Id { get; private set; }
    /// <summary>The enterprise.</summary>
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
    /// <summary>True while the round runs: an enterprise runs one round of a kind at a time (a unique index holds it).</summary>
    public bool Running { get; private set; } = true;

    /// <summary>The round no longer runs: its workflow ended, or a renewal took its place.</summary>
    public void Stop() => Running = false;
    /// <summary>When the offer letter was sent.</summary>
    public DateTimeOffset? OfferMadeAt { get; private set; }
    /// <summary>The day the other side received the offer; the reply period counts from it (Art 32).</summary>
    public DateOnly? OfferReceivedOn { get; private set; }
    /// <summary>The number of representatives per side the offer proposes (Art 19), if it says.</summary>
    public int? RepresentativesPerSide { get; private set; }
    /// <summary>The campaign whose window and units the offer fell in (集中要约), if any.</summary>
    public Guid? CampaignId { get; private set; }
    /// <summary>集中要约 or 分散要约, fixed when the offer is made from its date.</summary>
    public OfferMode? OfferMode { get; private set; }
    /// <summary>When the response was given.</summary>
    public DateTimeOffset? RespondedAt { get; private set; }
    /// <summary>True when the other side agreed to bargain; null before a response.</summary>
    public bool? Accepted { get; private set; }
    /// <summary>The justified reason (正当理由) of a refusal.</summary>
    public string? RefusalReason { get; private set; }

    /// <summary>The side that answers the offer.</summary>
    public Side RespondingSide => OfferingSide.Other();

    /// <summary>The workflow definition that runs this round.</summary>
    public string WorkflowDefinition => RenewsRoundId is not null ? "renewal" : Procedure == Procedure.Simplified ? "simplified-procedure" : "ordinary-procedure";

    /// <summary>For a renewal (续签, Art 38), the round whose contract it renews.</summary>
    public Guid? RenewsRoundId { get; private set; }
    /// <summary>For a renewal, the day the current contract expires; the window opens 3 months before (Art 38).</summary>
    public DateOnly? CurrentExpiresOn { get; private set; }

    /// <summary>
    /// Starts the renewal of <paramref name="current"/>'s contract, expiring on <paramref name="expiresOn"/>: same
    /// enterprise, kind and jurisdiction, by the ordinary procedure (续签, Art 38).
    /// </summary>
    public static Round Renewal(Round current, DateOnly expiresOn, DateOnly today, Side offeringSide, DateTimeOffset now)
    {
        if (expiresOn < today)
            throw DomainException.Rule("renewal.expired", $"现行合同已于{expiresOn:yyyy-MM-dd}期满，应重新发起集体协商而不是续订（《集体合同规定》第三十八条）");
        return new Round(current.EnterpriseId, current.Kind, Procedure.Ordinary, current.Jurisdiction, offeringSide, now)
        {
            RenewsRoundId = current.Id,
            CurrentExpiresOn = expiresOn,
        };
    }

    /// <summary>The <c>kind</c> variable the definitions decide on (wage agreements are filed within 7 days).</summary>
    public string WorkflowKind => Kind switch
    {
        RoundKind.Wage => "wage",
        RoundKind.WomenWorkers => "women-workers",
        RoundKind.SafetyHealth => "safety-health",
        RoundKind.HighTemperature => "high-temperature",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Records the offer (要约, Art 32): sent now, received by the other side on <paramref name="receivedOn"/>.</summary>
    public void MakeOffer(DateTimeOffset now, DateOnly today, DateOnly receivedOn, int? representativesPerSide, Guid? campaignId)
    {
        if (OfferMadeAt is not null) throw DomainException.Conflict("offer.already-made", "本轮协商已发出要约书，不能重复发出");
        if (receivedOn > today) throw DomainException.Rule("offer.received-in-future", $"对方收到要约书的日期（{receivedOn:yyyy-MM-dd}）不能晚于今天");
        if (Rules.Representatives.CheckProposedNumber(representativesPerSide) is { } breach) throw DomainException.Rule(breach.Code, breach.Message);
        OfferMadeAt = now;
        OfferReceivedOn = receivedOn;
        RepresentativesPerSide = representativesPerSide;
        CampaignId = campaignId;
        OfferMode = campaignId is null ? Domain.OfferMode.Dispersed : Domain.OfferMode.Centralised;
    }

    /// <summary>The employer's legal representative (法定代表人) as the employer side named it with its representatives (Art 21).</summary>
    public string? EmployerLegalRepresentative { get; private set; }

    /// <summary>Records the employer's legal representative, who is its chief unless someone is authorised in writing.</summary>
    public void NameLegalRepresentative(string name) => EmployerLegalRepresentative = name.Trim();

    /// <summary>The first meeting's time (local) the offer letter proposes, if it does.</summary>
    public DateTime? ProposedMeetingAt { get; private set; }
    /// <summary>The first meeting's place the offer letter proposes.</summary>
    public string? ProposedMeetingPlace { get; private set; }
    /// <summary>The last day to reply to the offer, as counted when it was made (Art 32).</summary>
    public DateOnly? ReplyDueOn { get; private set; }

    /// <summary>The offer letter proposes the first meeting's time and place.</summary>
    public void ProposeFirstMeeting(DateTime at, string place)
    {
        ProposedMeetingAt = at;
        ProposedMeetingPlace = place.Trim();
    }

    /// <summary>Records the last day to reply, as the workflow counted it.</summary>
    public void ReplyDue(DateOnly lastDay) => ReplyDueOn = lastDay;

    /// <summary>Records the response (回应): agreement, or a refusal with its justified reason (Art 32).</summary>
    public void Respond(DateTimeOffset now, bool accept, string? reason)
    {
        if (OfferMadeAt is null) throw DomainException.Conflict("response.no-offer", "尚未发出要约书，无从回应");
        if (Accepted is not null) throw DomainException.Conflict("response.already-given", "已经对要约作出回应，不能重复回应");
        if (!accept && string.IsNullOrWhiteSpace(reason))
            throw DomainException.Rule("response.reason", "拒绝协商必须说明正当理由（《集体合同规定》第三十二条）");
        RespondedAt = now;
        Accepted = accept;
        RefusalReason = accept ? null : reason!.Trim();
    }

    /// <summary>When the parties last suspended bargaining (中止, Art 35).</summary>
    public DateTimeOffset? SuspendedAt { get; private set; }
    /// <summary>The day of the next meeting the suspension fixed (Art 35).</summary>
    public DateOnly? NextMeetingOn { get; private set; }
    /// <summary>The place of the next meeting the suspension fixed.</summary>
    public string? NextMeetingPlace { get; private set; }
    /// <summary>The content of the next meeting the suspension fixed.</summary>
    public string? NextMeetingContent { get; private set; }
    /// <summary>When bargaining last resumed.</summary>
    public DateTimeOffset? ResumedAt { get; private set; }
    /// <summary>The current draft (0 before the first conclusion); its clauses are <see cref="DraftClause"/>s.</summary>
    public int Draft { get; private set; }
    /// <summary>When the chiefs last concluded a draft.</summary>
    public DateTimeOffset? ConcludedAt { get; private set; }
    /// <summary>Deputies (or workers) entitled to vote at the last congress vote (Art 36).</summary>
    public int? CongressEntitled { get; private set; }
    /// <summary>Present at the last vote.</summary>
    public int? CongressPresent { get; private set; }
    /// <summary>In favour at the last vote.</summary>
    public int? CongressInFavour { get; private set; }
    /// <summary>Whether the last vote adopted the draft; null when its meeting was not quorate (no vote, Art 36).</summary>
    public bool? CongressAdopted { get; private set; }
    /// <summary>The day of the last congress meeting on the draft.</summary>
    public DateOnly? CongressHeldOn { get; private set; }
    /// <summary>Why the last vote did not adopt the draft.</summary>
    public string? CongressRejection { get; private set; }
    /// <summary>When the worker chief signed (Art 37).</summary>
    public DateTimeOffset? WorkerSignedAt { get; private set; }
    /// <summary>When the employer chief signed (Art 37).</summary>
    public DateTimeOffset? EmployerSignedAt { get; private set; }
    /// <summary>The last day to file, once both have signed (Art 42).</summary>
    public DateOnly? FilingDueOn { get; private set; }
    /// <summary>The day the labour administration received the filing (Art 42); the review counts from it.</summary>
    public DateOnly? FilingReceivedOn { get; private set; }
    /// <summary>True when filed after <see cref="FilingDueOn"/>.</summary>
    public bool? FiledLate { get; private set; }
    /// <summary>The reviewer's last opinion (审查意见书, Art 46).</summary>
    public string? ReviewOpinion { get; private set; }
    /// <summary>When the reviewer last objected.</summary>
    public DateTimeOffset? ObjectedAt { get; private set; }
    /// <summary>The first day of the contract's term as the parties agreed it (Art 38).</summary>
    public DateOnly? TermStartsOn { get; private set; }
    /// <summary>The last day of the term.</summary>
    public DateOnly? TermEndsOn { get; private set; }
    /// <summary>The labour-administration department the contract was filed with (Art 42).</summary>
    public string? FilingAuthority { get; private set; }
    /// <summary>The filing number given at the first filing and kept after an objection (see <see cref="ContractNumbers"/>).</summary>
    public string? ContractNumber { get; private set; }
    /// <summary>The year of <see cref="ContractNumber"/>'s sequence.</summary>
    public int? FilingYear { get; private set; }
    /// <summary>The sequence of <see cref="ContractNumber"/> within its department's abbreviation and year.</summary>
    public int? FilingSequence { get; private set; }
    /// <summary>The day the contract was announced to all workers (Art 48).</summary>
    public DateOnly? PublishedOn { get; private set; }
    /// <summary>How it was announced (notice board, intranet, …).</summary>
    public string? PublishedHow { get; private set; }

    /// <summary>Suspends bargaining by mutual agreement, fixing the next meeting (中止, Art 35).</summary>
    public void Suspend(DateTimeOffset now, DateOnly today, DateOnly nextOn, string place, string content)
    {
        if (nextOn <= today) throw DomainException.Rule("suspension.next-date", $"中止协商应约定今后的下次协商时间，{nextOn:yyyy-MM-dd}不在今天之后（《集体合同规定》第三十五条）");
        SuspendedAt = now;
        NextMeetingOn = nextOn;
        NextMeetingPlace = place.Trim();
        NextMeetingContent = content.Trim();
    }

    /// <summary>Resumes bargaining after a suspension.</summary>
    public void Resume(DateTimeOffset now) => ResumedAt = now;

    /// <summary>The chief who signed the draft first and awaits the other's signature; null once the draft is formed.</summary>
    public Side? DraftSignedBy { get; private set; }
    /// <summary>How many positions the table held when <see cref="DraftSignedBy"/> signed; a later move lapses that signature.</summary>
    public int? DraftSignedPositions { get; private set; }

    /// <summary>
    /// A chief signs the draft made from the agreed clauses while the table holds <paramref name="positions"/> positions.
    /// The draft is formed, and its number returned, when the other chief has signed the same table (经双方协商代表协商一致的
    /// 草案, Art 36); otherwise this signature waits for the other chief's and null is returned.
    /// </summary>
    public int? Conclude(Side side, int positions, DateTimeOffset now)
    {
        var current = DraftSignedPositions == positions;
        if (current && DraftSignedBy == side)
            throw DomainException.Conflict("draft.signed", $"{side.Chinese()}首席代表已签署合同草案，等待{side.Other().Chinese()}首席代表签署");
        if (current && DraftSignedBy is not null)
        {
            (DraftSignedBy, DraftSignedPositions, ConcludedAt) = (null, null, now);
            return ++Draft;
        }
        (DraftSignedBy, DraftSignedPositions) = (side, positions);
        return null;
    }

    /// <summary>
    /// Records the congress meeting of <paramref name="heldOn"/> on the current draft as judged by the Art 36 rule: a
    /// meeting without the quorum is recorded as no vote (<see cref="CongressAdopted"/> null), to be held again.
    /// </summary>
    public void RecordVote(int entitled, int present, int inFavour, DateOnly heldOn, DateOnly today, DateOnly draftOn, Rules.CongressOutcome outcome)
    {
        if (heldOn > today) throw DomainException.Rule("congress.in-future", $"职工代表大会召开日期（{heldOn:yyyy-MM-dd}）不能晚于今天");
        if (heldOn < draftOn) throw DomainException.Rule("congress.before-draft", $"职工代表大会召开日期（{heldOn:yyyy-MM-dd}）不能早于合同草案形成之日（{draftOn:yyyy-MM-dd}）");
        CongressEntitled = entitled;
        CongressPresent = present;
        CongressInFavour = inFavour;
        CongressHeldOn = heldOn;
        CongressAdopted = outcome.QuorumMet ? outcome.IsApproved : null;
        CongressRejection = outcome.Reason;
        if (outcome is { QuorumMet: true, IsApproved: false }) WorkerSignedAt = EmployerSignedAt = null;
    }

    /// <summary>A chief signs the adopted contract (Art 37).</summary>
    public void Sign(Side side, DateTimeOffset now)
    {
        if ((side == Side.Worker ? WorkerSignedAt : EmployerSignedAt) is not null)
            throw DomainException.Conflict("contract.signed", $"{side.Chinese()}首席代表已经签字");
        if (Rules.ContractTermRule.Unagreed(TermStartsOn, "signing.no-term", "双方首席代表签字的集体合同") is { } breach) throw DomainException.Rule(breach.Code, breach.Message);
        if (side == Side.Worker) WorkerSignedAt = now; else EmployerSignedAt = now;
    }

    /// <summary>The parties agree the contract's term, checked by <see cref="Rules.ContractTermRule"/> (Art 38); not once both chiefs have signed.</summary>
    public void AgreeTerm(DateOnly startsOn, DateOnly endsOn)
    {
        if (WorkerSignedAt is not null && EmployerSignedAt is not null)
            throw DomainException.Conflict("term.signed", "双方首席代表已在合同文本上签字，合同期限不能再更改；如需变更，应依法重新协商（《集体合同规定》第三十九条）");
        if (Rules.ContractTermRule.Check(startsOn, endsOn) is { } breach) throw DomainException.Rule(breach.Code, breach.Message);
        TermStartsOn = startsOn;
        TermEndsOn = endsOn;
    }

    /// <summary>Both chiefs have signed; the contract must be filed by <paramref name="lastDay"/> (Art 42).</summary>
    public void FileBy(DateOnly lastDay) => FilingDueOn = lastDay;

    /// <summary>Records the filing (报送, Art 42) as received by the labour administration on <paramref name="receivedOn"/>; returns whether it was late.</summary>
    public bool File(DateOnly receivedOn, DateOnly today, DateOnly signedOn, string authority)
    {
        if (Rules.ContractTermRule.Unagreed(TermStartsOn, "filing.no-term", "报送审查的集体合同") is { } breach) throw DomainException.Rule(breach.Code, breach.Message);
        if (receivedOn > today) throw DomainException.Rule("filing.received-in-future", $"劳动保障行政部门收到日期（{receivedOn:yyyy-MM-dd}）不能晚于今天");
        if (receivedOn < signedOn)
            throw DomainException.Rule("filing.before-signing", $"劳动保障行政部门收到日期（{receivedOn:yyyy-MM-dd}）不能早于双方签字之日");
        FilingReceivedOn = receivedOn;
        FilingAuthority = authority;
        FiledLate = FilingDueOn is { } due && receivedOn > due;
        return FiledLate.Value;
    }

    /// <summary>
    /// Gives the contract its filing number, sequence <paramref name="sequence"/> of <paramref name="year"/> at the
    /// department abbreviated <paramref name="abbreviation"/>; a contract filed again after an objection keeps its first number.
    /// </summary>
    public void AssignNumber(string abbreviation, int year, int sequence)
    {
        if (ContractNumber is not null) return;
        FilingYear = year;
        FilingSequence = sequence;
        ContractNumber = ContractNumbers.Format(abbreviation, year, sequence);
    }

    /// <summary>The reviewer objects (审查意见书, Art 46): the contested points go back to the table.</summary>
    public void Object(string opinion, DateTimeOffset now)
    {
        ReviewOpinion = opinion.Trim();
        ObjectedAt = now;
        WorkerSignedAt = EmployerSignedAt = null;
        FilingDueOn = null;
        FilingReceivedOn = null;
        FiledLate = null;
    }

    /// <summary>The effective contract has been announced to all workers (Art 48).</summary>
    public void Publish(DateOnly on, DateOnly today, string how)
    {
        if (on > today) throw DomainException.Rule("publication.in-future", $"公布日期（{on:yyyy-MM-dd}）不能晚于今天");
        PublishedOn = on;
        PublishedHow = how.Trim();
    }

    /// <summary>How the simplified procedure's meeting was held.</summary>
    public MeetingMeans? MeetingMeans { get; private set; }
    /// <summary>Minutes or memo, signed on the spot by both chiefs (简易程序).</summary>
    public OnTheSpotRecord? OnTheSpotRecord { get; private set; }
    /// <summary>The agreed text of the minutes or memo.</summary>
    public string? OnTheSpotText { get; private set; }
    /// <summary>The worker chief who signed on the spot.</summary>
    public string? WorkerChiefName { get; private set; }
    /// <summary>The employer chief who signed on the spot.</summary>
    public string? EmployerChiefName { get; private set; }
    /// <summary>When the simplified meeting ended, with or without agreement.</summary>
    public DateTimeOffset? MetAt { get; private set; }
    /// <summary>Why the simplified meeting reached no agreement.</summary>
    public string? NoAgreementReason { get; private set; }

    /// <summary>Both chiefs sign minutes or a memo on the spot (简易程序, 《江苏省集体协商条例》).</summary>
    public void SignOnTheSpot(OnTheSpotRecord kind, MeetingMeans means, string text, string workerChief, string employerChief, DateTimeOffset now)
    {
        EnsureSimplified("当场签署会议纪要或备忘录");
        OnTheSpotRecord = kind;
        MeetingMeans = means;
        OnTheSpotText = text.Trim();
        WorkerChiefName = workerChief.Trim();
        EmployerChiefName = employerChief.Trim();
        MetAt = now;
    }

    /// <summary>The simplified meeting ended without agreement.</summary>
    public void RecordNoAgreement(MeetingMeans means, string reason, DateTimeOffset now)
    {
        EnsureSimplified("记录未达成一致");
        MeetingMeans = means;
        NoAgreementReason = reason.Trim();
        MetAt = now;
    }

    private void EnsureSimplified(string action)
    {
        if (Procedure != Procedure.Simplified)
            throw DomainException.Rule("round.not-simplified", $"只有简易程序才能{action}；普通程序须经协商会议、职工代表大会审议和签字（《集体合同规定》第三十四条至第三十七条）");
    }

    /// <summary>The side that last applied for coordination (协调处理, Art 49–50).</summary>
    public Side? CoordinationAppliedBy { get; private set; }
    /// <summary>When the application was accepted; the 30 days count from the next day (Art 53).</summary>
    public DateTimeOffset? CoordinationAppliedAt { get; private set; }
    /// <summary>What the dispute is about, as the applicant put it.</summary>
    public string? CoordinationGrounds { get; private set; }
    /// <summary>When the coordination period was extended (once, at most 15 days, Art 53).</summary>
    public DateTimeOffset? CoordinationExtendedAt { get; private set; }
    /// <summary>Why it was extended.</summary>
    public string? CoordinationExtensionReason { get; private set; }
    /// <summary>The agreement (协调处理协议书, Art 54) text.</summary>
    public string? CoordinationAgreement { get; private set; }
    /// <summary>The coordinators who signed the agreement, separated by 、.</summary>
    public string? CoordinationSignedBy { get; private set; }
    /// <summary>Why coordination was closed without agreement.</summary>
    public string? CoordinationClosedReason { get; private set; }
    /// <summary>When coordination ended, by agreement or closure.</summary>
    public DateTimeOffset? CoordinationEndedAt { get; private set; }

    /// <summary>A party applies for coordination (Art 49–50); an earlier coordination's record is replaced.</summary>
    public void ApplyForCoordination(Side by, string grounds, DateTimeOffset now)
    {
        CoordinationAppliedBy = by;
        CoordinationAppliedAt = now;
        CoordinationGrounds = grounds.Trim();
        CoordinationExtendedAt = null;
        CoordinationExtensionReason = null;
        CoordinationAgreement = null;
        CoordinationSignedBy = null;
        CoordinationClosedReason = null;
        CoordinationEndedAt = null;
    }

    /// <summary>Extends the coordination period, which the law allows once (Art 53).</summary>
    public void ExtendCoordination(string reason, DateTimeOffset now)
    {
        if (CoordinationExtendedAt is not null)
            throw DomainException.Rule("coordination.extended", $"协调处理期限已于{CoordinationExtendedAt:yyyy-MM-dd}延长，延长期限不得超过15日，不能再次延长（《集体合同规定》第五十三条）");
        CoordinationExtendedAt = now;
        CoordinationExtensionReason = reason.Trim();
    }

    /// <summary>The coordinators and both chiefs signed the agreement (协调处理协议书, Art 54).</summary>
    public void AgreeInCoordination(string text, IEnumerable<string> coordinators, string workerChief, string employerChief, DateTimeOffset now)
    {
        CoordinationAgreement = text.Trim();
        CoordinationSignedBy = string.Join("、", coordinators.Select(c => c.Trim()).Append(workerChief.Trim()).Append(employerChief.Trim()));
        CoordinationEndedAt = now;
    }

    /// <summary>Coordination ends without agreement.</summary>
    public void CloseCoordination(string reason, DateTimeOffset now)
    {
        CoordinationClosedReason = reason.Trim();
        CoordinationEndedAt = now;
    }
}
