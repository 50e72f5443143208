using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Views;

namespace Bargaining.Tests.Features.Rounds.Views;

public sealed class RoundTimelineTests : RoundScenario
{
    [Fact]
    public async Task After_the_offer_the_timeline_shows_the_journal_in_Chinese_the_reply_deadline_and_what_the_employer_may_do()
    {
        var round = await OfferedAsync();
        var lastDay = (await Host.StepAsync(round, "employer-reply")).LastDay;

        var timeline = await Host.SendAsync(new RoundTimelineQuery(round), Employer);

        Assert.Equal((RoundStage.Offered, "已要约", OfferMode.Dispersed), (timeline.Stage, timeline.StageName, timeline.OfferMode));
        Assert.Equal([("发起协商", "盐都区总工会 张敏"), ("发出要约书", "王建国")], timeline.Journal.Select(j => (j.Action, j.Actor)));
        Assert.Equal("职工方发出要约书", timeline.Journal[1].Step);
        var step = Assert.Single(timeline.CurrentSteps);
        Assert.Equal(("企业方书面回应", lastDay), (step.Name, step.LastDay));
        Assert.Equal(["企业方"], step.Who);
        Assert.Equal(["同意协商", "拒绝协商（须说明正当理由）"], timeline.Actions.Select(a => a.Title));
        Assert.All(timeline.Actions, a => Assert.Equal(lastDay, a.LastDay));
    }

    [Fact]
    public async Task The_union_chair_may_do_nothing_while_the_employer_replies_and_county_staff_may_urge_once_the_reply_is_overdue()
    {
        var round = await OfferedAsync();
        Assert.Empty((await Host.SendAsync(new RoundTimelineQuery(round), Chair)).Actions);

        await Host.AdvanceAsync(TimeSpan.FromDays(30));

        var timeline = await Host.SendAsync(new RoundTimelineQuery(round), YanduStaff);
        Assert.Equal("期限届满", timeline.Journal[^1].Action);
        Assert.Equal("系统（期限届满）", timeline.Journal[^1].Actor);
        var overdue = Assert.Single(timeline.CurrentSteps);
        Assert.Equal("企业方逾期未回应，上级工会督办", overdue.Name);
        Assert.Equal(["企业方", "职工方（企业工会）", "上级工会（县级总工会）"], overdue.Who);
        Assert.Contains(timeline.Actions, a => a.Signal == "urge");
    }

    [Fact]
    public async Task Another_countys_staff_cannot_read_the_timeline()
    {
        var round = await OfferedAsync();

        await RefusedAsync(() => Host.SendAsync(new RoundTimelineQuery(round), TinghuStaff), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new RoundTimelineQuery(Guid.NewGuid()), YanduStaff), FailureKind.NotFound);
    }
}
