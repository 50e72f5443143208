using Bargaining.Domain;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Features.Rounds.Table;

namespace Bargaining.Tests.Features.Rounds.Congress;

// 职代会审议 (Art 36): at least 2/3 of ALL deputies present, more than half of ALL deputies in favour.
public sealed class RecordCongressVoteTests : RoundScenario
{
    [Fact]
    public async Task Of_180_deputies_120_present_and_91_in_favour_adopt_the_draft()
    {
        var round = await DraftedAsync();

        var result = await Host.SendAsync(new RecordCongressVoteCommand(round, 180, 120, 91), Chair);

        Assert.True(result.Adopted);
        await Host.AssertAtAsync(round, "employer-signature", "union-signature");
        var stored = await RoundAsync(round);
        Assert.Equal((180, 120, 91, true), (stored.Congress.Entitled, stored.Congress.Present, stored.Congress.InFavour, stored.Congress.Adopted));
    }

    [Theory]
    [InlineData(120, 90, "同意人数不足")]
    [InlineData(180, 90, "同意人数不足")]
    public async Task Of_180_deputies_90_in_favour_send_the_draft_back_to_bargaining(int present, int inFavour, string reason)
    {
        var round = await DraftedAsync();

        var result = await Host.SendAsync(new RecordCongressVoteCommand(round, 180, present, inFavour), Chair);

        Assert.False(result.Adopted);
        Assert.Contains(reason, result.Reason);
        Assert.Contains("第三十六条", result.Reason);
        await Host.AssertAtAsync(round, "bargaining");
        var pay = Assert.Single(await TopicsAsync(round));
        Assert.Equal((TopicStatus.Open, PositionKind.Reopening), (pay.Status, pay.Last.Kind));
        Assert.False((await RoundAsync(round)).Congress.Adopted);
    }

    [Fact]
    public async Task A_meeting_of_119_of_180_is_recorded_as_not_quorate_and_the_congress_is_held_again_on_the_same_draft()
    {
        var round = await DraftedAsync();

        var result = await Host.SendAsync(new RecordCongressVoteCommand(round, 180, 119, 119), Chair);

        Assert.Equal((false, false), (result.Adopted, result.Quorate));
        Assert.Contains("出席人数不足", result.Reason);
        Assert.Contains("重新召开", result.Reason);
        Assert.Contains("第三十六条", result.Reason);
        await Host.AssertAtAsync(round, "congress");
        var stored = await RoundAsync(round);
        Assert.Equal((180, 119, (bool?)null, 1), (stored.Congress.Entitled, stored.Congress.Present, stored.Congress.Adopted, stored.Table.Draft));
        Assert.Equal(TopicStatus.Agreed, Assert.Single(await TopicsAsync(round)).Status);

        await Host.AdvanceAsync(TimeSpan.FromDays(7));
        Assert.True((await Host.SendAsync(new RecordCongressVoteCommand(round, 180, 120, 91), Chair)).Adopted);
        Assert.Equal(Today, (await RoundAsync(round)).Congress.HeldOn);
    }

    [Fact]
    public async Task More_deputies_than_the_enterprise_has_workers_are_refused_and_all_its_workers_may_vote()
    {
        var round = await DraftedAsync();

        var e = await RefusedAsync(() => Host.SendAsync(new RecordCongressVoteCommand(round, 500, 400, 300), Chair), FailureKind.Validation);

        Assert.Contains("320", e.Message);
        Assert.Contains("第三十六条", e.Message);
        Assert.Null((await RoundAsync(round)).Congress.Entitled);
        Assert.True((await Host.SendAsync(new RecordCongressVoteCommand(round, 320, 214, 161), Chair)).Adopted);
    }

    [Fact]
    public async Task The_meeting_is_dated_neither_in_the_future_nor_before_the_draft()
    {
        var round = await DraftedAsync();
        await Host.AdvanceAsync(TimeSpan.FromDays(3));

        var tomorrow = await RefusedAsync(() => Host.SendAsync(new RecordCongressVoteCommand(round, 180, 150, 140, Today.AddDays(1)), Chair), FailureKind.Rule);
        var early = await RefusedAsync(() => Host.SendAsync(new RecordCongressVoteCommand(round, 180, 150, 140, Today.AddDays(-4)), Chair), FailureKind.Rule);

        Assert.Equal(("congress.in-future", "congress.before-draft"), (tomorrow.Code, early.Code));
        await Host.AssertAtAsync(round, "congress");
        await Host.SendAsync(new RecordCongressVoteCommand(round, 180, 150, 140, Today.AddDays(-3)), Chair);
        Assert.Equal(Today.AddDays(-3), (await RoundAsync(round)).Congress.HeldOn);
    }

    [Fact]
    public async Task After_a_rejection_the_reopened_topic_is_bargained_again_and_a_second_draft_goes_to_the_congress()
    {
        var round = await DraftedAsync();
        await Host.SendAsync(new RecordCongressVoteCommand(round, 180, 120, 90), Chair);
        var pay = (await TopicsAsync(round)).Single().Id;

        await RefusedAsync(() => Host.SendAsync(new ConcludeCommand(round, Side.Worker), Chair), FailureKind.Rule);
        await Host.SendAsync(new CounterProposeCommand(pay, Side.Worker, "职工年平均工资增长7%", 7, "%"), Chair);
        await Host.SendAsync(new AgreeTopicCommand(pay, Side.Employer), Employer);
        var draft = await ConcludedAsync(round);

        Assert.Equal(7m, Assert.Single(draft).Number);
        Assert.Equal(2, (await RoundAsync(round)).Table.Draft);
        await Host.AssertAtAsync(round, "congress");
    }

    [Theory]
    [InlineData(180, 181, 100)]
    [InlineData(180, 120, 121)]
    [InlineData(0, 0, 0)]
    public async Task Impossible_figures_are_refused_with_the_reason_and_nothing_moves(int entitled, int present, int inFavour)
    {
        var round = await DraftedAsync();

        var e = await RefusedAsync(() => Host.SendAsync(new RecordCongressVoteCommand(round, entitled, present, inFavour), Chair), FailureKind.Validation);

        Assert.Contains("第三十六条", e.Message);
        Assert.Null((await RoundAsync(round)).Congress.Entitled);
        Assert.Equal(TopicStatus.Agreed, (await TopicsAsync(round)).Single().Status);
        await Host.AssertAtAsync(round, "congress");
    }

    [Fact]
    public async Task Only_the_union_chair_records_the_vote()
    {
        var round = await DraftedAsync();

        await RefusedAsync(() => Host.SendAsync(new RecordCongressVoteCommand(round, 180, 150, 140), Employer), FailureKind.Forbidden);
        await Host.AssertAtAsync(round, "congress");
    }

    [Fact]
    public async Task No_vote_is_recorded_before_there_is_a_draft()
    {
        var round = await AtTheTableAsync();

        await RefusedAsync(() => Host.SendAsync(new RecordCongressVoteCommand(round, 180, 150, 140), Chair), FailureKind.Conflict);
        Assert.Null((await RoundAsync(round)).Congress.Entitled);
    }
}
