using Bargaining.Domain;
using Bargaining.Features.Documents;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Features.Rounds.Coordination;
using Bargaining.Features.Rounds.Filing;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Renewal;
using Bargaining.Features.Rounds.Representatives;
using Bargaining.Features.Rounds.Review;
using Bargaining.Features.Rounds.Signing;
using Bargaining.Features.Rounds.Simplified;
using Bargaining.Features.Rounds.Table;
using Bargaining.Features.Rounds.Views;
using Bargaining.Rules;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Rounds;

/// <summary>A topic of the offer form's checklist.</summary>
public sealed class OfferTopicInput
{
    /// <summary>Ticked.</summary>
    public bool Selected { get; set; }
    /// <summary>Art 8 code, or <c>custom</c>.</summary>
    public string Code { get; set; } = "";
    /// <summary>Title of a custom topic.</summary>
    public string? Title { get; set; }
    /// <summary>The clause as proposed.</summary>
    public string? Clause { get; set; }
    /// <summary>Its number, if any.</summary>
    public decimal? Number { get; set; }
    /// <summary>The number's unit.</summary>
    public string? Unit { get; set; }

    /// <summary>The topic as the offer proposes it; a title only for a custom topic (Art 8 topics have their own).</summary>
    public TopicProposal ToProposal() => new(Code, Clause?.Trim() ?? "", Number, string.IsNullOrWhiteSpace(Unit) ? null : Unit.Trim(),
        Code == TopicCatalog.Custom && !string.IsNullOrWhiteSpace(Title) ? Title.Trim() : null);
}

/// <summary>A row of the representatives form.</summary>
public sealed class NomineeInput
{
    /// <summary>Name (blank rows are skipped).</summary>
    public string? Name { get; set; }
    /// <summary>ID number.</summary>
    public string? IdNumber { get; set; }
    /// <summary>Post or title.</summary>
    public string? Title { get; set; }
    /// <summary>An outside expert (Art 21).</summary>
    public bool IsOutsideExpert { get; set; }
}

/// <summary>
/// A round: where it stands and who must act by when, what the signed-in party may do now (one form per available
/// action), the negotiation table with both sides' positions and the gap, the documents to print, and the journal.
/// </summary>
public sealed class DetailModel(IMediator mediator, TimeProvider clock) : BargainingPage(mediator)
{
    /// <summary>The timeline with the caller's available actions.</summary>
    public RoundTimeline Timeline { get; private set; } = null!;

    /// <summary>The table.</summary>
    public NegotiationTable Table { get; private set; } = null!;

    /// <summary>Today in China.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    /// <summary>The caller's side at the table, if a party.</summary>
    public Side? MySide => Me.Role switch { Role.UnionChair => Side.Worker, Role.EmployerRepresentative => Side.Employer, _ => null };

    /// <summary>True when the caller may send <paramref name="signal"/> (one of <see cref="Signals"/>) now.</summary>
    public bool Can(string signal) => Timeline.Actions.Any(a => a.Signal == signal);

    /// <summary>The offer checklist: every Art 8 topic with a suggested clause.</summary>
    public IReadOnlyList<OfferTopicInput> Checklist => _checklist ??= OfferChecklist.Default(Table.Kind);

    private IReadOnlyList<OfferTopicInput>? _checklist;

    /// <summary>The value the officer posted for a field, so a refused form keeps its input.</summary>
    public string? Posted(string field) => Request.HasFormContentType ? Request.Form[field].FirstOrDefault() : null;

