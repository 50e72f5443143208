using Bargaining.Domain;
using Bargaining.Features.Progress;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Views;
using Bargaining.Tests.Features.Progress;

namespace Bargaining.Tests.Features.Rounds.Views;

/// <summary>The round list on <see cref="ProgressScenario"/> (25 March: Yandu has 9 rounds, Tinghu 1).</summary>
public sealed class RoundListTests : ProgressScenario
{
    private Enterprise E(string name) => Host.WithDbAsync(db => Task.FromResult(db.Enterprises.Single(e => e.Name == name))).GetAwaiter().GetResult();


    [Fact]
    public async Task The_name_search_matches_latin_letters_in_either_case_and_chinese_as_typed()
    {
        await ScenarioAsync();
        var abb = await AddEnterpriseAsync(Yandu, "盐城ABB电气有限公司", 30, 50);
        await LaunchAsync(YanduStaff, abb);

        async Task<string[]> Found(string search) => [.. (await Host.SendAsync(new RoundListQuery { Search = search }, YanduStaff)).Rows.Select(r => r.Enterprise)];

        Assert.Equal(["盐城ABB电气有限公司"], await Found("abb"));
        Assert.Equal(["盐城ABB电气有限公司"], await Found("Abb电气"));
        Assert.Empty(await Found("ABB电器"));
    }

    [Fact]
    public async Task County_staff_page_through_their_countys_rounds_newest_first()
    {
        await ScenarioAsync();

        var first = await Host.SendAsync(new RoundListQuery { PageSize = 4 }, YanduStaff);
        var last = await Host.SendAsync(new RoundListQuery { PageSize = 4, Page = 3 }, YanduStaff);

        Assert.Equal((9, 4, 1), (first.Total, first.Rows.Count, last.Rows.Count));
        Assert.All(first.Rows, r => Assert.Equal("盐都区总工会", r.Unit));
        Assert.True(first.Rows[0].CreatedAt >= first.Rows[^1].CreatedAt && first.Rows[^1].CreatedAt >= last.Rows[0].CreatedAt);
        Assert.DoesNotContain(first.Rows.Concat(last.Rows), r => r.Enterprise == "盐城亭湖机电有限公司");
    }

    [Fact]
    public async Task Each_stage_filter_counts_what_the_countys_progress_counts()
    {
        await ScenarioAsync();
        var progress = await Host.SendAsync(new CountyProgressQuery(Yandu.Id), YanduStaff);

        async Task<int> Count(RoundStage stage) => (await Host.SendAsync(new RoundListQuery { Stage = stage }, YanduStaff)).Total;

        Assert.Equal(progress.Stages, new StageCounts(await Count(RoundStage.Started), await Count(RoundStage.Offered), await Count(RoundStage.Replied),
            await Count(RoundStage.Bargaining), await Count(RoundStage.Signed), await Count(RoundStage.Filed), await Count(RoundStage.Effective), await Count(RoundStage.Closed)));
    }

    [Fact]
    public async Task The_overdue_row_names_the_step_its_missed_last_day_the_days_late_and_who_must_act()
    {
        await ScenarioAsync();

        var row = Assert.Single((await Host.SendAsync(new RoundListQuery { OverdueOnly = true }, YanduStaff)).Rows);

        Assert.Equal((Silent, "盐城沉默五金有限公司", "企业方逾期未回应，上级工会督办", RoundStage.Offered, "已要约"), (row.RoundId, row.Enterprise, row.Step, row.Stage, row.StageName));
        Assert.Equal((SilentLastDay, new DateOnly(2026, 3, 25).DayNumber - SilentLastDay.DayNumber), (row.LastDay, row.DaysLate!.Value));
        Assert.Equal(new HashSet<string> { "企业方", "职工方（企业工会）", "上级工会（县级总工会）" }, row.NextActors.ToHashSet());
        Assert.True(row.AwaitingMe); // county staff may urge (督办)
        Assert.Equal((RoundKind.Wage, "工资专项集体合同"), (row.Kind, row.KindName));
    }

