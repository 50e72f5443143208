using Bargaining.Domain;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Views;

namespace Bargaining.Tests.Features.Rounds.Offer;

/// <summary>The county union chasing an overdue reply (督促书面回应).</summary>
public sealed class UrgeReplyTests : RoundScenario
{
    [Fact]
    public async Task County_staff_urge_an_overdue_reply_and_it_is_journaled()
    {
        var round = await OfferedAsync();
        await Host.AdvanceAsync(TimeSpan.FromDays(25));
        await Host.AssertAtAsync(round, "employer-reply-overdue");

        await Host.SendAsync(new UrgeReplyCommand(round, "电话督促企业负责人，并送达书面督办通知"), YanduStaff);

        var timeline = await Host.SendAsync(new RoundTimelineQuery(round), YanduStaff);
        Assert.Contains(timeline.Journal, j => j.Action == "督促书面回应" && j.Actor.Contains("张敏", StringComparison.Ordinal));
        await Host.AssertAtAsync(round, "employer-reply-overdue");
    }

    [Fact]
    public async Task A_reply_still_running_cannot_be_urged()
    {
        var round = await OfferedAsync();
        var refused = await Assert.ThrowsAsync<DomainException>(() => Host.SendAsync(new UrgeReplyCommand(round, "电话督促"), YanduStaff));
        Assert.Equal(FailureKind.Conflict, refused.Kind);
    }

    [Fact]
    public async Task Another_county_or_a_party_may_not_urge_and_the_manner_is_required()
    {
        var round = await OfferedAsync();
        await Host.AdvanceAsync(TimeSpan.FromDays(25));
        Assert.Equal(FailureKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => Host.SendAsync(new UrgeReplyCommand(round, "电话督促"), TinghuStaff))).Kind);
        Assert.Equal(FailureKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => Host.SendAsync(new UrgeReplyCommand(round, "电话督促"), Chair))).Kind);
        var invalid = await Assert.ThrowsAsync<DomainException>(() => Host.SendAsync(new UrgeReplyCommand(round, " "), YanduStaff));
        Assert.Equal(FailureKind.Validation, invalid.Kind);
        Assert.Contains("督促方式", invalid.Message, StringComparison.Ordinal);
    }
}
