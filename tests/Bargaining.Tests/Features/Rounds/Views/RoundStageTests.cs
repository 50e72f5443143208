using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Features.Rounds.Coordination;
using Bargaining.Features.Rounds.Filing;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Representatives;
using Bargaining.Features.Rounds.Review;
using Bargaining.Features.Rounds.Signing;
using Bargaining.Features.Rounds.Table;
using Bargaining.Features.Rounds.Views;
using Bargaining.Workflows;

namespace Bargaining.Tests.Features.Rounds.Views;

// The stage a round shows never goes back (issue 10 item 7): coordination stands where its dispute arose — over a
// refused offer 已回应, an unanswered one 已要约, at the table 协商中 — and a contract bargained again over the
// reviewer's objection stays 已报送 (Art 46). The clock moves between steps; the stage is read as the round page shows it.
public sealed class RoundStageTests : RoundScenario
{
    private CurrentUser Coordinator => new("u-coord", "盐都区人社局 协调处理 孙平", Role.Coordinator, Yandu.Id);

    private readonly List<(string Step, string Stage)> _seen = [];

    /// <summary>Lets <paramref name="later"/> pass, then records the stage the round page shows after <paramref name="step"/>.</summary>
    private async Task SeenAsync(Guid round, string step, TimeSpan later)
    {
        await Host.AdvanceAsync(later);
        _seen.Add((step, (await Host.SendAsync(new RoundTimelineQuery(round), Chair)).StageName));
    }

    private void AssertNeverWentBack()
    {
        var order = Enum.GetValues<RoundStage>().ToDictionary(s => s.Chinese(), s => (int)s);
        for (var i = 1; i < _seen.Count; i++)
            Assert.True(order[_seen[i].Stage] >= order[_seen[i - 1].Stage],
                $"the stage went back from {_seen[i - 1].Stage} to {_seen[i].Stage} at “{_seen[i].Step}”: {string.Join(" → ", _seen.Select(s => $"{s.Step} {s.Stage}"))}");
    }

