using Bargaining.Domain;
using Bargaining.Features.Documents;
using Bargaining.Features.Progress;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Review;
using Bargaining.Features.Rounds.Termination;
using Bargaining.Features.Rounds.Views;
using Bargaining.Rules;
using Bargaining.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Tests.Features.Rounds.Termination;

// 解除/终止 (Art 39–41): one side's chief proposes with the reason, its evidence and the day; the other confirms. 期满
// (Art 38): the contract expires by the published step's timer when its last day is over. 在有效期内 on a day D.
// The wage contract's term is 1 April 2026 – 31 March 2029; it is filed on Monday 2 March 2026 and effective on the 18th.
public sealed class TerminationTests : RoundScenario
{
    private static readonly DateOnly TermStarts = ThreeYears.Starts, TermEnds = ThreeYears.Ends;

    private async Task<Guid> PublishedAsync()
    {
        var round = await FiledAsync();
        await Host.AdvanceToAsync(China.At(2026, 3, 18, 9));
        await Host.SendAsync(new PublishCommand(round, new DateOnly(2026, 3, 18), "厂区公告栏"), Chair);
        return round;
    }

    private Task ProposeAsync(Guid round, TerminationReason reason, DateOnly on, CurrentUser? by = null, string? evidence = "法院民事裁定书（2027）苏09破1号") =>
        Host.SendAsync(new ProposeTerminationCommand(round, (by ?? Employer).Role == Role.UnionChair ? Side.Worker : Side.Employer, reason, "企业经营发生重大变化", evidence, on), by ?? Employer);

    private async Task<RoundStage> StageAsync(Guid round) => RoundStages.Of(await Host.SnapshotAsync(round));

    private Task<RoundProgress> SummaryAsync(Guid round) => Host.WithDbAsync(db => db.RoundProgress.SingleAsync(p => p.RoundId == round));

    private async Task<CurrentUser> CityAsync() =>
        new("u-city", "市总工会 赵", Role.CityAdministrator, await Host.WithDbAsync(db => db.Organisations.Where(o => o.Kind == OrganisationKind.City).Select(o => o.Id).SingleAsync()));

    private async Task<int> InForceAsync(DateOnly on) => (await Host.SendAsync(new ContractsInForceQuery(on, Yandu.Id), YanduStaff)).Contracts;

    [Fact]
    public async Task Published_the_contract_stays_in_force_and_its_round_stops_running()
    {
        var round = await PublishedAsync();

        await Host.AssertAtAsync(round, Nodes.Published);
        Assert.Equal(RoundStage.Effective, await StageAsync(round));
        Assert.False((await RoundAsync(round)).Running);
        Assert.Null((await SummaryAsync(round)).OverdueFrom);
    }

    [Fact]
    public async Task By_consensus_one_side_proposes_and_the_other_confirms_and_the_contract_is_rescinded_from_the_agreed_day()
    {
        var round = await PublishedAsync();
        await Host.AdvanceToAsync(China.At(2027, 6, 1, 9));

        await ProposeAsync(round, TerminationReason.Consensus, new DateOnly(2027, 7, 1), evidence: null);
        Assert.Equal(RoundStage.Effective, await StageAsync(round));
        var e = await RefusedAsync(() => Host.SendAsync(new ConfirmTerminationCommand(round, Side.Employer), Employer), FailureKind.Rule);
        Assert.Contains("职工方首席代表确认", e.Message);
        await Host.SendAsync(new ConfirmTerminationCommand(round, Side.Worker), Chair);

        Assert.Equal((RoundStage.Rescinded, "已解除"), (await StageAsync(round), (await StageAsync(round)).Chinese()));
        Assert.Equal(Outcomes.Rescinded, (await Host.SnapshotAsync(round)).Outcome);
        var record = await Host.SendAsync(new TerminationRecordQuery(round), YanduStaff);
        Assert.Equal((new DateOnly(2027, 7, 1), "《集体合同规定》第三十九条", Side.Employer), (record.EndedOn, record.Article, record.ProposedBy));
        Assert.Contains("李明", record.ProposedByName);
        Assert.Contains("王建国", record.ConfirmedByName);
        var summary = await SummaryAsync(round);
        Assert.Equal((RoundStage.Rescinded, TermStarts, new DateOnly(2027, 6, 30)), (summary.Stage, summary.InForceFrom, summary.InForceUntil));
    }