    [Fact]
    public async Task Size_industry_and_name_filters_narrow_the_list()
    {
        await ScenarioAsync();

        Assert.Equal(["盐城恒达精密机械有限公司"], (await Host.SendAsync(new RoundListQuery { Size = SizeBand.From300To999 }, YanduStaff)).Rows.Select(r => r.Enterprise));
        Assert.Equal(6, (await Host.SendAsync(new RoundListQuery { Size = SizeBand.Under100 }, YanduStaff)).Total);
        Assert.Equal(9, (await Host.SendAsync(new RoundListQuery { Industry = "制造业" }, YanduStaff)).Total);
        Assert.Equal(0, (await Host.SendAsync(new RoundListQuery { Industry = "建筑业" }, YanduStaff)).Total);
        Assert.Equal(9, (await Host.SendAsync(new RoundListQuery { Industry = "制造" }, YanduStaff)).Total); // part of the name, as officers type it
        var filed = Assert.Single((await Host.SendAsync(new RoundListQuery { Search = "飞跃" }, YanduStaff)).Rows);
        Assert.Equal((RoundStage.Filed, "劳动保障行政部门审查"), (filed.Stage, filed.Step));
        Assert.Equal(["劳动保障行政部门（审查）"], filed.NextActors);
        Assert.False(filed.AwaitingMe);
    }

    [Fact]
    public async Task A_side_sees_only_its_enterprises_rounds_and_awaiting_me_follows_the_workflow()
    {
        await ScenarioAsync();
        var antai = E("盐城安泰建材有限公司");

        var employer = await Host.SendAsync(new RoundListQuery(), EmployerOf(antai));
        var chair = await Host.SendAsync(new RoundListQuery(), ChairOf(antai));

        Assert.Equal((RoundOf[antai.Name], true), (Assert.Single(employer.Rows).RoundId, employer.Rows[0].AwaitingMe));
        Assert.False(Assert.Single(chair.Rows).AwaitingMe);
        Assert.Equal(1, (await Host.SendAsync(new RoundListQuery { AwaitingMe = true }, EmployerOf(antai))).Total);
        Assert.Equal(0, (await Host.SendAsync(new RoundListQuery { AwaitingMe = true }, ChairOf(antai))).Total);
        Assert.Equal([Silent], (await Host.SendAsync(new RoundListQuery { AwaitingMe = true }, YanduStaff)).Rows.Select(r => r.RoundId));
    }

    [Fact]
    public async Task The_city_sees_every_county_and_filters_by_unit_and_campaign()
    {
        await ScenarioAsync();

        Assert.Equal(10, (await Host.SendAsync(new RoundListQuery(), City)).Total);
        Assert.Equal(10, (await Host.SendAsync(new RoundListQuery { CampaignId = Campaign }, City)).Total);
        Assert.Equal(["盐城亭湖机电有限公司"], (await Host.SendAsync(new RoundListQuery { OrganisationId = Tinghu.Id }, City)).Rows.Select(r => r.Enterprise));
        await RefusedAsync(() => Host.SendAsync(new RoundListQuery { CampaignId = Guid.NewGuid() }, City), FailureKind.NotFound);
        await RefusedAsync(() => Host.SendAsync(new RoundListQuery { OrganisationId = Guid.NewGuid() }, City), FailureKind.NotFound);
    }

    [Fact]
    public async Task A_reviewer_sees_the_contracts_filed_in_its_area()
    {
        await ScenarioAsync();

        var rows = (await Host.SendAsync(new RoundListQuery(), YanduReviewer)).Rows;

        Assert.Equal(["盐城丰源化工有限公司", "盐城广利物流有限公司", "盐城恒达精密机械有限公司", "盐城飞跃汽配有限公司"], rows.Select(r => r.Enterprise).Order(StringComparer.Ordinal));
        Assert.Equal(1, (await Host.SendAsync(new RoundListQuery { AwaitingMe = true }, YanduReviewer)).Total);
    }

    [Fact]
    public async Task Another_countys_list_is_forbidden_and_bad_paging_is_refused()
    {
        await ScenarioAsync();

        await RefusedAsync(() => Host.SendAsync(new RoundListQuery { OrganisationId = Yandu.Id }, TinghuStaff), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new RoundListQuery(), null), FailureKind.Forbidden);
        var bad = await RefusedAsync(() => Host.SendAsync(new RoundListQuery { Page = 0, PageSize = 500 }, YanduStaff), FailureKind.Validation);
        Assert.Contains("每页条数应在1至200之间", bad.Message);
        Assert.Contains("页码应从1开始", bad.Message);
    }
}
