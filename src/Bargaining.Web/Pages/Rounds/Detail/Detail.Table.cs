using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Views;
using Bargaining.Features.Rounds.Table;
using Microsoft.AspNetCore.Mvc;

namespace Bargaining.Web.Pages.Rounds;

// At the table: the meetings, suspension and conclusion (forms in _Table.cshtml) and the moves on each topic
// (forms in _Topics.cshtml, inside the table of topics).
public sealed partial class DetailModel
{
    /// <summary>True when the caller is a party and the round is at the table, so topics may be raised and moved.</summary>
    public bool AtTheTable => MySide is not null && Timeline.CurrentSteps.Any(s => s.Node == Nodes.Bargaining);

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

    /// <summary>
    /// A chief signs the draft: the first signature waits for the other chief's; the second forms the draft, which
    /// goes to the congress (Art 36).
    /// </summary>
    public async Task<IActionResult> OnPostConcludeAsync(Guid id)
    {
        var side = SideOrForbid();
        if (!await TryAsync(() => Mediator.Send(new ConcludeCommand(id, side)))) return await ReloadAsync(id);
        var table = await Mediator.Send(new NegotiationTableQuery(id));
        Notice = table.DraftSignedBy == side
            ? $"已签署合同草案，等待{side.Other().Chinese()}首席代表签署"
            : "协商结束，草案已形成，提交职工代表大会审议";
        return RedirectToPage(new { id });
    }

    /// <summary>Records the specific terms of a high-temperature, industry or regional contract agreed at the table.</summary>
    public Task<IActionResult> OnPostSpecificTermsAsync(Guid id, decimal? allowancePerMonth, int? fromMonth, int? toMonth, string? scope, string? enterprises) =>
        SendAsync(id, "已记录双方约定的专项条款", new AgreeSpecificTermsCommand(id, SideOrForbid(),
            allowancePerMonth is { } allowance ? new HeatAllowanceInput(allowance, fromMonth ?? 0, toMonth ?? 0) : null,
            scope is null && enterprises is null ? null : new CoverageInput(scope?.Trim() ?? "", BoundEnterprises(enterprises))));

    /// <summary>"企业名称，职工人数" a line; a line without a number binds an enterprise of 0 workers, which the validator refuses.</summary>
    private static List<BoundEnterpriseInput> BoundEnterprises(string? lines) =>
        [.. (lines ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line =>
        {
            var cut = line.LastIndexOfAny([',', '，', '\t', ' ']);
            return cut > 0 && int.TryParse(line[(cut + 1)..].Trim(), out var workers)
                ? new BoundEnterpriseInput(line[..cut].Trim(), workers)
                : new BoundEnterpriseInput(line, 0);
        })];

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
