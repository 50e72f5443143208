using Bargaining.Domain;
using Bargaining.Features.Campaigns;
using Bargaining.Features.Progress;
using Bargaining.Features.Rounds;
using Bargaining.Infrastructure;
using Bargaining.Tests.Features.Rounds;

namespace Bargaining.Tests.Features.Progress;

/// <summary>
/// Spring 2026 for 盐都区 and 亭湖区 (2–31 March; targets: offers 90 %, signing 50 %). On 2 March Yandu launches four
/// wage offers; three end in effective contracts (6 %, 3 %, 8 %), one is never answered. On 25 March it launches
/// five more and brings them to replied, bargaining, signed and filed; Tinghu offers for one of its two enterprises.
/// </summary>
public sealed class ProgressTests : RoundScenario
{
    private CurrentUser City => new("u-city", "盐城市总工会 权益保障部", Role.CityAdministrator, Yandu.ParentId!.Value);

    private Guid _campaign;
    private Guid _silent;
    private DateOnly _silentLastDay;

    private async Task ScenarioAsync()
    {
        _campaign = await Host.SendAsync(new CreateCampaignCommand("2026年春季集中要约行动", new(2026, 3, 2), new(2026, 3, 31), [Yandu.Id, Tinghu.Id], 90, 50, 1000), City);
        var f = await AddEnterpriseAsync(Yandu, "盐城丰源化工有限公司", 2, 200);
        var g = await AddEnterpriseAsync(Yandu, "盐城广利物流有限公司", 3, 100);
        var silent = await AddEnterpriseAsync(Yandu, "盐城沉默五金有限公司", 4, 60);
        var early = await LaunchAsync(YanduStaff, Hengda, f, g, silent);
        _silent = early[silent.Id];
        _silentLastDay = (await Host.StepAsync(_silent, "employer-reply")).LastDay!.Value;
        await ToSignedAsync(Hengda, early[Hengda.Id], 6);
        await ToSignedAsync(f, early[f.Id], 3);
        await ToSignedAsync(g, early[g.Id], 8);
        foreach (var (e, round) in new[] { (Hengda, early[Hengda.Id]), (f, early[f.Id]), (g, early[g.Id]) })
            await Host.SendAsync(new FileContractCommand(round, Today), EmployerOf(e));

        await Host.AdvanceToAsync(China.At(2026, 3, 25, 9));
        var replied = await AddEnterpriseAsync(Yandu, "盐城瑞达电子有限公司", 5, 50);
        var offered = await AddEnterpriseAsync(Yandu, "盐城安泰建材有限公司", 6, 50);
        var table = await AddEnterpriseAsync(Yandu, "盐城天成纺织有限公司", 7, 50);
        var signed = await AddEnterpriseAsync(Yandu, "盐城盛世食品有限公司", 8, 50);
        var filed = await AddEnterpriseAsync(Yandu, "盐城飞跃汽配有限公司", 9, 50);
        var late = await LaunchAsync(YanduStaff, replied, offered, table, signed, filed);
        await AcceptedAndNamedAsync(replied, late[replied.Id]);
        await AtTheTableAsync(table, late[table.Id]);
        await ToSignedAsync(signed, late[signed.Id], 5);
        await ToSignedAsync(filed, late[filed.Id], 5);
        await Host.SendAsync(new FileContractCommand(late[filed.Id], Today), EmployerOf(filed));

        var tinghuOffered = await AddEnterpriseAsync(Tinghu, "盐城亭湖机电有限公司", 22, 300);
        await AddEnterpriseAsync(Tinghu, "盐城亭湖纸业有限公司", 23, 100);
        await LaunchAsync(TinghuStaff, tinghuOffered);
    }

    private async Task<Dictionary<Guid, Guid>> LaunchAsync(CurrentUser staff, params Enterprise[] enterprises)
    {
        var report = await Host.SendAsync(new LaunchCampaignOffersCommand([.. enterprises.Select(e => e.Id)], RoundKind.Wage, [WageRise(6)], Today, 3), staff);
        Assert.Empty(report.Refused);
        return report.Launched.ToDictionary(l => l.EnterpriseId, l => l.RoundId);
    }