    /// <summary>Shows the round.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        await LoadAsync(id);
        return Page();
    }

    /// <summary>Prints a document of the round (the minutes of one meeting when <paramref name="meeting"/> is given).</summary>
    public async Task<IActionResult> OnGetDocumentAsync(Guid id, RoundDocumentKind kind, int? meeting)
    {
        var file = await Mediator.Send(new PrintRoundDocumentQuery(id, kind, meeting));
        return File(file.Pdf, "application/pdf", file.FileName);
    }

    /// <summary>The documents the round has reached, with their titles.</summary>
    public IEnumerable<(string Title, RoundDocumentKind Kind, int? Meeting)> Documents()
    {
        if (Table.OfferReceivedOn is not null) yield return ("要约书", RoundDocumentKind.OfferLetter, null);
        if (Table.Accepted is not null) yield return ("回应书", RoundDocumentKind.Response, null);
        foreach (var m in Table.Meetings.Where(m => m.Minutes is not null)) yield return ($"第{m.Number}次协商会议记录", RoundDocumentKind.MeetingMinutes, m.Number);
        if (Table.CongressAdopted is not null) yield return ("职工代表大会决议", RoundDocumentKind.CongressResolution, null);
        if (Timeline.Stage.IsSigned())
        {
            yield return ("集体合同审查申报表", RoundDocumentKind.FilingForm, null);
            yield return ("集体合同文本（带核验码）", RoundDocumentKind.Contract, null);
        }
    }

    /// <summary>Records the contract's term.</summary>
    public Task<IActionResult> OnPostTermAsync(Guid id, DateOnly? startsOn, DateOnly? endsOn) =>
        SendAsync(id, "合同期限已记录", new AgreeContractTermCommand(id, SideOrForbid(), startsOn ?? default, endsOn ?? default));

    /// <summary>Sends the offer with the ticked topics.</summary>
    public Task<IActionResult> OnPostOfferAsync(Guid id, List<OfferTopicInput> topics, DateOnly? receivedOn, int? representativesPerSide) =>
        SendAsync(id, "要约书已发出", new MakeOfferCommand(id,
            [.. topics.Where(t => t.Selected).Select(t => t.ToProposal())],
            receivedOn ?? Today, representativesPerSide));

    /// <summary>Accepts or refuses the offer.</summary>
    public Task<IActionResult> OnPostReplyAsync(Guid id, bool accept, string? reason) =>
        SendAsync(id, accept ? "已书面回应：同意协商" : "已书面回应：拒绝协商", new ReplyToOfferCommand(id, accept, reason));

    /// <summary>Names the caller's side's representatives; the first row is the chief.</summary>
    public Task<IActionResult> OnPostRepresentativesAsync(Guid id, List<NomineeInput> members, string? delegation, string? legalRepresentative)
    {
        var rows = members.Where(m => !string.IsNullOrWhiteSpace(m.Name)).ToList();
        var nominees = rows.Select((m, i) => new Nominee(m.Name!.Trim(), string.IsNullOrWhiteSpace(m.IdNumber) ? null : m.IdNumber.Trim(), i == 0, m.IsOutsideExpert,
            string.IsNullOrWhiteSpace(m.Title) ? null : m.Title.Trim())).ToList();
        return SendAsync(id, "代表名单已提交", new NameRepresentativesCommand(id, SideOrForbid(), nominees, delegation, legalRepresentative));
    }

    /// <summary>Schedules a meeting.</summary>
    public Task<IActionResult> OnPostMeetingAsync(Guid id, DateOnly? date, string? place, Side chair, string? recorder, string? agenda) =>
        SendAsync(id, "协商会议已确定", new ScheduleMeetingCommand(id, SideOrForbid(), date ?? default, place ?? "", chair, recorder ?? "", agenda));

    /// <summary>Records the minutes of the last meeting.</summary>
    public Task<IActionResult> OnPostMinutesAsync(Guid id, string? minutes) =>
        SendAsync(id, "会议记录已保存", new RecordMeetingCommand(id, SideOrForbid(), minutes ?? ""));

    /// <summary>Raises a topic at the table.</summary>
    public Task<IActionResult> OnPostProposeAsync(Guid id, string? code, string? title, string? clause, decimal? number, string? unit) =>
        SendAsync(id, "议题已提出", new ProposeCommand(id, SideOrForbid(), new TopicProposal(code ?? "", clause?.Trim() ?? "", number, Blank(unit), Blank(title))));

    /// <summary>Counter-proposes on a topic.</summary>
    public Task<IActionResult> OnPostCounterAsync(Guid id, Guid topicId, string? clause, decimal? number, string? unit) =>
        SendAsync(id, "已提出反建议", new CounterProposeCommand(topicId, SideOrForbid(), clause?.Trim() ?? "", number, Blank(unit)));

    /// <summary>Agrees to the other side's last position on a topic.</summary>
    public Task<IActionResult> OnPostAgreeAsync(Guid id, Guid topicId) =>
        SendAsync(id, "已同意对方意见，该议题达成一致", new AgreeTopicCommand(topicId, SideOrForbid()));

    /// <summary>Withdraws a topic the caller's side raised.</summary>
    public Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid topicId, string? reason) =>
        SendAsync(id, "议题已撤回", new WithdrawTopicCommand(topicId, SideOrForbid(), reason ?? ""));

    /// <summary>Suspends with both chiefs' consent.</summary>
    public Task<IActionResult> OnPostSuspendAsync(Guid id, bool workerChiefConsents, bool employerChiefConsents, DateOnly? nextMeetingOn, string? nextMeetingPlace, string? nextMeetingContent) =>
        SendAsync(id, "协商已中止", new SuspendCommand(id, SideOrForbid(), workerChiefConsents, employerChiefConsents, nextMeetingOn ?? default, nextMeetingPlace ?? "", nextMeetingContent ?? ""));

    /// <summary>Resumes.</summary>
    public Task<IActionResult> OnPostResumeAsync(Guid id) => SendAsync(id, "协商已恢复", new ResumeCommand(id, SideOrForbid()));

    /// <summary>Concludes: every topic agreed, the draft goes to the congress.</summary>
    public Task<IActionResult> OnPostConcludeAsync(Guid id) => SendAsync(id, "协商结束，草案已形成，提交职工代表大会审议", new ConcludeCommand(id, SideOrForbid()));

    /// <summary>Records the congress vote.</summary>
    public async Task<IActionResult> OnPostVoteAsync(Guid id, int? entitled, int? present, int? inFavour)
    {
        CongressVoteResult? result = null;
        if (!await TryAsync(async () => result = await Mediator.Send(new RecordCongressVoteCommand(id, entitled ?? 0, present ?? 0, inFavour ?? 0))))
            return await ReloadAsync(id);
        Notice = result!.Adopted ? "表决通过，草案可以签字" : $"草案未获通过：{result.Reason}，已退回重新协商";
        return RedirectToPage(new { id });
    }

    /// <summary>Signs for the caller's side.</summary>
    public Task<IActionResult> OnPostSignAsync(Guid id) => SendAsync(id, "已签字", new SignCommand(id, SideOrForbid()));

    /// <summary>Records the filing with the labour bureau.</summary>
    public async Task<IActionResult> OnPostFileAsync(Guid id, DateOnly? receivedOn)
    {
        FilingResult? result = null;
        if (!await TryAsync(async () => result = await Mediator.Send(new FileContractCommand(id, receivedOn ?? Today))))
            return await ReloadAsync(id);
        Notice = $"已报送审查，审查期至 {result!.ReviewLastDay:yyyy年M月d日}" + (result.Notice is { } n ? $"。{n}" : "");
        return RedirectToPage(new { id });
    }

    /// <summary>The reviewer's objection.</summary>
    public Task<IActionResult> OnPostObjectAsync(Guid id, string? opinion, List<Guid> contested) =>
        SendAsync(id, "审查意见已送达双方", new RecordReviewObjectionCommand(id, opinion ?? "", contested));

    /// <summary>Records the publication to all workers.</summary>
    public Task<IActionResult> OnPostPublishAsync(Guid id, DateOnly? publishedOn, string? how) =>
        SendAsync(id, "已记录公布情况", new PublishCommand(id, publishedOn ?? Today, how ?? ""));

    /// <summary>The county union chases an overdue reply.</summary>
    public Task<IActionResult> OnPostUrgeAsync(Guid id, string? how) =>
        SendAsync(id, "已记录督促情况", new UrgeReplyCommand(id, how ?? ""));

    /// <summary>Applies for dispute coordination.</summary>
    public Task<IActionResult> OnPostCoordinationAsync(Guid id, string? grounds) =>
        SendAsync(id, "已申请协调处理", new ApplyForCoordinationCommand(id, SideOrForbid(), grounds ?? ""));

    /// <summary>Extends coordination once.</summary>
    public Task<IActionResult> OnPostExtendAsync(Guid id, string? reason) =>
        SendAsync(id, "协调期限已延长", new ExtendCoordinationCommand(id, reason ?? ""));

    /// <summary>Closes coordination without agreement (the coordinator), or a lapsed renewal (the county union).</summary>
    public Task<IActionResult> OnPostCloseAsync(Guid id, string? reason) => Me.Role == Role.Coordinator
        ? SendAsync(id, "协调处理已终结", new CloseCoordinationCommand(id, reason ?? ""))
        : SendAsync(id, "已结案，不再续订", new CloseLapsedRenewalCommand(id, reason ?? ""));

    /// <summary>The coordinator records the coordination agreement; bargaining resumes.</summary>
    public Task<IActionResult> OnPostCoordinationAgreementAsync(Guid id, string? text, string? coordinators, string? workerChief, string? employerChief) =>
        SendAsync(id, "协调处理协议书已签署，恢复协商", new RecordCoordinationAgreementCommand(id, text ?? "",
            [.. (coordinators ?? "").Split(['、', ',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)], workerChief ?? "", employerChief ?? ""));

    /// <summary>The simplified procedure: minutes or a memo signed on the spot.</summary>
    public Task<IActionResult> OnPostOnTheSpotAsync(Guid id, OnTheSpotRecord kind, MeetingMeans means, string? text, string? workerChief, string? employerChief) =>
        SendAsync(id, kind == OnTheSpotRecord.Memo ? "备忘录已当场签署" : "会议纪要已当场签署",
            new SignOnTheSpotCommand(id, SideOrForbid(), kind, means, text ?? "", workerChief ?? "", employerChief ?? ""));

    /// <summary>The simplified procedure's meeting ended without agreement.</summary>
    public Task<IActionResult> OnPostNoAgreementAsync(Guid id, MeetingMeans means, string? reason) =>
        SendAsync(id, "已记录未达成一致", new RecordNoAgreementCommand(id, SideOrForbid(), means, reason ?? ""));

    /// <summary>The offering side gives up after a refusal.</summary>
    public Task<IActionResult> OnPostWithdrawOfferAsync(Guid id, string? reason) =>
        SendAsync(id, "已结案：不再要求协商", new WithdrawOfferCommand(id, SideOrForbid(), reason ?? ""));

    /// <summary>The county union turns an unanswered simplified round into the ordinary procedure.</summary>
    public Task<IActionResult> OnPostEscalateAsync(Guid id, string? reason) =>
        SendAsync(id, "已转入普通程序，请为该企业发起普通程序协商", new EscalateToOrdinaryCommand(id, reason ?? ""));

    /// <summary>Starts the renewal of this effective contract.</summary>
    public async Task<IActionResult> OnPostRenewAsync(Guid id, DateOnly? expiresOn)
    {
        var renewal = Guid.Empty;
        if (!await TryAsync(async () => renewal = await Mediator.Send(new StartRenewalCommand(id, expiresOn ?? default, SideOrForbid()))))
            return await ReloadAsync(id);
        Notice = "续订已发起：期满前三个月内发出要约书";
        return Redirect($"/Rounds/{renewal}");
    }

    private async Task<IActionResult> SendAsync<T>(Guid id, string done, IRequest<T> command)
    {
        if (!await TryAsync(() => Mediator.Send(command))) return await ReloadAsync(id);
        Notice = done;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ReloadAsync(Guid id)
    {
        await LoadAsync(id);
        return Page();
    }

    private async Task LoadAsync(Guid id)
    {
        Timeline = await Mediator.Send(new RoundTimelineQuery(id));
        Table = await Mediator.Send(new NegotiationTableQuery(id));
    }

    private Side SideOrForbid() => MySide ?? throw DomainException.Forbidden("只有协商双方（企业工会主席或企业方代表）可以进行此操作");

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The topics of 《集体合同规定》 Art 8 with a suggested clause each, for the offer form.</summary>
public static class OfferChecklist
{
    private static readonly Dictionary<string, (string Clause, decimal? Number, string? Unit)> Suggestions = new()
    {
        [TopicCatalog.Pay] = ("职工年平均工资增长6%，最低工资不低于当地最低工资标准的110%", 6m, "%"),
        ["working-hours"] = ("实行标准工时制度，每日工作8小时、每周40小时；延长工作时间每月不超过36小时", 36m, "小时/月"),
        ["rest-leave"] = ("职工依法享受带薪年休假，年休假天数在法定基础上增加1天", 1m, "天"),
        ["safety-health"] = ("每年组织在岗职工职业健康检查一次，安全生产投入不低于上年营业收入的1.5%", 1.5m, "%"),
        ["insurance-welfare"] = ("为全体职工缴纳企业年金，企业缴费比例为工资总额的4%", 4m, "%"),
        ["women-juveniles"] = ("女职工每年进行一次妇科检查，孕期、产期、哺乳期依法享受特殊保护", null, null),
        ["training"] = ("按职工工资总额的1.5%提取职工教育经费，用于职业技能培训", 1.5m, "%"),
        ["labour-contracts"] = ("劳动合同签订率100%，连续工作满十年的职工依法订立无固定期限劳动合同", 100m, "%"),
        ["rewards-discipline"] = ("奖惩制度经职工代表大会讨论通过后公示执行", null, null),
        ["layoffs"] = ("确需裁减人员的，提前30日向工会或全体职工说明情况，听取意见", 30m, "日"),
        ["term"] = ("本合同期限三年", 3m, "年"),
        ["change-termination"] = ("变更或解除本合同，须经双方协商一致并按原程序审议、报送", null, null),
        ["dispute-handling"] = ("履行本合同发生争议的，双方协商解决；协商不成的，依法申请劳动争议仲裁", null, null),
        ["liability"] = ("一方违反本合同，应当承担相应责任并及时纠正", null, null),
        ["other"] = ("双方认为应当协商的其他内容", null, null),
    };

    /// <summary>
    /// The topics ticked at first for a kind of contract. The term (集体合同期限) is left unticked: the parties record it
    /// with the contract's dates once agreed (AgreeContractTermCommand), not as a topic thread.
    /// </summary>
    private static string[] Ticked(RoundKind kind) => kind switch
    {
        RoundKind.Comprehensive or RoundKind.Industry or RoundKind.Regional => [TopicCatalog.Pay, "working-hours", "rest-leave", "safety-health", "insurance-welfare"],
        RoundKind.WomenWorkers => ["women-juveniles", "rest-leave"],
        RoundKind.SafetyHealth or RoundKind.HighTemperature => ["safety-health", "working-hours"],
        _ => [TopicCatalog.Pay],
    };

    /// <summary>A fresh checklist for <paramref name="kind"/>, its usual topics ticked.</summary>
    public static List<OfferTopicInput> Default(RoundKind kind = RoundKind.Wage) =>
        [.. TopicCatalog.Article8.Select(t => new OfferTopicInput
        {
            Code = t.Key,
            Title = t.Value,
            Selected = Ticked(kind).Contains(t.Key),
            Clause = Suggestions.TryGetValue(t.Key, out var s) ? s.Clause : "",
            Number = Suggestions.TryGetValue(t.Key, out var n) ? n.Number : null,
            Unit = Suggestions.TryGetValue(t.Key, out var u) ? u.Unit : null,
        })];
}
