using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Review;
using Bargaining.Features.Rounds.Views;

namespace Bargaining.Tests.Features.Rounds.Views;

public sealed class RoundActionsTests : RoundScenario
{
    private Task<RoundActions> ActionsAsync(Guid round, CurrentUser user) => Host.SendAsync(new RoundActionsQuery(round), user);

    private static RoundAction? Find(RoundActions actions, RoundActionKind kind) => actions.Actions.FirstOrDefault(a => a.Action == kind);

    [Fact]
    public async Task Publication_of_an_effective_contract_is_offered_to_the_union_only()
    {
        var round = await FiledAsync();
        await Host.AdvanceAsync(TimeSpan.FromDays(20));

        var publish = Find(await ActionsAsync(round, Chair), RoundActionKind.Publish);
        Assert.True(publish is { Enabled: true, Side: Side.Worker, Signal: Signals.Publish });
        Assert.Null(Find(await ActionsAsync(round, Employer), RoundActionKind.Publish));
    }

    [Fact]
    public async Task After_a_refusal_only_the_offering_side_is_offered_to_give_up()
    {
        var round = await OfferedAsync();
        await Host.SendAsync(new ReplyToOfferCommand(round, Accept: false, Reason: "企业停产整顿"), Employer);

        Assert.NotNull(Find(await ActionsAsync(round, Chair), RoundActionKind.WithdrawOffer));
        var employer = await ActionsAsync(round, Employer);
        Assert.Null(Find(employer, RoundActionKind.WithdrawOffer));
        Assert.NotNull(Find(employer, RoundActionKind.ApplyCoordination));
    }

    [Fact]
    public async Task An_action_not_yet_possible_is_listed_disabled_with_its_reason_in_Chinese()
    {
        var round = await AtTheTableAsync();
        var topic = (await TopicsAsync(round)).Single();

        var chair = await ActionsAsync(round, Chair);
        var conclude = Find(chair, RoundActionKind.Conclude)!;
        Assert.False(conclude.Enabled);
        Assert.Contains("尚未达成一致或撤回", conclude.Reason);
        var ownTopic = chair.Actions.Single(a => a.Action == RoundActionKind.AgreeTopic && a.TopicId == topic.Id);
        Assert.False(ownTopic.Enabled);
        Assert.Contains("须由对方表示同意", ownTopic.Reason);
        Assert.True(Find(chair, RoundActionKind.RecordMeeting)!.Enabled);

        Assert.True((await ActionsAsync(round, Employer)).Actions.Single(a => a.Action == RoundActionKind.AgreeTopic && a.TopicId == topic.Id).Enabled);
    }

    [Fact]
    public async Task Nobody_outside_the_enterprise_and_its_county_may_ask()
    {
        var round = await OfferedAsync();

        await RefusedAsync(() => ActionsAsync(round, TinghuStaff), FailureKind.Forbidden);
        Assert.Empty((await ActionsAsync(round, YanduStaff)).Actions);
        await Host.AdvanceAsync(TimeSpan.FromDays(25));
        Assert.Equal(RoundActionKind.Urge, Assert.Single((await ActionsAsync(round, YanduStaff)).Enabled).Action);
    }

    [Fact]
    public async Task A_review_period_that_has_lapsed_counts_before_the_timer_processor_catches_up()
    {
        var round = await FiledAsync();
        // The background processor polls; until it runs, the stored state still says "under review".
        Host.Clock.Advance(TimeSpan.FromDays(20));

        Assert.True(Find(await ActionsAsync(round, Chair), RoundActionKind.Publish)!.Enabled);
        await Host.SendAsync(new PublishCommand(round, Today, "厂务公开栏"), Chair);
        Assert.Equal(Nodes.Published, Assert.Single((await Host.SnapshotAsync(round)).Steps).Node);
    }
}