    [Fact]
    public async Task A_refused_offer_stays_replied_through_coordination_and_back_to_the_table()
    {
        var round = await OfferedAsync();
        await SeenAsync(round, "要约", TimeSpan.FromHours(3));
        await Host.SendAsync(new ReplyToOfferCommand(round, Accept: false, Reason: "经营困难"), Employer);
        await SeenAsync(round, "拒绝", TimeSpan.FromDays(2));
        await Host.SendAsync(new ApplyForCoordinationCommand(round, Side.Worker, "企业方以经营困难为由拒绝工资协商"), Chair);
        await SeenAsync(round, "申请协调", TimeSpan.FromMilliseconds(1));
        await Host.SendAsync(new ExtendCoordinationCommand(round, "需进一步核实企业经营数据"), Coordinator);
        await SeenAsync(round, "延长协调", TimeSpan.FromDays(12));
        await Host.SendAsync(new RecordCoordinationAgreementCommand(round, "双方同意于4月内开展工资集体协商", ["孙平"], "王建国", "李明"), Coordinator);
        await SeenAsync(round, "协调协议", TimeSpan.FromMinutes(40));
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Worker, WorkerSide()), Chair);
        await SeenAsync(round, "职工方代表", TimeSpan.FromDays(1));
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Employer, EmployerSide(), LegalRepresentative: "李明"), Employer);
        await SeenAsync(round, "企业方代表", TimeSpan.FromHours(5));
        await Host.SendAsync(FirstMeeting(round), Chair);
        await SeenAsync(round, "安排会议", TimeSpan.FromSeconds(2));

        Assert.Equal(["已要约", "已回应", "已回应", "已回应", "已回应", "已回应", "已回应", "协商中"], _seen.Select(s => s.Stage));
        AssertNeverWentBack();
    }

    [Fact]
    public async Task An_unanswered_offer_stays_offered_through_coordination_even_when_it_runs_late()
    {
        var round = await OfferedAsync();
        await SeenAsync(round, "要约", TimeSpan.FromDays(25));
        await Host.AssertAtAsync(round, Nodes.EmployerReplyOverdue);
        await Host.SendAsync(new ApplyForCoordinationCommand(round, Side.Worker, "企业方逾期未回应要约"), Chair);
        await SeenAsync(round, "申请协调", TimeSpan.FromDays(3));
        await Host.SendAsync(new ExtendCoordinationCommand(round, "企业方负责人出差"), Coordinator);
        await SeenAsync(round, "延长协调", TimeSpan.FromDays(60));
        await Host.AssertAtAsync(round, Nodes.CoordinationOverdue);
        await Host.SendAsync(new RecordCoordinationAgreementCommand(round, "企业方同意协商", ["孙平"], "王建国", "李明"), Coordinator);
        await SeenAsync(round, "协调协议", TimeSpan.FromMilliseconds(300));

        Assert.Equal(["已要约", "已要约", "已要约", "已回应"], _seen.Select(s => s.Stage));
        AssertNeverWentBack();
    }

    [Fact]
    public async Task A_dispute_at_the_table_is_bargaining_throughout_until_the_contract_is_signed()
    {
        var round = await AtTheTableAsync();
        await SeenAsync(round, "安排会议", TimeSpan.FromHours(2));
        await HeldAsync(round);
        await SeenAsync(round, "会议记录", TimeSpan.FromDays(1));
        await Host.SendAsync(new ApplyForCoordinationCommand(round, Side.Employer, "工资增长幅度分歧较大，协商不成"), Employer);
        await SeenAsync(round, "申请协调", TimeSpan.FromDays(31));
        await Host.AssertAtAsync(round, Nodes.CoordinationOverdue);
        await Host.SendAsync(new RecordCoordinationAgreementCommand(round, "双方同意恢复协商", ["孙平"], "王建国", "李明"), Coordinator);
        await SeenAsync(round, "协调协议", TimeSpan.FromMinutes(5));
        await Host.SendAsync(new ScheduleMeetingCommand(round, Side.Worker, Today, "公司会议室", Side.Employer, "张丽"), Chair);
        await Host.SendAsync(new AgreeTopicCommand((await TopicsAsync(round)).Single().Id, Side.Employer), Employer);
        await HeldAsync(round, Chair);
        await SeenAsync(round, "第二次会议", TimeSpan.FromHours(1));
        await ConcludedAsync(round);
        await AgreeTermAsync(round);
        await SeenAsync(round, "草案", TimeSpan.FromDays(3));
        await Host.SendAsync(new RecordCongressVoteCommand(round, 180, 150, 140), Chair);
        await Host.SendAsync(new SignCommand(round, Side.Worker), Chair);
        await SeenAsync(round, "职工方签字", TimeSpan.FromHours(6));
        await Host.SendAsync(new SignCommand(round, Side.Employer), Employer);
        await SeenAsync(round, "企业方签字", TimeSpan.FromMilliseconds(1));

        Assert.Equal(["协商中", "协商中", "协商中", "协商中", "协商中", "协商中", "协商中", "已签订"], _seen.Select(s => s.Stage));
        AssertNeverWentBack();
    }

    [Fact]
    public async Task A_contract_bargained_again_over_an_objection_stays_filed_until_it_takes_effect()
    {
        var round = await FiledAsync();
        await SeenAsync(round, "报送", TimeSpan.FromDays(4));
        var pay = (await TopicsAsync(round)).Single().Id;
        await Host.SendAsync(new RecordReviewObjectionCommand(round, "工资增长条款未明确执行时间", [pay]), YanduReviewer);
        await SeenAsync(round, "审查意见", TimeSpan.FromDays(2));
        await Host.SendAsync(new CounterProposeCommand(pay, Side.Worker, "自2026年4月起职工年平均工资增长6%", 6, "%"), Chair);
        await Host.SendAsync(new AgreeTopicCommand(pay, Side.Employer), Employer);
        await ConcludedAsync(round);
        await SeenAsync(round, "草案", TimeSpan.FromDays(1));
        await Host.SendAsync(new RecordCongressVoteCommand(round, 180, 150, 140), Chair);
        await Host.SendAsync(new SignCommand(round, Side.Worker), Chair);
        await Host.SendAsync(new SignCommand(round, Side.Employer), Employer);
        await SeenAsync(round, "签字", TimeSpan.FromHours(2));
        // Waiting to be filed again, it is not in the reviewer's queue.
        Assert.DoesNotContain(await Host.SendAsync(new ReviewQueueQuery(), YanduReviewer), r => r.RoundId == round);
        await Host.SendAsync(new FileContractCommand(round, Today), Employer);
        await SeenAsync(round, "再次报送", TimeSpan.FromDays(1));
        Assert.Contains(await Host.SendAsync(new ReviewQueueQuery(), YanduReviewer), r => r.RoundId == round);
        await SeenAsync(round, "审查期满", TimeSpan.FromDays(20));

        Assert.Equal(["已报送", "已报送", "已报送", "已报送", "已报送", "已生效"], _seen.Select(s => s.Stage));
        AssertNeverWentBack();
    }

    [Fact]
    public void Every_step_a_round_can_wait_at_has_a_stage()
    {
        foreach (var id in typeof(DefinitionIds).GetFields().Select(f => (string)f.GetValue(null)!))
        {
            var nodes = JsonNode.Parse(File.ReadAllText(Path.Combine(BargainingHost.RepositoryWorkflows, id + ".json")))!["nodes"]!.AsArray()
                .Where(n => n!["type"]!.GetValue<string>() is "task" or "timer" or "join").Select(n => n!["id"]!.GetValue<string>());
            foreach (var node in nodes)
            {
                var snapshot = new WorkflowSnapshot(Guid.Empty, id, 1, "js-yancheng", null, WorkflowStatus.Running, null, 0,
                    [new ActiveStep(node, node, default, null, null)], []);
                var stage = RoundStages.Of(snapshot);
                Assert.True(stage is not (RoundStage.Effective or RoundStage.Closed) || node is Nodes.Effective or Nodes.Published, $"{id}: {node} is {stage}");
                Assert.False(stage.HasEnded(), $"{id}: {node} is {stage}, which only an ended workflow is");
            }
        }
    }
}
