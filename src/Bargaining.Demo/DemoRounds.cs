using System.Text.Json.Nodes;
using Bargaining.Features.Rounds;
using Bargaining.Jurisdictions;
using Bargaining.Workflows;

namespace Bargaining.Demo;

/// <summary>One step of a scripted round: let time pass (firing due timers), then optionally send a signal.</summary>
/// <param name="Wait">How long to wait before the signal (simulated time).</param>
/// <param name="Signal">The signal, or null to only let time pass.</param>
/// <param name="ReceivedOn">A payload field to fill with the day the step happens (local to the round's jurisdiction), e.g. the day an offer is received.</param>
public sealed record DemoStep(TimeSpan Wait, Signal? Signal, string? ReceivedOn = null)
{
    /// <summary>The signal as sent at <paramref name="now"/>, with <see cref="ReceivedOn"/> filled in as the local day under <paramref name="time"/>.</summary>
    public Signal? At(DateTimeOffset now, Jurisdiction time)
    {
        if (Signal is null || ReceivedOn is null) return Signal;
        var payload = (JsonObject?)Signal.Payload?.DeepClone() ?? [];
        payload[ReceivedOn] = time.LocalDate(now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Signal with { Payload = payload };
    }
}

/// <summary>A scripted round: which workflow, under which jurisdiction, with what start variables and steps.</summary>
public sealed record DemoRound(string Title, string Workflow, string Jurisdiction, JsonObject Variables, IReadOnlyList<DemoStep> Steps);

/// <summary>
/// Realistic Yancheng rounds used by the demo and the benchmark: the same signals a union chair, an employer and a
/// reviewer send in a spring offer campaign (集中要约行动).
/// </summary>
public static class DemoRounds
{
    private static DemoStep After(double days, string name, string role, string actor, JsonObject? payload = null, string? receivedOn = null) =>
        new(TimeSpan.FromDays(days), new Signal(name, actor, role, payload), receivedOn);

    private static DemoStep Wait(double days) => new(TimeSpan.FromDays(days), null);

    private const string Chair = "王建国（工会主席）";
    private const string Manager = "李明（总经理，受法定代表人书面委托）";
    private const string Reviewer = "盐城市人社局劳动关系处";

