using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Table;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Tests.Features.Rounds.Table;

// Conclusion: a meeting held, every topic agreed or withdrawn, both chiefs signing; the draft is made from the agreed clauses.
public sealed class ConcludeTests : RoundScenario
{
    [Fact]
    public async Task With_every_topic_settled_the_draft_holds_the_agreed_clauses_and_goes_to_the_congress()
    {
        var round = await AtTheTableAsync();
        await Host.SendAsync(new ProposeCommand(round, Side.Employer, new TopicProposal("training", "每年组织职业技能培训不少于40学时")), Employer);
        var topics = (await TopicsAsync(round)).ToDictionary(t => t.Code, t => t.Id);
        await Host.SendAsync(new CounterProposeCommand(topics[TopicCatalog.Pay], Side.Employer, "职工年平均工资增长5%", 5, "%"), Employer);
        await Host.SendAsync(new AgreeTopicCommand(topics[TopicCatalog.Pay], Side.Worker), Chair);
        await Host.SendAsync(new WithdrawTopicCommand(topics["training"], Side.Employer, "另行制定培训计划"), Employer);
        await HeldAsync(round);

        var draft = await ConcludedAsync(round);

        var clause = Assert.Single(draft);
        Assert.Equal(("劳动报酬", "职工年平均工资增长5%", 5m), (clause.Title, clause.Clause, clause.Number));
        Assert.Equal(1, (await RoundAsync(round)).Table.Draft);
        Assert.Equal(1, await CountAsync<DraftClause>());
        await Host.AssertAtAsync(round, "congress");
    }

    [Fact]
    public async Task An_open_topic_prevents_the_conclusion_and_nothing_is_written()
    {
        var round = await AtTheTableAsync();
        await HeldAsync(round);

        var e = await RefusedAsync(() => Host.SendAsync(new ConcludeCommand(round, Side.Worker), Chair), FailureKind.Rule);

        Assert.Contains("劳动报酬", e.Message);
        Assert.Equal((0, 0), ((await RoundAsync(round)).Table.Draft, await CountAsync<DraftClause>()));
        await Host.AssertAtAsync(round, "bargaining");
    }

    [Fact]
    public async Task Nothing_agreed_means_no_draft()
    {
        var round = await AtTheTableAsync();
        var pay = (await TopicsAsync(round)).Single().Id;
        await Host.SendAsync(new WithdrawTopicCommand(pay, Side.Worker, "暂不协商"), Chair);
        await HeldAsync(round);

        await RefusedAsync(() => Host.SendAsync(new ConcludeCommand(round, Side.Worker), Chair), FailureKind.Rule);
        await Host.AssertAtAsync(round, "bargaining");
    }

    [Fact]
    public async Task A_suspended_round_cannot_be_concluded()
    {
        var round = await AtTheTableAsync();
        var pay = (await TopicsAsync(round)).Single().Id;
        await Host.SendAsync(new AgreeTopicCommand(pay, Side.Employer), Employer);
        await Host.SendAsync(new SuspendCommand(round, Side.Worker, true, true, Today.AddDays(5), "会议室", "签署草案"), Chair);

        await RefusedAsync(() => Host.SendAsync(new ConcludeCommand(round, Side.Worker), Chair), FailureKind.Conflict);
        Assert.Equal(0, await Host.WithDbAsync(db => db.DraftClauses.CountAsync()));
    }

    [Fact]
    public async Task No_draft_is_formed_before_a_meeting_has_been_held_citing_Art_34()
    {
        var round = await AtTheTableAsync();
        await Host.SendAsync(new AgreeTopicCommand((await TopicsAsync(round)).Single().Id, Side.Employer), Employer);

        var worker = await RefusedAsync(() => Host.SendAsync(new ConcludeCommand(round, Side.Worker), Chair), FailureKind.Rule);
        var employer = await RefusedAsync(() => Host.SendAsync(new ConcludeCommand(round, Side.Employer), Employer), FailureKind.Rule);

        Assert.Equal(("conclude.no-meeting", "conclude.no-meeting"), (worker.Code, employer.Code));
        Assert.Contains("第三十四条", worker.Message);
        Assert.Equal(0, (await RoundAsync(round)).Table.Draft);
        await Host.AssertAtAsync(round, "bargaining");
    }

    [Fact]
    public async Task One_chief_alone_forms_no_draft_and_signs_only_once()
    {
        var round = await AtTheTableAsync();
        await Host.SendAsync(new AgreeTopicCommand((await TopicsAsync(round)).Single().Id, Side.Employer), Employer);
        await HeldAsync(round);

        var proposed = await Host.SendAsync(new ConcludeCommand(round, Side.Worker), Chair);

        Assert.Equal("职工年平均工资增长6%", Assert.Single(proposed).Clause);
        Assert.Equal((0, Side.Worker), ((await RoundAsync(round)).Table.Draft, (await RoundAsync(round)).Table.DraftSignedBy));
        Assert.Equal(0, await CountAsync<DraftClause>());
        await Host.AssertAtAsync(round, "bargaining");
        await RefusedAsync(() => Host.SendAsync(new ConcludeCommand(round, Side.Worker), Chair), FailureKind.Conflict);

        await Host.SendAsync(new ConcludeCommand(round, Side.Employer), Employer);

        Assert.Equal((1, (Side?)null), ((await RoundAsync(round)).Table.Draft, (await RoundAsync(round)).Table.DraftSignedBy));
        await Host.AssertAtAsync(round, "congress");
    }

    [Fact]
    public async Task A_move_at_the_table_after_the_first_signature_lapses_it()
    {
        var round = await AtTheTableAsync();
        await Host.SendAsync(new AgreeTopicCommand((await TopicsAsync(round)).Single().Id, Side.Employer), Employer);
        await HeldAsync(round);
        await Host.SendAsync(new ConcludeCommand(round, Side.Worker), Chair);
        var training = await Host.SendAsync(new ProposeCommand(round, Side.Employer, new TopicProposal("training", "每年组织职业技能培训不少于40学时")), Employer);
        await Host.SendAsync(new AgreeTopicCommand(training, Side.Worker), Chair);

        await Host.SendAsync(new ConcludeCommand(round, Side.Employer), Employer);

        Assert.Equal((0, Side.Employer), ((await RoundAsync(round)).Table.Draft, (await RoundAsync(round)).Table.DraftSignedBy));
        await Host.AssertAtAsync(round, "bargaining");
        await Host.SendAsync(new ConcludeCommand(round, Side.Worker), Chair);
        Assert.Equal(2, await CountAsync<DraftClause>());
        await Host.AssertAtAsync(round, "congress");
    }
}
