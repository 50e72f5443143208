using Bargaining.Domain;
using Bargaining.Features.Campaigns;
using Bargaining.Features.Organisations;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Views;
using Microsoft.EntityFrameworkCore;
using Bargaining.Features.Progress;
using Bargaining.Tests.Features.Rounds;

namespace Bargaining.Tests.Features.Progress;

/// <summary>The county progress and the city overview on <see cref="ProgressScenario"/>.</summary>
public sealed class ProgressTests : ProgressScenario
{
    [Fact]
    public async Task A_county_sees_its_rounds_per_stage_the_overdue_reply_the_coverage_and_the_wage_rises()
    {
        await ScenarioAsync();

        var progress = await Host.SendAsync(new CountyProgressQuery(Yandu.Id), YanduStaff);

        Assert.Equal((9, 320 + 200 + 100 + 60 + 5 * 50), (progress.Enterprises, progress.Workers));
        Assert.Equal(new StageCounts(Started: 0, Offered: 2, Replied: 1, Bargaining: 1, Signed: 1, Filed: 1, Effective: 3, Closed: 0), progress.Stages);
        var overdue = Assert.Single(progress.Overdue);
        Assert.Equal((Silent, "盐城沉默五金有限公司", "企业方逾期未回应，上级工会督办"), (overdue.RoundId, overdue.Enterprise, overdue.Step));
        Assert.Equal(SilentLastDay, overdue.LastDay);
        Assert.Equal(new DateOnly(2026, 3, 25).DayNumber - SilentLastDay.DayNumber, overdue.DaysLate);
        Assert.Equal((3, 620), (progress.EnterprisesCovered, progress.WorkersCovered));
        Assert.Equal((5.67m, 6m), (progress.AverageWageRise, progress.MedianWageRise));
    }

    [Fact]
    public async Task An_instructors_figures_count_the_enterprises_assigned_to_them_as_their_lists_do()
    {
        await ScenarioAsync();
        var instructor = new CurrentUser("u-zhao", "盐都区总工会 指导员赵刚", Role.Instructor, Yandu.Id);
        await Host.SendAsync(new AssignInstructorCommand([await EnterpriseAsync("盐城沉默五金有限公司"), await EnterpriseAsync("盐城天成纺织有限公司")], instructor.UserId, "赵刚"), YanduStaff);

        var progress = await Host.SendAsync(new CountyProgressQuery(Yandu.Id), instructor);
        var enterprises = await Host.SendAsync(new EnterpriseListQuery { OrganisationId = Yandu.Id, InstructorUserId = instructor.UserId }, instructor);
        var rounds = await Host.SendAsync(new RoundListQuery(), instructor);

        Assert.Equal((2, 2, 2), (progress.Enterprises, enterprises.Total, rounds.Total));
        Assert.Equal(new StageCounts(Started: 0, Offered: 1, Replied: 0, Bargaining: 1, Signed: 0, Filed: 0, Effective: 0, Closed: 0), progress.Stages);
        Assert.Equal(Silent, Assert.Single(progress.Overdue).RoundId);
        Assert.Equal(1, (await Host.SendAsync(new RoundListQuery { OverdueOnly = true }, instructor)).Total);
    }