    [Fact]
    public async Task A_consensus_cannot_be_backdated_and_takes_no_evidence_while_a_reason_of_article_40_needs_evidence_and_has_happened()
    {
        var round = await PublishedAsync();
        await Host.AdvanceToAsync(China.At(2027, 6, 1, 9));

        Assert.Contains("不能早于今天", (await RefusedAsync(() => ProposeAsync(round, TerminationReason.Consensus, new DateOnly(2027, 5, 31)), FailureKind.Rule)).Message);
        Assert.Contains("第四十条第（二）项", (await RefusedAsync(() => ProposeAsync(round, TerminationReason.ForceMajeure, new DateOnly(2027, 5, 20), evidence: " "), FailureKind.Rule)).Message);
        Assert.Contains("不能晚于今天", (await RefusedAsync(() => ProposeAsync(round, TerminationReason.AgreedCondition, new DateOnly(2027, 6, 2)), FailureKind.Rule)).Message);
        Assert.Contains("合同期限内", (await RefusedAsync(() => ProposeAsync(round, TerminationReason.Consensus, TermEnds.AddDays(1)), FailureKind.Rule)).Message);
        Assert.Contains("合同期限内", (await RefusedAsync(() => ProposeAsync(round, TerminationReason.OtherLaw, TermStarts.AddDays(-1)), FailureKind.Rule)).Message);
        await RefusedAsync(() => Host.SendAsync(new ProposeTerminationCommand(round, Side.Worker, TerminationReason.Consensus, "", null, new DateOnly(2027, 6, 1)), Chair), FailureKind.Validation);
        Assert.Null((await RoundAsync(round)).Termination.ProposedAt);

        await ProposeAsync(round, TerminationReason.Consensus, new DateOnly(2027, 6, 1), evidence: null);
        Assert.Contains("等待对方确认", (await RefusedAsync(() => ProposeAsync(round, TerminationReason.ForceMajeure, new DateOnly(2027, 5, 20), by: Chair), FailureKind.Conflict)).Message);
        Assert.Equal(TerminationReason.Consensus, (await RoundAsync(round)).Termination.Reason);
    }

    [Fact]
    public async Task The_enterprise_declared_bankrupt_terminates_the_contract_from_the_day_of_the_ruling()
    {
        var round = await PublishedAsync();
        await Host.AdvanceToAsync(China.At(2027, 6, 10, 9));

        await ProposeAsync(round, TerminationReason.EnterpriseCeased, new DateOnly(2027, 6, 5), by: Chair);
        await Host.SendAsync(new ConfirmTerminationCommand(round, Side.Employer), Employer);

        Assert.Equal((RoundStage.Terminated, "已终止"), (await StageAsync(round), (await StageAsync(round)).Chinese()));
        Assert.Equal(new DateOnly(2027, 6, 4), (await SummaryAsync(round)).InForceUntil);
    }

    [Fact]
    public async Task A_rescinded_contract_cannot_be_rescinded_again_nor_renewed()
    {
        var round = await PublishedAsync();
        await ProposeAsync(round, TerminationReason.Consensus, TermStarts, evidence: null);
        await Host.SendAsync(new ConfirmTerminationCommand(round, Side.Worker), Chair);

        Assert.Contains("已经解除或终止", (await RefusedAsync(() => ProposeAsync(round, TerminationReason.Consensus, Today, by: Chair), FailureKind.Conflict)).Message);
        await RefusedAsync(() => Host.SendAsync(new ConfirmTerminationCommand(round, Side.Worker), Chair), FailureKind.Conflict);
        await RefusedAsync(() => Host.SendAsync(new DeclineTerminationCommand(round, Side.Worker, "不同意"), Chair), FailureKind.Conflict);
        await RefusedAsync(() => Host.SendAsync(new Bargaining.Features.Rounds.Renewal.StartRenewalCommand(round, TermEnds, Side.Worker), Chair), FailureKind.Conflict);
        var actions = await Host.SendAsync(new RoundActionsQuery(round), Chair);
        Assert.DoesNotContain(actions.Actions, a => a.Action is RoundActionKind.ProposeTermination or RoundActionKind.ConfirmTermination);
    }