    private async Task AcceptedAndNamedAsync(Enterprise e, Guid round)
    {
        await Host.SendAsync(new ReplyToOfferCommand(round, Accept: true), EmployerOf(e));
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Worker, [Member(e.ChairName!, chief: true), Member("职工代表1"), Member("职工代表2")]), ChairOf(e));
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Employer, EmployerSide(), LegalRepresentative: "李明"), EmployerOf(e));
    }

    private async Task AtTheTableAsync(Enterprise e, Guid round)
    {
        await AcceptedAndNamedAsync(e, round);
        await Host.SendAsync(new ScheduleMeetingCommand(round, Side.Worker, Today, "公司工会会议室", Side.Worker, "张丽"), ChairOf(e));
    }

    /// <summary>Agreed at <paramref name="rise"/> %, adopted by the congress and signed by both chiefs today.</summary>
    private async Task ToSignedAsync(Enterprise e, Guid round, decimal rise)
    {
        await AtTheTableAsync(e, round);
        var pay = Assert.Single(await TopicsAsync(round)).Id;
        if (rise == 6) await Host.SendAsync(new AgreeTopicCommand(pay, Side.Employer), EmployerOf(e));
        else
        {
            await Host.SendAsync(new CounterProposeCommand(pay, Side.Employer, $"职工年平均工资增长{rise}%", rise, "%"), EmployerOf(e));
            await Host.SendAsync(new AgreeTopicCommand(pay, Side.Worker), ChairOf(e));
        }
        await Host.SendAsync(new ConcludeCommand(round, Side.Worker), ChairOf(e));
        await AgreeTermAsync(round, ChairOf(e));
        await Host.SendAsync(new RecordCongressVoteCommand(round, 180, 150, 140), ChairOf(e));
        await Host.SendAsync(new SignCommand(round, Side.Worker), ChairOf(e));
        await Host.SendAsync(new SignCommand(round, Side.Employer), EmployerOf(e));
    }

    [Fact]
    public async Task A_county_sees_its_rounds_per_stage_the_overdue_reply_the_coverage_and_the_wage_rises()
    {
        await ScenarioAsync();

        var progress = await Host.SendAsync(new CountyProgressQuery(Yandu.Id), YanduStaff);

        Assert.Equal((9, 320 + 200 + 100 + 60 + 5 * 50), (progress.Enterprises, progress.Workers));
        Assert.Equal(new StageCounts(Started: 0, Offered: 2, Replied: 1, Bargaining: 1, Signed: 1, Filed: 1, Effective: 3, Closed: 0), progress.Stages);
        var overdue = Assert.Single(progress.Overdue);
        Assert.Equal((_silent, "盐城沉默五金有限公司", "企业方逾期未回应，上级工会督办"), (overdue.RoundId, overdue.Enterprise, overdue.Step));
        Assert.Equal(_silentLastDay, overdue.LastDay);
        Assert.Equal(new DateOnly(2026, 3, 25).DayNumber - _silentLastDay.DayNumber, overdue.DaysLate);
        Assert.Equal((3, 620), (progress.EnterprisesCovered, progress.WorkersCovered));
        Assert.Equal((5.67m, 6m), (progress.AverageWageRise, progress.MedianWageRise));
    }

    [Fact]
    public async Task The_overdue_reply_appears_only_once_its_last_day_has_passed()
    {
        var round = await OfferedAsync();
        var lastDay = (await Host.StepAsync(round, "employer-reply")).LastDay!.Value;

        await Host.AdvanceToAsync(China.At(lastDay.Year, lastDay.Month, lastDay.Day, 23, 59));
        Assert.Empty((await Host.SendAsync(new CountyProgressQuery(Yandu.Id), YanduStaff)).Overdue);

        await Host.AdvanceToAsync(China.At(lastDay.Year, lastDay.Month, lastDay.Day).AddDays(1));
        Assert.Equal(1, Assert.Single((await Host.SendAsync(new CountyProgressQuery(Yandu.Id), YanduStaff)).Overdue).DaysLate);
    }

    [Fact]
    public async Task A_county_cannot_see_another_countys_progress_but_the_city_can()
    {
        await RefusedAsync(() => Host.SendAsync(new CountyProgressQuery(Yandu.Id), TinghuStaff), FailureKind.Forbidden);
        Assert.Equal("盐都区总工会", (await Host.SendAsync(new CountyProgressQuery(Yandu.Id), City)).Unit);
    }

    [Fact]
    public async Task The_city_overview_rates_and_ranks_every_unit_against_the_campaigns_targets()
    {
        await ScenarioAsync();

        var overview = await Host.SendAsync(new CityOverviewQuery(_campaign), City);

        Assert.Equal(11, overview.Rows.Count(r => r.Progress.Kind == OrganisationKind.County));
        var yandu = overview.Rows[0];
        Assert.Equal((Yandu.Id, 1), (yandu.Progress.OrganisationId, yandu.Rank));
        Assert.Equal((100m, 55.6m, true, true), (yandu.OfferRate, yandu.SigningRate, yandu.OfferTargetMet, yandu.SigningTargetMet));
        var tinghu = overview.Rows[1];
        Assert.Equal((Tinghu.Id, 2), (tinghu.Progress.OrganisationId, tinghu.Rank));
        Assert.Equal((50m, 0m, false, false), (tinghu.OfferRate, tinghu.SigningRate, tinghu.OfferTargetMet, tinghu.SigningTargetMet));
        Assert.Equal(1, tinghu.Progress.Stages.Offered);
        Assert.All(overview.Rows.Skip(2), r => Assert.Equal((false, (int?)null, (decimal?)null), (r.Participating, r.Rank, r.OfferRate)));
        Assert.Equal((620, 1000), (overview.WorkersCovered, overview.WorkersCoveredTarget));
    }

    [Fact]
    public async Task Only_the_city_union_sees_the_overview()
    {
        var campaign = await Host.SendAsync(new CreateCampaignCommand("春季行动", new(2026, 3, 2), new(2026, 3, 31), [Yandu.Id], 90, 50, 0), City);

        await RefusedAsync(() => Host.SendAsync(new CityOverviewQuery(campaign), YanduStaff), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new CityOverviewQuery(Guid.NewGuid()), City), FailureKind.NotFound);
    }
}