    [Fact]
    public async Task Each_card_of_the_county_equals_the_total_of_the_enterprise_list_it_stands_for_even_with_two_rounds_for_one_enterprise()
    {
        await ScenarioAsync();
        await Host.AdvanceToAsync(China.At(2026, 3, 26, 9));
        await Host.SendAsync(new LaunchCampaignOffersCommand([await EnterpriseAsync("盐城瑞达电子有限公司")], RoundKind.Comprehensive, [WageRise(6)], Today, 3), YanduStaff);

        var progress = await Host.SendAsync(new CountyProgressQuery(Yandu.Id), YanduStaff);
        async Task<int> ListedAsync(RoundStage? stage) => (await Host.SendAsync(new EnterpriseListQuery { OrganisationId = Yandu.Id, Stage = stage }, YanduStaff)).Total;

        Assert.Equal(progress.Enterprises, await ListedAsync(null));
        var s = progress.Stages;
        Assert.Equal((s.Started, s.Offered, s.Replied, s.Bargaining, s.Signed, s.Filed, s.Effective, s.Closed),
            (await ListedAsync(RoundStage.Started), await ListedAsync(RoundStage.Offered), await ListedAsync(RoundStage.Replied), await ListedAsync(RoundStage.Bargaining),
             await ListedAsync(RoundStage.Signed), await ListedAsync(RoundStage.Filed), await ListedAsync(RoundStage.Effective), await ListedAsync(RoundStage.Closed)));
        Assert.Equal(progress.Enterprises, s.Started + s.Offered + s.Replied + s.Bargaining + s.Signed + s.Filed + s.Effective + s.Closed);
        Assert.Equal(progress.Overdue.Count, (await Host.SendAsync(new RoundListQuery { OverdueOnly = true }, YanduStaff)).Total);
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
    public async Task A_round_becomes_overdue_by_the_clock_alone_with_no_timer_fired_and_no_summary_written()
    {
        var round = await OfferedAsync();
        var step = await Host.StepAsync(round, "employer-reply");
        var lastDay = step.LastDay!.Value;
        var before = await Host.WithDbAsync(db => db.RoundProgress.AsNoTracking().SingleAsync(p => p.RoundId == round));
        Assert.Empty((await Host.SendAsync(new CountyProgressQuery(Yandu.Id), YanduStaff)).Overdue);

        // The timer processor does not run here: only the clock moves.
        Host.Clock.SetUtcNow(China.At(lastDay.Year, lastDay.Month, lastDay.Day).AddDays(3));

        var progress = await Host.SendAsync(new CountyProgressQuery(Yandu.Id), YanduStaff);
        Assert.Equal((1, round, step.Name, lastDay, 3), (progress.OverdueCount, Assert.Single(progress.Overdue).RoundId, progress.Overdue[0].Step, progress.Overdue[0].LastDay, progress.Overdue[0].DaysLate));
        Assert.Equal(round, Assert.Single((await Host.SendAsync(new RoundListQuery { OverdueOnly = true }, YanduStaff)).Rows).RoundId);
        Assert.Equal(3, Assert.Single((await Host.SendAsync(new EnterpriseListQuery { OverdueOnly = true }, YanduStaff)).Rows).DaysLate);
        var after = await Host.WithDbAsync(db => db.RoundProgress.AsNoTracking().SingleAsync(p => p.RoundId == round));
        Assert.Equal((before.OverdueFrom, before.Stage, before.AwaitedRoles), (after.OverdueFrom, after.Stage, after.AwaitedRoles));
        Assert.True(await Host.WithDbAsync(db => db.Set<Bargaining.Workflows.Persistence.WorkflowTimerRecord>().AnyAsync(t => t.InstanceId == round)), "the reply deadline has not fired");
    }

    // The timer processor's save tracks no round: the summary writer looks the workflow's round up itself.
    [Fact]
    public async Task A_deadline_the_timer_processor_fires_rewrites_the_rounds_summary_in_the_same_save()
    {
        var round = await OfferedAsync();
        var due = (await Host.StepAsync(round, "employer-reply")).Due!.Value;
        var before = await Host.WithDbAsync(db => db.RoundProgress.AsNoTracking().SingleAsync(p => p.RoundId == round));

        await Host.AdvanceToAsync(due);

        var after = await Host.WithDbAsync(db => db.RoundProgress.AsNoTracking().SingleAsync(p => p.RoundId == round));
        Assert.False(await Host.WithDbAsync(db => db.Set<Bargaining.Workflows.Persistence.WorkflowTimerRecord>().AnyAsync(t => t.InstanceId == round)), "the reply deadline has fired");
        Assert.NotEqual(before.Step, after.Step);
        Assert.Equal(due.ToUniversalTime(), after.ChangedAt);
    }

    [Fact]
    public async Task A_reply_and_a_new_enterprise_show_in_the_figures_of_the_next_request_the_same_day()
    {
        var round = await OfferedAsync();
        var before = await Host.SendAsync(new CountyProgressQuery(Yandu.Id), YanduStaff);

        await Host.SendAsync(new Bargaining.Features.Rounds.Offer.ReplyToOfferCommand(round, Accept: true), Employer);
        await AddEnterpriseAsync(Yandu, "盐城新来电子有限公司", 31, 77);
        var after = await Host.SendAsync(new CountyProgressQuery(Yandu.Id), YanduStaff);

        Assert.Equal((1, 0), (before.Stages.Offered, before.Stages.Replied));
        Assert.Equal((0, 1), (after.Stages.Offered, after.Stages.Replied));
        Assert.Equal((before.Enterprises + 1, before.Workers + 77), (after.Enterprises, after.Workers));
    }

    [Fact]
    public async Task A_county_cannot_see_another_countys_progress_but_the_city_can()
    {
        await RefusedAsync(() => Host.SendAsync(new CountyProgressQuery(Yandu.Id), TinghuStaff), FailureKind.Forbidden);
        Assert.Equal("盐都区总工会", (await Host.SendAsync(new CountyProgressQuery(Yandu.Id), City)).Unit);
    }

    [Fact]
    public async Task The_city_overview_rates_and_ranks_every_unit_against_theCampaigns_targets()
    {
        await ScenarioAsync();

        var overview = await Host.SendAsync(new CityDashboardQuery(Campaign), City);

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

        await RefusedAsync(() => Host.SendAsync(new CityDashboardQuery(campaign), YanduStaff), FailureKind.Forbidden);
        await RefusedAsync(() => Host.SendAsync(new CityDashboardQuery(Guid.NewGuid()), City), FailureKind.NotFound);
    }

    private Task<Guid> EnterpriseAsync(string name) => Host.WithDbAsync(db => db.Enterprises.Where(e => e.Name == name).Select(e => e.Id).SingleAsync());
}
