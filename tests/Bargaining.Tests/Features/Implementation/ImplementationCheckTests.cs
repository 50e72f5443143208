using Bargaining.Domain;
using Bargaining.Features.Implementation;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Features.Rounds.Filing;
using Bargaining.Features.Rounds.Signing;
using Bargaining.Features.Rounds.Table;
using Bargaining.Tests.Features.Rounds;
using Bargaining.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Tests.Features.Implementation;

// 履约检查: the checklist of an effective contract, its checks, the county's notice, disputes (Art 55) and the annual report.
public sealed class ImplementationCheckTests : RoundScenario
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    private CurrentUser YanduInstructor => new("u-instructor", "盐都区 指导员 陈刚", Role.Instructor, Yandu.Id);

    private static readonly TopicProposal[] MoreClauses =
    [
        new(TopicCatalog.Pay, "企业最低工资标准为每月2500元，不低于当地最低工资标准。", Title: "企业最低工资"),
        new(TopicCatalog.Custom, "6月至9月，企业按月向高温作业职工发放高温津贴每月300元。", Title: "高温津贴"),
        new("working-hours", "实行标准工时制度，职工每日工作不超过8小时，每周不超过40小时。"),
        new("labour-contracts", "企业与职工依法订立劳动合同，不得随意解除。"),
    ];

    /// <summary>
    /// The 6 % wage contract with four more clauses (minimum pay, the high-temperature allowance, hours, labour
    /// contracts) and the three-year term from 1 April 2026, filed on 2 March and filed with no objection: in effect
    /// from 18 March 2026.
    /// </summary>
    private async Task<Guid> FiledWithClausesAsync()
    {
        var round = await AtTheTableAsync();
        foreach (var clause in MoreClauses) await Host.SendAsync(new ProposeCommand(round, Side.Worker, clause), Chair);
        foreach (var topic in (await TopicsAsync(round)).OrderBy(t => t.Title, StringComparer.Ordinal)) await Host.SendAsync(new AgreeTopicCommand(topic.Id, Side.Employer), Employer);
        await HeldAsync(round);
        await ConcludedAsync(round);
        await AgreeTermAsync(round);
        await Host.SendAsync(new RecordCongressVoteCommand(round, 180, 150, 140), Chair);
        await Host.SendAsync(new SignCommand(round, Side.Worker), Chair);
        await Host.SendAsync(new SignCommand(round, Side.Employer), Employer);
        await Host.SendAsync(new FileContractCommand(round, Today), Employer);
        return round;
    }

    private async Task<Guid> EffectiveAsync()
    {
        var round = await FiledWithClausesAsync();
        await Host.AdvanceToAsync(China.At(2026, 3, 18, 9));
        await Host.AssertAtAsync(round, "effective");
        return round;
    }

    private Task<Checklist> ChecklistAsync(Guid round, CurrentUser? user = null) => Host.SendAsync(new ChecklistQuery(round), user ?? Chair);

    private async Task<ObligationView> ObligationAsync(Guid round, string title) => (await ChecklistAsync(round)).Obligations.Single(o => o.Title == title);

    [Fact]
    public async Task The_chair_derives_the_checklist_from_the_agreed_clauses_of_the_effective_contract_each_saying_where_it_comes_from()
    {
        var round = await EffectiveAsync();

        Assert.Equal(12, await Host.SendAsync(new DeriveObligationsCommand(round), Chair));

        var list = await ChecklistAsync(round);
        Assert.True(list.Derived);
        Assert.Equal(
        [
            ("工资增长6%（2026年度）", "2026-04-01"), ("最低工资每月2500元（2026年度）", "2026-04-01"), ("高温津贴每月300元（2026年6月至9月）", "2026-09-30"),
            ("工作时间每日不超过8小时（第1个合同年度）", "2027-03-31"),
        ], list.Obligations.OrderBy(o => o.DueOn).ThenBy(o => o.Title, StringComparer.Ordinal).Take(4).Select(o => (o.Title, o.DueOn.ToString("yyyy-MM-dd"))));
        var rise = list.Obligations.Single(o => o.Title == "工资增长6%（2026年度）");
        var clause = await Host.WithDbAsync(db => db.DraftClauses.Where(c => c.RoundId == round && c.Title == "劳动报酬").Select(c => c.Sequence).SingleAsync());
        Assert.Equal(($"第{clause}条“劳动报酬”：读取到“6%”，合同期内每年4月1日起检查一次", "职工年平均工资增长6%", "待检查"), (rise.Basis, rise.Requirement, rise.Status));
        Assert.Equal("劳动合同管理", Assert.Single(list.Unread).Title);

        var again = await RefusedAsync(() => Host.SendAsync(new DeriveObligationsCommand(round), Chair), FailureKind.Conflict);
        Assert.Contains("不能重复生成", again.Message);
        Assert.Equal(12, await CountAsync<Obligation>());
    }

    [Fact]
    public async Task A_contract_not_yet_in_effect_has_no_checklist_and_nothing_is_written()
    {
        var round = await FiledWithClausesAsync();

        var e = await RefusedAsync(() => Host.SendAsync(new DeriveObligationsCommand(round), Chair), FailureKind.Conflict);
        Assert.Contains("合同尚未生效", e.Message);
        await RefusedAsync(() => Host.SendAsync(new AddObligationCommand(round, "职工体检", "每年组织一次职工体检", new DateOnly(2026, 12, 31)), Chair), FailureKind.Conflict);
        Assert.Equal(0, await CountAsync<Obligation>());
    }

    [Fact]
    public async Task A_clause_the_derivation_cannot_read_is_added_by_hand_within_the_term()
    {
        var round = await EffectiveAsync();
        await Host.SendAsync(new DeriveObligationsCommand(round), Chair);

        var outside = await RefusedAsync(() => Host.SendAsync(new AddObligationCommand(round, "劳动合同签订率100%", "企业与职工依法订立劳动合同", new DateOnly(2029, 4, 1), 5), Chair), FailureKind.Rule);
        Assert.Contains("2026-04-01至2029-03-31", outside.Message);
        var empty = await RefusedAsync(() => Host.SendAsync(new AddObligationCommand(round, "", "", null), Chair), FailureKind.Validation);
        Assert.Equal(["请填写履约事项", "请填写履约要求（合同条款的约定）", "请填写履约期限"], empty.Errors.Values.SelectMany(v => v));
        await RefusedAsync(() => Host.SendAsync(new AddObligationCommand(round, "劳动合同签订率100%", "企业与职工依法订立劳动合同", new DateOnly(2026, 12, 31), 5), Employer), FailureKind.Forbidden);

        await Host.SendAsync(new AddObligationCommand(round, "劳动合同签订率100%", "企业与职工依法订立劳动合同", new DateOnly(2026, 12, 31), 5), YanduStaff);

        var added = await ObligationAsync(round, "劳动合同签订率100%");
        Assert.Equal((true, 5, "第5条，盐都区总工会 张敏人工添加"), (added.Manual, added.ClauseSequence!.Value, added.Basis));
    }

    [Fact]
    public async Task A_check_is_recorded_with_its_note_and_attachment_and_every_refusal_leaves_nothing_written()
    {
        var round = await EffectiveAsync();
        await Host.SendAsync(new DeriveObligationsCommand(round), Chair);
        var rise = await ObligationAsync(round, "工资增长6%（2026年度）");

        var noNote = await RefusedAsync(() => Host.SendAsync(new RecordCheckCommand(round, rise.Id, CheckOutcome.NotMet, " "), Chair), FailureKind.Validation);
        Assert.Equal("未履行或部分履行时，请在备注中写明情况", noNote.Message);
        var noOutcome = await RefusedAsync(() => Host.SendAsync(new RecordCheckCommand(round, rise.Id, null, null), Chair), FailureKind.Validation);
        Assert.Contains("请选择检查结论", noOutcome.Message);
        var tooLarge = await RefusedAsync(() => Host.SendAsync(new RecordCheckCommand(round, rise.Id, CheckOutcome.Met, null, "工资表.pdf", "application/pdf",
            [.. "%PDF"u8, .. new byte[Attachments.MaxBytes]]), Chair), FailureKind.Validation);
        Assert.Equal("附件不能超过2MB", tooLarge.Message);
        var wrongType = await RefusedAsync(() => Host.SendAsync(new RecordCheckCommand(round, rise.Id, CheckOutcome.Met, null, "工资表.docx", "application/msword", [1, 2, 3]), Chair), FailureKind.Validation);
        Assert.Equal("附件只能是PDF、JPG或PNG文件", wrongType.Message);
        var disguised = await RefusedAsync(() => Host.SendAsync(new RecordCheckCommand(round, rise.Id, CheckOutcome.Met, null, "工资表.png", "image/png", "%PDF-1.7"u8.ToArray()), Chair), FailureKind.Validation);
        Assert.Contains("附件内容与其类型不符", disguised.Message);
        await RefusedAsync(() => Host.SendAsync(new RecordCheckCommand(round, rise.Id, CheckOutcome.Met, null), Employer), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new RecordCheckCommand(round, rise.Id, CheckOutcome.Met, null), TinghuStaff), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new RecordCheckCommand(round, Guid.NewGuid(), CheckOutcome.Met, null), Chair), FailureKind.NotFound);
        Assert.Equal(0, await CountAsync<ObligationCheck>());

        await Host.AdvanceToAsync(China.At(2026, 4, 20, 10));
        var check = await Host.SendAsync(new RecordCheckCommand(round, rise.Id, CheckOutcome.Partly, "一线职工已调增6%，管理岗位尚未调整", "4月工资表.png", "image/png", Png), Chair);
        await Host.SendAsync(new RecordCheckCommand(round, (await ObligationAsync(round, "最低工资每月2500元（2026年度）")).Id, CheckOutcome.Met, null), YanduInstructor);

        var checkedRise = await ObligationAsync(round, "工资增长6%（2026年度）");
        Assert.Equal(("部分履行", true), (checkedRise.Status, checkedRise.Unmet));
        var view = Assert.Single(checkedRise.Checks);
        Assert.Equal((new DateOnly(2026, 4, 20), "王建国", "4月工资表.png", "一线职工已调增6%，管理岗位尚未调整"), (view.CheckedOn, view.By, view.AttachmentName!, view.Note!));
        var file = await Host.SendAsync(new CheckAttachmentQuery(round, check), YanduReviewer);
        Assert.Equal(Png, file.Content);
        Assert.Equal(("image/png", "4月工资表.png"), (file.ContentType, file.FileName));
        Assert.Equal("已履行", (await ObligationAsync(round, "最低工资每月2500元（2026年度）")).Status);
    }

    [Fact]
    public async Task An_obligation_becomes_overdue_the_day_after_its_due_day_unless_checked()
    {
        var round = await EffectiveAsync();
        await Host.SendAsync(new DeriveObligationsCommand(round), Chair);

        await Host.AdvanceToAsync(China.At(2026, 4, 1, 23, 59));
        Assert.Equal("待检查", (await ObligationAsync(round, "工资增长6%（2026年度）")).Status);

        await Host.AdvanceToAsync(China.At(2026, 4, 2, 0, 0));
        var overdue = await ObligationAsync(round, "工资增长6%（2026年度）");
        Assert.Equal(("逾期未检查", true), (overdue.Status, overdue.Overdue));
        Assert.False((await ObligationAsync(round, "高温津贴每月300元（2026年6月至9月）")).Overdue);

        await Host.SendAsync(new RecordCheckCommand(round, overdue.Id, CheckOutcome.Met, null), Chair);
        Assert.Equal(("已履行", false), ((await ObligationAsync(round, "工资增长6%（2026年度）")).Status, (await ObligationAsync(round, "工资增长6%（2026年度）")).Overdue));
    }

    [Fact]
    public async Task An_unmet_obligation_is_on_the_county_s_list_and_the_city_s_counts_until_a_later_check_finds_it_met()
    {
        var round = await EffectiveAsync();
        await Host.SendAsync(new DeriveObligationsCommand(round), Chair);
        var admin = new CurrentUser("u-city", "市总工会", Role.CityAdministrator, Yandu.ParentId!.Value);
        Assert.Empty(await Host.SendAsync(new UnmetContractsQuery(Yandu.Id), YanduStaff));

        await Host.AdvanceToAsync(China.At(2026, 4, 20, 10));
        var rise = await ObligationAsync(round, "工资增长6%（2026年度）");
        var pay = await ObligationAsync(round, "最低工资每月2500元（2026年度）");
        await Host.SendAsync(new RecordCheckCommand(round, rise.Id, CheckOutcome.NotMet, "4月工资未调整"), Chair);
        await Host.SendAsync(new RecordCheckCommand(round, pay.Id, CheckOutcome.Partly, "3名学徒工低于2500元"), Chair);

        var contract = Assert.Single(await Host.SendAsync(new UnmetContractsQuery(Yandu.Id), YanduInstructor));
        Assert.Equal(("盐城恒达精密机械有限公司", 2), (contract.Enterprise, contract.Obligations.Count));
        var listed = (await ChecklistAsync(round)).Obligations.Where(o => o.Unmet).Select(o => (o.Title, o.LastOutcome!.Value));
        Assert.Equal(listed, contract.Obligations.Select(o => (o.Title, o.Outcome)));
        Assert.Equal([(pay.Title, CheckOutcome.Partly), (rise.Title, CheckOutcome.NotMet)], contract.Obligations.Select(o => (o.Title, o.Outcome)).OrderBy(o => o.Outcome));
        Assert.All(contract.Obligations, o => Assert.Equal(new DateOnly(2026, 4, 20), o.CheckedOn));
        Assert.Equal(1, (await Host.SendAsync(new UnmetContractCountsQuery(), admin))[Yandu.Id]);
        await RefusedAsync(() => Host.SendAsync(new UnmetContractsQuery(Yandu.Id), TinghuStaff), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new UnmetContractCountsQuery(), YanduStaff), FailureKind.Forbidden);

        await Host.AdvanceToAsync(China.At(2026, 5, 20, 10));
        var earlier = await RefusedAsync(() => Host.WithDbAsync(async db =>
        {
            var o = await db.Set<Obligation>().SingleAsync(x => x.Id == rise.Id);
            return o.Check(CheckOutcome.Met, null, new DateOnly(2026, 4, 19), Host.Clock.GetUtcNow(), "王建国");
        }), FailureKind.Conflict);
        Assert.Contains("新的检查日期不能更早", earlier.Message);
        await Host.SendAsync(new RecordCheckCommand(round, rise.Id, CheckOutcome.Met, "5月补发4月差额"), Chair);
        await Host.SendAsync(new RecordCheckCommand(round, pay.Id, CheckOutcome.Met, null), Chair);

        Assert.Empty(await Host.SendAsync(new UnmetContractsQuery(Yandu.Id), YanduStaff));
        Assert.Empty(await Host.SendAsync(new UnmetContractCountsQuery(), admin));
    }

    [Fact]
    public async Task A_performance_dispute_is_raised_over_an_unmet_obligation_and_prints_with_its_checks()
    {
        var round = await EffectiveAsync();
        await Host.SendAsync(new DeriveObligationsCommand(round), Chair);
        var heat = await ObligationAsync(round, "高温津贴每月300元（2026年6月至9月）");
        await Host.AdvanceToAsync(China.At(2026, 10, 8, 10));

        var notYetUnmet = await RefusedAsync(() => Host.SendAsync(new RaiseDisputeCommand(round, heat.Id, "企业未发放高温津贴"), Chair), FailureKind.Conflict);
        Assert.Contains("不能就此提出履约争议", notYetUnmet.Message);
        await Host.SendAsync(new RecordCheckCommand(round, heat.Id, CheckOutcome.NotMet, "6月至9月均未发放高温津贴", "车间温度记录.pdf", "application/pdf", "%PDF-1.4 温度"u8.ToArray()), Chair);
        var empty = await RefusedAsync(() => Host.SendAsync(new RaiseDisputeCommand(round, heat.Id, ""), Chair), FailureKind.Validation);
        Assert.Equal("请写明争议事实和请求事项", empty.Message);

        var dispute = await Host.SendAsync(new RaiseDisputeCommand(round, heat.Id, "企业2026年6月至9月未向高温作业职工发放高温津贴，请求补发每人每月300元"), Chair);
        await RefusedAsync(() => Host.SendAsync(new RaiseDisputeCommand(round, heat.Id, "再次提出"), Chair), FailureKind.Conflict);
        Assert.Equal(1, await CountAsync<PerformanceDispute>());
        Assert.Equal((new DateOnly(2026, 10, 8), "王建国"), ((await ObligationAsync(round, heat.Title)).Dispute!.RaisedOn, (await ObligationAsync(round, heat.Title)).Dispute!.RaisedBy));

        var record = await Host.SendAsync(new PrintDisputeRecordQuery(round, dispute), YanduStaff);
        await File.WriteAllBytesAsync(Path.Combine(Path.GetTempPath(), "performance-dispute.pdf"), record.Pdf);
        var text = PrintedPdf.Text(record.Pdf);
        Assert.Equal("集体合同履约争议记录", record.Title);
        foreach (var expected in new[] { "盐城恒达精密机械有限公司工资专项集体合同", "提出日期：2026年10月8日", "提出人：王建国", "高温津贴每月300元（2026年6月至9月）",
                     "履行期限：2026年9月30日", "2026年10月8日未履行6月至9月均未发放高温津贴王建国车间温度记录.pdf", "请求补发每人每月300元", "第五十五条" })
            Assert.Contains(expected, text);
        await RefusedAsync(() => Host.SendAsync(new PrintDisputeRecordQuery(round, dispute), TinghuStaff), FailureKind.Forbidden);
    }

    [Fact]
    public async Task The_annual_report_to_the_workers_congress_prints_the_year_s_obligations_with_their_checks()
    {
        var round = await EffectiveAsync();
        await Host.SendAsync(new DeriveObligationsCommand(round), Chair);
        await Host.AdvanceToAsync(China.At(2026, 10, 8, 10));
        await Host.SendAsync(new RecordCheckCommand(round, (await ObligationAsync(round, "工资增长6%（2026年度）")).Id, CheckOutcome.Met, "4月起按6%调增"), Chair);
        var heat = await ObligationAsync(round, "高温津贴每月300元（2026年6月至9月）");
        await Host.SendAsync(new RecordCheckCommand(round, heat.Id, CheckOutcome.NotMet, "未发放"), Chair);
        await Host.SendAsync(new RaiseDisputeCommand(round, heat.Id, "请求补发高温津贴"), Chair);

        var report = await Host.SendAsync(new PrintPerformanceReportQuery(round, 2026), Employer);

        await File.WriteAllBytesAsync(Path.Combine(Path.GetTempPath(), "performance-report.pdf"), report.Pdf);
        var text = PrintedPdf.Text(report.Pdf);
        Assert.Equal("2026年度集体合同履约情况报告", report.Title);
        Assert.Contains("本年度应当履行的约定事项共3项，其中已履行1项，部分履行0项，未履行1项，尚未检查1项。", text);
        Assert.Contains("工资增长6%（2026年度）2026年4月1日已履行2026年10月8日4月起按6%调增", text);
        Assert.Contains("2026年10月8日就“高温津贴每月300元（2026年6月至9月）”提出，请求补发高温津贴", text);
        Assert.Contains("盐城恒达精密机械有限公司工会委员会", text);
        var outside = await RefusedAsync(() => Host.SendAsync(new PrintPerformanceReportQuery(round, 2030), Chair), FailureKind.Rule);
        Assert.Contains("没有2030年度的履约情况", outside.Message);
    }

    [Fact]
    public async Task The_city_s_counts_read_only_the_unmet_rows_through_their_partial_index_on_SQLite()
    {
        if (Host.SqlitePath is null) return;   // the plan checked is SQLite's
        var plan = await Host.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + UnmetContractCountsHandler.Counts(db).ToQueryString();
            var steps = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync()) steps.Add(reader.GetString(reader.GetOrdinal("detail")));
            return steps;
        });

        Assert.Contains(plan, step => step.Contains("ix_obligations_unmet", StringComparison.Ordinal));
    }
}
