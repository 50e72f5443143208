using Bargaining.Domain;
using Bargaining.Features.Rounds.Review;

namespace Bargaining.Tests.Features.Rounds.Review;

// 审查 (Art 44–47): an objection with its opinion reopens the contested topics; silence for 15 days makes the
// contract effective. 公布 (Art 48) by the union chair.
public sealed class ReviewAndPublishTests : RoundScenario
{
    [Fact]
    public async Task An_objection_reopens_the_contested_topics_and_sends_the_round_back_to_bargaining()
    {
        var round = await FiledAsync();
        var pay = (await TopicsAsync(round)).Single().Id;

        await Host.SendAsync(new RecordReviewObjectionCommand(round, "工资增长条款未明确执行时间", [pay]), YanduReviewer);

        await Host.AssertAtAsync(round, "bargaining");
        var topic = (await TopicsAsync(round)).Single();
        Assert.Equal((TopicStatus.Open, PositionKind.Reopening), (topic.Status, topic.Last.Kind));
        Assert.Contains("未明确执行时间", topic.Last.Clause);
        var stored = await RoundAsync(round);
        Assert.Equal("工资增长条款未明确执行时间", stored.Review.Opinion);
        Assert.Null(stored.Filing.ReceivedOn);
    }

    [Fact]
    public async Task An_objection_must_name_the_contested_topics()
    {
        var round = await FiledAsync();

        var e = await RefusedAsync(() => Host.SendAsync(new RecordReviewObjectionCommand(round, "程序不合规", []), YanduReviewer), FailureKind.Validation);

        Assert.Contains("第四十六条", e.Message);
        await Host.AssertAtAsync(round, "review");
    }

    [Fact]
    public async Task A_topic_of_another_round_cannot_be_contested_and_nothing_is_reopened()
    {
        var round = await FiledAsync();
        var pay = (await TopicsAsync(round)).Single().Id;

        await RefusedAsync(() => Host.SendAsync(new RecordReviewObjectionCommand(round, "意见", [pay, Guid.NewGuid()]), YanduReviewer), FailureKind.NotFound);

        Assert.Equal(TopicStatus.Agreed, (await TopicsAsync(round)).Single().Status);
        Assert.Null((await RoundAsync(round)).Review.Opinion);
        await Host.AssertAtAsync(round, "review");
    }

    [Fact]
    public async Task Only_a_reviewer_of_the_enterprises_area_may_object()
    {
        var round = await FiledAsync();
        var pay = (await TopicsAsync(round)).Single().Id;

        await RefusedAsync(() => Host.SendAsync(new RecordReviewObjectionCommand(round, "意见", [pay]), TinghuReviewer), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new RecordReviewObjectionCommand(round, "意见", [pay]), YanduStaff), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new RecordReviewObjectionCommand(round, "意见", [pay]), Chair), FailureKind.Forbidden);
        await Host.AssertAtAsync(round, "review");
    }

    [Fact]
    public async Task Without_an_objection_in_15_days_the_contract_takes_effect_and_an_objection_after_that_is_refused()
    {
        // Received Monday 2 March 2026: day 15 is Tuesday 17 March; effective from 18 March.
        var round = await FiledAsync();
        var pay = (await TopicsAsync(round)).Single().Id;

        await Host.AdvanceToAsync(China.At(2026, 3, 17, 23, 59));
        await Host.AssertAtAsync(round, "review");
        await Host.AdvanceToAsync(China.At(2026, 3, 18, 9));
        await Host.AssertAtAsync(round, "effective");

        await RefusedAsync(() => Host.SendAsync(new RecordReviewObjectionCommand(round, "意见", [pay]), YanduReviewer), FailureKind.Conflict);
        Assert.Equal(TopicStatus.Agreed, (await TopicsAsync(round)).Single().Status);
    }

    [Fact]
    public async Task A_reviewer_who_finds_no_objection_makes_the_contract_effective_that_day_and_cannot_object_after()
    {
        var round = await FiledAsync();
        var pay = (await TopicsAsync(round)).Single().Id;
        await Host.AdvanceToAsync(China.At(2026, 3, 5, 10));

        await Host.SendAsync(new RecordReviewClearanceCommand(round, "主体、程序、内容合法"), YanduReviewer);

        await Host.AssertAtAsync(round, "effective");
        await RefusedAsync(() => Host.SendAsync(new RecordReviewObjectionCommand(round, "意见", [pay]), YanduReviewer), FailureKind.Conflict);
        await RefusedAsync(() => Host.SendAsync(new RecordReviewClearanceCommand(round), YanduReviewer), FailureKind.Conflict);
    }

    [Fact]
    public async Task Only_a_reviewer_of_the_enterprises_area_may_clear_a_contract()
    {
        var round = await FiledAsync();

        await RefusedAsync(() => Host.SendAsync(new RecordReviewClearanceCommand(round), TinghuReviewer), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new RecordReviewClearanceCommand(round), YanduStaff), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new RecordReviewClearanceCommand(round), Chair), FailureKind.Forbidden);
        await Host.AssertAtAsync(round, "review");
    }

    [Fact]
    public async Task The_union_chair_publishes_the_effective_contract_which_then_runs_to_the_end_of_its_term()
    {
        var round = await FiledAsync();
        await Host.AdvanceToAsync(China.At(2026, 3, 18, 9));

        await Host.SendAsync(new PublishCommand(round, new DateOnly(2026, 3, 18), "厂区公告栏及企业内网"), Chair);

        var snapshot = await Host.SnapshotAsync(round);
        var step = Assert.Single(snapshot.Steps);
        Assert.Equal((Bargaining.Features.Rounds.Nodes.Published, ThreeYears.Ends), (step.Node, step.LastDay));
        Assert.False((await RoundAsync(round)).Running);
        Assert.Equal(new DateOnly(2026, 3, 18), (await RoundAsync(round)).Review.PublishedOn);
    }

    [Fact]
    public async Task A_contract_under_review_cannot_be_published_nor_by_the_employer()
    {
        var round = await FiledAsync();

        await RefusedAsync(() => Host.SendAsync(new PublishCommand(round, Today, "公告栏"), Chair), FailureKind.Conflict);
        await Host.AdvanceToAsync(China.At(2026, 3, 18, 9));
        await RefusedAsync(() => Host.SendAsync(new PublishCommand(round, Today, "公告栏"), Employer), FailureKind.Forbidden);

        Assert.Null((await RoundAsync(round)).Review.PublishedOn);
        await Host.AssertAtAsync(round, "effective");
    }
}
