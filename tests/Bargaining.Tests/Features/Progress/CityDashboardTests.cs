using Bargaining.Domain;
using Bargaining.Features.Campaigns;
using Bargaining.Features.Progress;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Features.Rounds.Filing;
using Bargaining.Features.Rounds.Signing;
using Bargaining.Features.Rounds.Table;

namespace Bargaining.Tests.Features.Progress;

/// <summary>The city dashboard's funnel, totals and wage rises on <see cref="ProgressScenario"/> and on small hand-made cases.</summary>
public sealed class CityDashboardTests : ProgressScenario
{
    [Fact]
    public async Task Each_unit_has_its_funnel_and_the_participants_totals_add_up()
    {
        await ScenarioAsync();

        var dashboard = await Host.SendAsync(new CityDashboardQuery(Campaign), City);

        var yandu = dashboard.Rows.Single(r => r.Progress.OrganisationId == Yandu.Id);
        Assert.Equal(new Funnel(Offers: 9, Replies: 7, Bargaining: 6, Signed: 5, Filed: 4, Effective: 3), yandu.Progress.Funnel);
        Assert.Equal(1, yandu.OverdueCount);
        var tinghu = dashboard.Rows.Single(r => r.Progress.OrganisationId == Tinghu.Id);
        Assert.Equal(new Funnel(1, 0, 0, 0, 0, 0), tinghu.Progress.Funnel);
        Assert.Null(tinghu.Progress.MedianWageRise);

        var totals = dashboard.Totals;
        Assert.Equal(("合计（参加单位）", (int?)null, true), (totals.Progress.Unit, totals.Rank, totals.Participating));
        Assert.Equal(new Funnel(10, 7, 6, 5, 4, 3), totals.Progress.Funnel);
        Assert.Equal((11, 930 + 400, 3, 620, 1), (totals.Progress.Enterprises, totals.Progress.Workers, totals.Progress.EnterprisesCovered, totals.Progress.WorkersCovered, totals.OverdueCount));
        Assert.Equal((5.67m, 6m), (totals.Progress.AverageWageRise, totals.Progress.MedianWageRise));
        // 10 of 11 enterprises offered, 5 signed: 90.9 % and 45.5 % against targets of 90 % and 50 %.
        Assert.Equal((90.9m, 45.5m, true, false), (totals.OfferRate, totals.SigningRate, totals.OfferTargetMet, totals.SigningTargetMet));
        Assert.Equal((new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 31), 620), (dashboard.StartsOn, dashboard.EndsOn, dashboard.WorkersCovered));
    }

    [Fact]
    public async Task The_median_of_an_even_count_is_the_mean_of_the_middle_two_and_rises_not_in_percent_do_not_count()
    {
        var campaign = await Host.SendAsync(new CreateCampaignCommand("春季行动", new(2026, 3, 2), new(2026, 3, 31), [Yandu.Id, Tinghu.Id], 90, 50, 0), City);
        var a = await AddEnterpriseAsync(Yandu, "盐城甲电子有限公司", 41, 100);
        var b = await AddEnterpriseAsync(Yandu, "盐城乙电子有限公司", 42, 100);
        var c = await AddEnterpriseAsync(Yandu, "盐城丙电子有限公司", 43, 100);
        var d = await AddEnterpriseAsync(Yandu, "盐城丁电子有限公司", 44, 100);
        var yuan = await AddEnterpriseAsync(Tinghu, "盐城亭湖元计有限公司", 45, 100);
        await EffectiveAsync(YanduStaff, (a, WageRise(3)), (b, WageRise(4)), (c, WageRise(7)), (d, WageRise(9)));
        await EffectiveAsync(TinghuStaff, (yuan, new TopicProposal(TopicCatalog.Pay, "企业最低工资提高200元", 200, "元")));

        var dashboard = await Host.SendAsync(new CityDashboardQuery(campaign), City);

        var yandu = dashboard.Rows.Single(r => r.Progress.OrganisationId == Yandu.Id).Progress;
        Assert.Equal((5.75m, 5.5m, 4), (yandu.AverageWageRise, yandu.MedianWageRise, yandu.Stages.Effective));
        var tinghu = dashboard.Rows.Single(r => r.Progress.OrganisationId == Tinghu.Id).Progress;
        Assert.Equal(((decimal?)null, (decimal?)null, 1, 100), (tinghu.AverageWageRise, tinghu.MedianWageRise, tinghu.Stages.Effective, tinghu.WorkersCovered));
        Assert.Equal((5.75m, 5.5m), (dashboard.Totals.Progress.AverageWageRise, dashboard.Totals.Progress.MedianWageRise));
    }

    [Fact]
    public async Task An_enterprise_with_a_wage_and_a_comprehensive_offer_counts_once_in_the_table_as_on_the_card()
    {
        var campaign = await Host.SendAsync(new CreateCampaignCommand("春季行动", new(2026, 3, 2), new(2026, 3, 31), [Yandu.Id], 90, 50, 0), City);
        foreach (var kind in new[] { RoundKind.Wage, RoundKind.Comprehensive })
            await Host.SendAsync(new LaunchCampaignOffersCommand([Hengda.Id], kind, [WageRise(6)], Today, 3), YanduStaff);

        var yandu = (await Host.SendAsync(new CityDashboardQuery(campaign), City)).Rows.Single(r => r.Progress.OrganisationId == Yandu.Id).Progress;

        Assert.Equal((1, 1, 1), (yandu.Enterprises, yandu.EnterprisesOffered, yandu.Funnel.Offers));
    }

    [Fact]
    public async Task Only_the_city_union_sees_the_dashboard_of_an_existing_campaign()
    {
        var campaign = await Host.SendAsync(new CreateCampaignCommand("春季行动", new(2026, 3, 2), new(2026, 3, 31), [Yandu.Id], 90, 50, 0), City);

        await RefusedAsync(() => Host.SendAsync(new CityDashboardQuery(campaign), YanduStaff), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new CityDashboardQuery(Guid.NewGuid()), City), FailureKind.NotFound);
    }

    /// <summary>Offers with one topic each, agreed as offered, adopted, signed, filed and 16 days later effective.</summary>
    private async Task EffectiveAsync(CurrentUser staff, params (Enterprise Enterprise, TopicProposal Topic)[] offers)
    {
        foreach (var (e, topic) in offers)
        {
            var report = await Host.SendAsync(new LaunchCampaignOffersCommand([e.Id], RoundKind.Wage, [topic], Today, 3), staff);
            var round = Assert.Single(report.Launched).RoundId;
            await AtTheTableAsync(e, round);
            await Host.SendAsync(new AgreeTopicCommand(Assert.Single(await TopicsAsync(round)).Id, Side.Employer), EmployerOf(e));
            await Host.SendAsync(new RecordMeetingCommand(round, Side.Worker, "双方就职工年平均工资增长幅度进行协商"), ChairOf(e));
            await Host.SendAsync(new ConcludeCommand(round, Side.Worker), ChairOf(e));
            await Host.SendAsync(new ConcludeCommand(round, Side.Employer), EmployerOf(e));
            await AgreeTermAsync(round, ChairOf(e));
            await Host.SendAsync(AdoptingVote(round, e), ChairOf(e));
            await Host.SendAsync(new SignCommand(round, Side.Worker), ChairOf(e));
            await Host.SendAsync(new SignCommand(round, Side.Employer), EmployerOf(e));
            await Host.SendAsync(new FileContractCommand(round, Today), EmployerOf(e));
        }
        await Host.AdvanceAsync(TimeSpan.FromDays(17));
    }
}