    /// <summary>
    /// The whole ordinary procedure for one enterprise: offer, reply on day 6, representatives, bargaining with a
    /// suspension both chiefs agree to (Art 35), a congress that first rejects the draft (88 of 180 in favour), a second vote that adopts it,
    /// signing, filing on day 8, and no objection for 15 days, so the contract takes effect by the timer.
    /// </summary>
    public static DemoRound Ordinary(string enterprise = "盐城恒达精密机械有限公司") => new(
        $"{enterprise}：综合集体合同（普通程序）", DefinitionIds.OrdinaryProcedure, JurisdictionCatalog.DefaultCode,
        new JsonObject { ["enterprise"] = enterprise, ["county"] = "盐都区", ["offeredBy"] = WorkflowRoles.Union, ["kind"] = "comprehensive" },
        [
            After(0, Signals.SendOffer, WorkflowRoles.Union, Chair, new JsonObject { ["topics"] = new JsonArray("劳动报酬", "工作时间", "劳动安全与卫生", "女职工和未成年工特殊保护"), ["wageRisePercent"] = 8.0 }, "offerReceivedOn"),
            After(6, Signals.Accept, WorkflowRoles.Employer, Manager, new JsonObject { ["firstMeeting"] = "2026-03-16 09:00 公司三楼会议室" }),
            After(1, Signals.NameRepresentatives, WorkflowRoles.Employer, Manager, new JsonObject { ["employerChief"] = "李明", ["employerMembers"] = 5 }),
            After(1, Signals.NameRepresentatives, WorkflowRoles.Union, Chair, new JsonObject { ["workerChief"] = "王建国", ["workerMembers"] = 5 }),
            After(1, Signals.ScheduleMeeting, WorkflowRoles.Union, Chair, new JsonObject { ["meetingOn"] = "2026-03-16" }),
            After(6, Signals.RecordMeeting, WorkflowRoles.Union, Chair, new JsonObject { ["meeting"] = 1, ["wageRiseOffered"] = 4.0 }),
            After(0.125, Signals.Suspend, WorkflowRoles.Employer, Manager, new JsonObject { ["resumeOn"] = "2026-03-30", ["reason"] = "企业方需核算一季度利润", ["agreedBy"] = new JsonArray("王建国", "李明") }),
            After(7, Signals.Resume, WorkflowRoles.Union, Chair),
            After(0.125, Signals.RecordMeeting, WorkflowRoles.Employer, Manager, new JsonObject { ["meeting"] = 2, ["wageRiseOffered"] = 6.0 }),
            After(0.125, Signals.Conclude, WorkflowRoles.Union, Chair, new JsonObject { ["agreedWageRisePercent"] = 6.0 }),
            After(5, Signals.RecordVote, WorkflowRoles.Union, Chair, new JsonObject { ["entitled"] = 180, ["present"] = 150, ["inFavour"] = 88 }),
            After(3, Signals.RecordMeeting, WorkflowRoles.Union, Chair, new JsonObject { ["meeting"] = 3, ["wageRiseOffered"] = 7.0 }),
            After(0.125, Signals.Conclude, WorkflowRoles.Employer, Manager, new JsonObject { ["agreedWageRisePercent"] = 7.0 }),
            After(4, Signals.RecordVote, WorkflowRoles.Union, Chair, new JsonObject { ["entitled"] = 180, ["present"] = 161, ["inFavour"] = 132 }),
            After(1, Signals.Sign, WorkflowRoles.Union, Chair),
            After(0.125, Signals.Sign, WorkflowRoles.Employer, Manager),
            After(8, Signals.File, WorkflowRoles.Employer, Manager, new JsonObject { ["copies"] = 3 }, "filingReceivedOn"),
            Wait(16),
            After(2, Signals.Publish, WorkflowRoles.Union, Chair, new JsonObject { ["publishedBy"] = "厂务公开栏及职工微信群", ["termEndsOn"] = "2029-04-30" }),
        ]);

    /// <summary>A simplified-procedure offer that the employer leaves unanswered past the reply deadline.</summary>
    public static DemoRound OverdueReply(string enterprise = "射阳县海韵纺织有限公司") => new(
        $"{enterprise}：工资专项（简易程序），企业方逾期未回应", DefinitionIds.SimplifiedProcedure, JurisdictionCatalog.DefaultCode,
        new JsonObject { ["enterprise"] = enterprise, ["county"] = "射阳县", ["kind"] = "wage" },
        [
            After(0, Signals.SendOffer, WorkflowRoles.Union, "陈桂芳（工会主席）", new JsonObject { ["topics"] = new JsonArray("劳动报酬"), ["wageRisePercent"] = 5.0 }, "offerReceivedOn"),
            Wait(22),
            After(1, Signals.Escalate, WorkflowRoles.CountyUnion, "射阳县总工会权益保障部"),
        ]);

    /// <summary>A renewal that waits for its window (3 months before expiry) and is then offered.</summary>
    public static DemoRound Renewal(string enterprise = "东台市鑫源电子有限公司") => new(
        $"{enterprise}：合同续订（期满日 2026-08-31）", DefinitionIds.Renewal, JurisdictionCatalog.DefaultCode,
        new JsonObject { ["enterprise"] = enterprise, ["county"] = "东台市", ["expiresOn"] = "2026-08-31", ["offeredBy"] = WorkflowRoles.Union },
        [
            Wait(60),
            After(3, Signals.SendOffer, WorkflowRoles.Union, "周立新（工会主席）", new JsonObject { ["basedOn"] = "2023年综合集体合同" }, "offerReceivedOn"),
        ]);
}
