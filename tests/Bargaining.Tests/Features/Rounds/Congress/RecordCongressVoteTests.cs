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
        Assert.Equal((180, 120, 91, true), (stored.CongressEntitled, stored.CongressPresent, stored.CongressInFavour, stored.CongressAdopted));
    }

    [Theory]
    [InlineData(119, 119, "出席人数不足")]
    [InlineData(120, 90, "同意人数不足")]
    public async Task Of_180_deputies_119_present_or_90_in_favour_send_the_draft_back_to_bargaining(int present, int inFavour, string reason)
    {
        var round = await DraftedAsync();

        var result = await Host.SendAsync(new RecordCongressVoteCommand(round, 180, present, inFavour), Chair);

        Assert.False(result.Adopted);
        Assert.Contains(reason, result.Reason);
        Assert.Contains("第三十六条", result.Reason);
        await Host.AssertAtAsync(round, "bargaining");
        var pay = Assert.Single(await TopicsAsync(round));
        Assert.Equal((TopicStatus.Open, PositionKind.Reopening), (pay.Status, pay.Last.Kind));
        Assert.False((await RoundAsync(round)).CongressAdopted);
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
        Assert.Equal(2, (await RoundAsync(round)).Draft);
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
        Assert.Null((await RoundAsync(round)).CongressEntitled);
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
        Assert.Null((await RoundAsync(round)).CongressEntitled);
    }
}
