namespace Bargaining.Features.Rounds;

// The ids of workflows/*.json the application relies on, in one place: code names a node, signal, outcome or role
// only through these constants, and WorkflowIdsTests fails when a definition renames or drops one of them.

public static class DefinitionIds
{
    public const string OrdinaryProcedure = "ordinary-procedure";
    public const string SimplifiedProcedure = "simplified-procedure";
    public const string Renewal = "renewal";
    public const string Change = "change";
}

public static class Nodes
{
    public const string WhoOffers = "who-offers";
    public const string UnionOffer = "union-offer";
    public const string EmployerOffer = "employer-offer";
    public const string EmployerReply = "employer-reply";
    public const string UnionReply = "union-reply";
    public const string EmployerReplyOverdue = "employer-reply-overdue";
    public const string UnionReplyOverdue = "union-reply-overdue";
    public const string OfferRefused = "offer-refused";
    public const string NameRepresentatives = "name-representatives";
    public const string UnionRepresentatives = "union-representatives";
    public const string EmployerRepresentatives = "employer-representatives";
    public const string RepresentativesNamed = "representatives-named";
    public const string Preparation = "preparation";
    public const string Bargaining = "bargaining";
    public const string Suspended = "suspended";
    public const string Congress = "congress";
    public const string CongressResult = "congress-result";
    public const string Signing = "signing";
    public const string UnionSignature = "union-signature";
    public const string EmployerSignature = "employer-signature";
    public const string Signed = "signed";
    public const string FilingKind = "filing-kind";
    public const string Filing = "filing";
    public const string WageFiling = "wage-filing";
    public const string FilingOverdue = "filing-overdue";
    public const string Review = "review";
    public const string Effective = "effective";
    public const string Published = "published";

    /// <summary>A step of a contract in force (生效, 已公布): its deadline is the end of the term, no one's duty (Art 38).</summary>
    public static bool InForce(string node) => node is Effective or Published;
    public const string DisputeCoordination = "dispute-coordination";
    public const string CoordinationExtended = "coordination-extended";
    public const string CoordinationOverdue = "coordination-overdue";
    public const string CoordinationAgreed = "coordination-agreed";
    public const string Closed = "closed";
    public const string Withdrawn = "withdrawn";
    public const string ReplyOverdue = "reply-overdue";
    public const string Meeting = "meeting";
    public const string MinutesSigned = "minutes-signed";
    public const string MemoSigned = "memo-signed";
    public const string NotAgreed = "not-agreed";
    public const string Refused = "refused";
    public const string Escalated = "escalated";
    public const string AwaitingWindow = "awaiting-window";
    public const string RenewalWindow = "renewal-window";
    public const string Expired = "expired";
    public const string Lapsed = "lapsed";
    public const string TerminationKind = "termination-kind";
    public const string Rescinded = "rescinded";
    public const string Terminated = "terminated";
    public const string TermEnded = "term-ended";
}

public static class Signals
{
    public const string Accept = "accept";
    public const string Agree = "agree";
    public const string ApplyCoordination = "apply-coordination";
    public const string Clear = "clear";
    public const string Close = "close";
    public const string Conclude = "conclude";
    public const string Escalate = "escalate";
    public const string Extend = "extend";
    public const string File = "file";
    public const string NameRepresentatives = "name-representatives";
    public const string NoAgreement = "no-agreement";
    public const string Object = "object";
    public const string Publish = "publish";
    public const string RecordMeeting = "record-meeting";
    public const string RecordVote = "record-vote";
    public const string Refuse = "refuse";
    public const string Resume = "resume";
    public const string ScheduleMeeting = "schedule-meeting";
    public const string SendOffer = "send-offer";
    public const string Sign = "sign";
    public const string SignMemo = "sign-memo";
    public const string SignMinutes = "sign-minutes";
    public const string Suspend = "suspend";
    public const string Terminate = "terminate";
    public const string Urge = "urge";
    public const string Withdraw = "withdraw";
}

public static class Outcomes
{
    public const string Escalated = "escalated";
    public const string Lapsed = "lapsed";
    public const string MemoSigned = "memo-signed";
    public const string MinutesSigned = "minutes-signed";
    public const string NoContract = "no-contract";
    public const string NotAgreed = "not-agreed";
    public const string OfferRefused = "offer-refused";
    public const string Withdrawn = "withdrawn";
    public const string Rescinded = "rescinded";
    public const string Terminated = "terminated";
    public const string Expired = "expired";
}

/// <summary>
/// Outcomes the definitions no longer end in but instances completed before keep: until the contract's life was
/// tracked, publication ended the round as <c>effective</c> (a renewal as <c>renewed</c>); such a contract is 已生效.
/// </summary>
public static class FormerOutcomes
{
    public const string Effective = "effective";
    public const string Renewed = "renewed";
}

public static class WorkflowRoles
{
    public const string Union = "union";
    public const string Employer = "employer";
    public const string CountyUnion = "county-union";
    public const string Coordinator = "coordinator";
    public const string Reviewer = "reviewer";
}

// Nodes the application treats alike, listed rather than matched by a suffix, so a node added to a definition joins
// a group on purpose; NodeGroupsTests checks every "…-reply" and "…-overdue" node of the definitions is listed.
public static class NodeGroups
{
    /// <summary>Awaiting the written reply to an offer (Art 32), whose last day the offer letter prints.</summary>
    public static readonly string[] Reply = [Nodes.EmployerReply, Nodes.UnionReply];

    /// <summary>Entered when a statutory period lapsed: the reply, the filing or the coordination is late.</summary>
    public static readonly string[] Overdue = [Nodes.EmployerReplyOverdue, Nodes.UnionReplyOverdue, Nodes.ReplyOverdue, Nodes.FilingOverdue, Nodes.CoordinationOverdue];
}