    [Fact]
    public async Task A_contract_not_yet_effective_cannot_be_terminated_and_only_the_chiefs_of_the_sides_may_propose()
    {
        var round = await FiledAsync();
        Assert.Contains("只有已生效", (await RefusedAsync(() => ProposeAsync(round, TerminationReason.Consensus, TermStarts), FailureKind.Conflict)).Message);

        await Host.AdvanceToAsync(China.At(2026, 3, 18, 9));
        await RefusedAsync(() => Host.SendAsync(new ProposeTerminationCommand(round, Side.Worker, TerminationReason.Consensus, "理由", null, TermStarts), YanduStaff), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new ProposeTerminationCommand(round, Side.Worker, TerminationReason.Consensus, "理由", null, TermStarts), Employer), FailureKind.Forbidden);
        // Effective but not yet published: it may be rescinded all the same.
        await ProposeAsync(round, TerminationReason.Consensus, TermStarts, evidence: null);
        await Host.SendAsync(new ConfirmTerminationCommand(round, Side.Worker), Chair);
        Assert.Equal(RoundStage.Rescinded, await StageAsync(round));
    }

    [Fact]
    public async Task The_ruling_may_be_attached_as_a_file_that_goes_with_a_declined_proposal_and_is_named_on_the_notice()
    {
        var round = await PublishedAsync();
        await Host.AdvanceToAsync(China.At(2027, 6, 10, 9));
        byte[] ruling = [.. "%PDF-1.4\n"u8, .. new byte[2048]];
        ProposeTerminationCommand Propose(string name, string type, byte[] content) => new(round, Side.Employer, TerminationReason.EnterpriseCeased,
            "企业经营发生重大变化", "法院民事裁定书（2027）苏09破1号", new DateOnly(2027, 6, 5), name, type, content);

        // A file that is not what its type says, or too large, is refused with the limit, and nothing is kept.
        var e = await RefusedAsync(() => Host.SendAsync(Propose("裁定书.pdf", "application/pdf", [0x89, 0x50, 0x4E, 0x47, 1, 2]), Employer), FailureKind.Validation);
        Assert.Contains("附件内容与其类型不符", e.Message);
        e = await RefusedAsync(() => Host.SendAsync(Propose("裁定书.pdf", "application/pdf", [.. "%PDF"u8, .. new byte[Attachments.MaxBytes]]), Employer), FailureKind.Validation);
        Assert.Contains("附件不能超过2MB", e.Message);
        Assert.Null((await Host.SendAsync(new TerminationRecordQuery(round), Chair)).ProposedAt);

        await Host.SendAsync(Propose("C:\\扫描\\破产裁定书.pdf", "application/pdf", ruling), Employer);
        Assert.Equal("破产裁定书.pdf", (await Host.SendAsync(new TerminationRecordQuery(round), Chair)).EvidenceFileName);
        var kept = await Host.SendAsync(new TerminationEvidenceQuery(round), Chair);
        Assert.Equal(ruling, kept.Content);
        Assert.Equal(("application/pdf", "破产裁定书.pdf"), (kept.ContentType, kept.FileName));

        // Declined, the proposal's file goes with it; proposed again with a photo, the photo is the evidence.
        await Host.SendAsync(new DeclineTerminationCommand(round, Side.Worker, "裁定尚未生效"), Chair);
        Assert.Null((await Host.SendAsync(new TerminationRecordQuery(round), Chair)).EvidenceFileName);
        await RefusedAsync(() => Host.SendAsync(new TerminationEvidenceQuery(round), Chair), FailureKind.NotFound);
        byte[] photo = [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[512]];
        await Host.SendAsync(Propose("生效证明.jpg", "image/jpeg", photo), Employer);
        await Host.SendAsync(new ConfirmTerminationCommand(round, Side.Worker), Chair);

        Assert.Equal(photo, (await Host.SendAsync(new TerminationEvidenceQuery(round), Employer)).Content);
        var text = PrintedPdf.Text((await Host.SendAsync(new PrintRoundDocumentQuery(round, RoundDocumentKind.TerminationNotice), Chair)).Pdf);
        Assert.Contains("附件：生效证明.jpg", text);
        await RefusedAsync(() => Host.SendAsync(new TerminationEvidenceQuery(round), TinghuStaff), FailureKind.Forbidden);
    }

    [Fact]
    public async Task The_other_side_declines_and_the_contract_stays_in_force_with_the_refusal_recorded()
    {
        var round = await PublishedAsync();
        await ProposeAsync(round, TerminationReason.Consensus, new DateOnly(2026, 5, 1), evidence: null);

        var actions = await Host.SendAsync(new RoundActionsQuery(round), Chair);
        Assert.Contains(actions.Actions, a => a is { Action: RoundActionKind.ConfirmTermination, Enabled: true });
        Assert.Contains(actions.Actions, a => a is { Action: RoundActionKind.DeclineTermination, Title: "不同意解除（终止）合同" });
        await Host.SendAsync(new DeclineTerminationCommand(round, Side.Worker, "合同仍可履行"), Chair);

        Assert.Equal(RoundStage.Effective, await StageAsync(round));
        var stored = await RoundAsync(round);
        Assert.Null(stored.Termination.ProposedAt);
        Assert.Equal("职工方不同意双方协商一致解除的提议：合同仍可履行", stored.Termination.Declined);
        Assert.Contains((await Host.SendAsync(new RoundActionsQuery(round), Employer)).Actions, a => a is { Action: RoundActionKind.ProposeTermination, Enabled: true });
    }

    [Fact]
    public async Task The_labour_bureaus_copy_of_the_notice_prints_once_confirmed()
    {
        var round = await PublishedAsync();
        await Host.AdvanceToAsync(China.At(2027, 6, 10, 9));
        await ProposeAsync(round, TerminationReason.EnterpriseCeased, new DateOnly(2027, 6, 5));
        await RefusedAsync(() => Host.SendAsync(new PrintRoundDocumentQuery(round, RoundDocumentKind.TerminationNotice), Chair), FailureKind.Conflict);
        await Host.SendAsync(new ConfirmTerminationCommand(round, Side.Worker), Chair);

        var file = await Host.SendAsync(new PrintRoundDocumentQuery(round, RoundDocumentKind.TerminationNotice), Chair);
        var text = PrintedPdf.Text(file.Pdf);
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "termination-notice.pdf"), file.Pdf);
        Assert.Contains("集体合同终止告知书", text);
        Assert.Contains("劳动保障行政部门存档联", text);
        Assert.Contains("用人单位被兼并、解散、破产或关闭（《集体合同规定》第四十条第（一）项）", text);
        Assert.Contains("2027年6月5日起终止", text);
        Assert.Contains("法院民事裁定书（2027）苏09破1号", text);
        Assert.Contains("2026年4月1日至2029年3月31日", text);
        Assert.Contains((await Host.SendAsync(new RoundDocumentListQuery(round), Chair)), d => d is { Kind: RoundDocumentKind.TerminationNotice, Available: true });
    }

    [Fact]
    public async Task The_contract_expires_when_its_last_day_is_over_by_its_timer_and_verify_says_so()
    {
        var round = await PublishedAsync();
        var code = (await Host.SendAsync(new PrintRoundDocumentQuery(round, RoundDocumentKind.Contract), Chair)).VerificationCode!;

        await Host.AdvanceToAsync(China.At(2029, 3, 31, 23, 59));
        Assert.Equal(RoundStage.Effective, await StageAsync(round));
        Assert.Equal("已生效", (await Host.SendAsync(new ContractStatusQuery(code), null))!.StageName);
        await Host.AdvanceToAsync(China.At(2029, 4, 1, 0, 1));

        Assert.Equal(Outcomes.Expired, (await Host.SnapshotAsync(round)).Outcome);
        var status = (await Host.SendAsync(new ContractStatusQuery(code), null))!;
        Assert.Equal(("已期满", new DateOnly(2029, 4, 1)), (status.StageName, status.EndedOn));
        var row = Assert.Single((await Host.SendAsync(new RoundListQuery { OrganisationId = Yandu.Id }, YanduStaff)).Rows);
        Assert.Equal((RoundStage.Expired, "已期满"), (row.Stage, row.StageName));
        Assert.Equal(1, (await Host.SendAsync(new CountyProgressQuery(Yandu.Id), YanduStaff)).Stages.Expired);
    }

    [Fact]
    public async Task An_effective_contract_never_published_expires_by_its_own_timer_and_may_be_terminated_until_its_last_day()
    {
        // Effective without publication: the step holds the term's end from the filing (Art 38), as the published one does.
        var round = await FiledAsync();
        await Host.AdvanceToAsync(China.At(2026, 3, 18, 9));
        await Host.AssertAtAsync(round, Nodes.Effective);
        RoundAction? Propose(RoundActions actions) => actions.Actions.SingleOrDefault(a => a.Action == RoundActionKind.ProposeTermination);

        await Host.AdvanceToAsync(China.At(2029, 3, 31, 23, 59));
        Assert.True(Propose(await Host.SendAsync(new RoundActionsQuery(round), Employer))!.Enabled);
        var listed = Assert.Single((await Host.SendAsync(new RoundListQuery { OrganisationId = Yandu.Id }, YanduStaff)).Rows);
        Assert.Null(listed.LastDay);   // the end of the term is no one's deadline
        await Host.AdvanceToAsync(China.At(2029, 4, 1, 0, 1));

        Assert.Equal((Outcomes.Expired, RoundStage.Expired), ((await Host.SnapshotAsync(round)).Outcome, await StageAsync(round)));
        Assert.Null(Propose(await Host.SendAsync(new RoundActionsQuery(round), Employer)));
        await RefusedAsync(() => ProposeAsync(round, TerminationReason.Consensus, TermEnds, evidence: null), FailureKind.Conflict);
        Assert.Equal(0, await InForceAsync(new DateOnly(2029, 4, 1)));
    }

    [Fact]
    public async Task In_force_on_a_day_counts_from_the_terms_first_day_to_its_last_and_stops_at_a_termination()
    {
        var round = await PublishedAsync();
        // Signed, not yet effective: not in force.
        await SignedAsync(await AddEnterpriseAsync(Yandu, "盐城丰达纺织有限公司", 2, 150));

        Assert.Equal((0, 1, 1), (await InForceAsync(TermStarts.AddDays(-1)), await InForceAsync(TermStarts), await InForceAsync(TermEnds)));
        Assert.Equal(0, await InForceAsync(TermEnds.AddDays(1)));

        await Host.AdvanceToAsync(China.At(2027, 6, 1, 9));
        await ProposeAsync(round, TerminationReason.Consensus, new DateOnly(2027, 7, 1), evidence: null);
        Assert.Equal(1, await InForceAsync(new DateOnly(2027, 7, 1)));
        await Host.SendAsync(new ConfirmTerminationCommand(round, Side.Worker), Chair);

        Assert.Equal((1, 0), (await InForceAsync(new DateOnly(2027, 6, 30)), await InForceAsync(new DateOnly(2027, 7, 1))));
        var city = await Host.SendAsync(new ContractsInForceQuery(new DateOnly(2027, 6, 30)), await CityAsync());
        Assert.Equal(1, city.Contracts);
        Assert.Equal(1, city.Units.Single(u => u.OrganisationId == Yandu.Id).Enterprises);
        Assert.All(city.Units.Where(u => u.OrganisationId != Yandu.Id), u => Assert.Equal(0, u.Contracts));
        await RefusedAsync(() => Host.SendAsync(new ContractsInForceQuery(TermStarts), YanduStaff), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new ContractsInForceQuery(TermStarts, Yandu.Id), TinghuStaff), FailureKind.Forbidden);
    }
}
