using Bargaining.Domain;
using Bargaining.Features.Rounds.Views;
using Bargaining.Tests.Features.Progress;

namespace Bargaining.Tests.Features.Rounds.Views;

/// <summary>The reviewer's queue on <see cref="ProgressScenario"/>: 盐城飞跃汽配 filed on 25 March, three contracts already effective.</summary>
public sealed class ReviewQueueTests : ProgressScenario
{
    [Fact]
    public async Task A_reviewer_sees_the_contract_under_review_with_its_filing_day_last_day_and_days_left()
    {
        await ScenarioAsync();

        var row = Assert.Single(await Host.SendAsync(new ReviewQueueQuery(), YanduReviewer));

        // Received 25 March (Wednesday): 15 days counted from the 26th end on 9 April, a Thursday (Art 47).
        Assert.Equal((RoundOf["盐城飞跃汽配有限公司"], "盐城飞跃汽配有限公司", "工资专项集体合同"), (row.RoundId, row.Enterprise, row.KindName));
        Assert.Equal((new DateOnly(2026, 3, 25), false, new DateOnly(2026, 4, 9), 15), (row.FiledOn, row.FiledLate, row.ReviewLastDay, row.DaysLeft));

        await Host.AdvanceToAsync(China.At(2026, 4, 9, 18));
        Assert.Equal(0, Assert.Single(await Host.SendAsync(new ReviewQueueQuery(), YanduReviewer)).DaysLeft);
        await Host.AdvanceToAsync(China.At(2026, 4, 10, 8));
        Assert.Empty(await Host.SendAsync(new ReviewQueueQuery(), YanduReviewer));
    }

    [Fact]
    public async Task Another_areas_reviewer_sees_nothing_and_others_may_not_look()
    {
        await ScenarioAsync();

        Assert.Empty(await Host.SendAsync(new ReviewQueueQuery(), new CurrentUser("u-th", "亭湖区人社局", Role.Reviewer, Tinghu.Id)));
        await RefusedAsync(() => Host.SendAsync(new ReviewQueueQuery(), YanduStaff), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new ReviewQueueQuery(), City), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new ReviewQueueQuery(), null), FailureKind.Forbidden);
    }
}
