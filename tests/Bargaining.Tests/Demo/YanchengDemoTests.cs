using Bargaining.Demo;
using Bargaining.Domain;
using Bargaining.Features.Progress;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Views;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Tests.Demo;

public sealed class YanchengDemoTests
{
    private const int Size = 40;

    private static async Task<(YanchengDemoResult Result, CityDashboard Overview, List<(Enterprise Enterprise, Round? Round, RoundStage? Stage, decimal? Rise)> Facts)> GenerateAsync(int seed)
    {
        await using var host = await BargainingHost.StartAsync(YanchengDemo.Start);
        var result = await new YanchengDemo(host.Services, host.Clock).GenerateAsync(Size, seed);
        var overview = await host.SendAsync(new CityDashboardQuery(result.CampaignId), new CurrentUser("u-city", "市总工会", Role.CityAdministrator, result.CityId));
        var enterprises = await host.WithDbAsync(db => db.Enterprises.AsNoTracking().ToListAsync());
        var rounds = await host.WithDbAsync(db => db.Rounds.AsNoTracking().ToListAsync());
        var rises = await host.WithDbAsync(db => db.Topics.AsNoTracking().Include(t => t.Positions)
            .Where(t => t.Code == TopicCatalog.Pay && t.Status == TopicStatus.Agreed).ToListAsync());
        var facts = new List<(Enterprise, Round?, RoundStage?, decimal?)>();
        foreach (var e in enterprises)
        {
            var round = rounds.SingleOrDefault(r => r.EnterpriseId == e.Id);
            RoundStage? stage = round is null ? null : RoundStages.Of(await host.SnapshotAsync(round.WorkflowInstanceId));
            facts.Add((e, round, stage, round is null ? null : rises.SingleOrDefault(t => t.RoundId == round.Id)?.Last.Number));
        }
        return (result, overview, facts);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_city_with_every_stage_in_every_county_and_figures_that_agree_with_the_database()
    {
        var first = await GenerateAsync(YanchengDemo.DefaultSeed);
        var second = await GenerateAsync(YanchengDemo.DefaultSeed);

        // Deterministic: the same enterprises, fates, rises and per-stage figures.
        Assert.Equal(first.Result.Enterprises.Select(e => (e.County, e.Name, e.CreditCode, e.Employees, e.Fate, e.AgreedWageRise)),
            second.Result.Enterprises.Select(e => (e.County, e.Name, e.CreditCode, e.Employees, e.Fate, e.AgreedWageRise)));
        Assert.Equal(first.Overview.Rows.Select(r => (r.Progress.Unit, r.Progress.Enterprises, r.Progress.Stages, r.Progress.WorkersCovered, r.Progress.AverageWageRise, r.Progress.Overdue.Count)),
            second.Overview.Rows.Select(r => (r.Progress.Unit, r.Progress.Enterprises, r.Progress.Stages, r.Progress.WorkersCovered, r.Progress.AverageWageRise, r.Progress.Overdue.Count)));

        var (result, overview, facts) = first;
        Assert.Equal(Size, facts.Count);
        Assert.All(result.Fates, f => Assert.True(f.Value > 0, $"no enterprise is at {f.Key}"));
        Assert.All(facts, f => Assert.Null(CreditCode.Problem(f.Enterprise.CreditCode)));
        Assert.All(facts, f => Assert.InRange(f.Enterprise.Employees, 30, 2000));

        // All 11 counties take part and have enterprises.
        Assert.Equal(11, overview.Rows.Count(r => r.Participating));
        Assert.All(overview.Rows, r => Assert.True(r.Progress.Enterprises > 0, $"{r.Progress.Unit} has no enterprise"));

        // Every stage is present, and each fate is at the stage the reports count it at: bargained again over an
        // objection is still 已报送 (Art 46); coordinating over an unanswered offer is still 已要约.
        var expected = new Dictionary<DemoFate, RoundStage?>
        {
            [DemoFate.None] = null, [DemoFate.Started] = RoundStage.Started, [DemoFate.Offered] = RoundStage.Offered, [DemoFate.Overdue] = RoundStage.Offered,
            [DemoFate.Replied] = RoundStage.Replied, [DemoFate.Bargaining] = RoundStage.Bargaining, [DemoFate.CongressRejected] = RoundStage.Bargaining,
            [DemoFate.Signed] = RoundStage.Signed, [DemoFate.Filed] = RoundStage.Filed, [DemoFate.ReviewObjected] = RoundStage.Filed,
            [DemoFate.Effective] = RoundStage.Effective, [DemoFate.Closed] = RoundStage.Closed, [DemoFate.InCoordination] = RoundStage.Offered,
        };
        var byName = facts.ToDictionary(f => f.Enterprise.Name);
        Assert.All(result.Enterprises, e => Assert.Equal(expected[e.Fate], byName[e.Name].Stage));
        // The demo's spring is months before any contract's term ends: no stage of an ended contract yet.
        Assert.Equal(Enum.GetValues<RoundStage>().Where(s => !s.HasEnded()).Order(), facts.Where(f => f.Stage is not null).Select(f => f.Stage!.Value).Distinct().Order());

        // Agreed wage rises of effective contracts are between 3 % and 9 %, as generated.
        var effective = facts.Where(f => f.Stage == RoundStage.Effective).ToList();
        Assert.All(effective, f => Assert.InRange(f.Rise!.Value, 3m, 9m));
        Assert.All(result.Enterprises.Where(e => e.Fate == DemoFate.Effective), e => Assert.Equal(e.AgreedWageRise, byName[e.Name].Rise));

        // The overview agrees with the database, county by county.
        Assert.Equal(facts.Count, overview.Rows.Sum(r => r.Progress.Enterprises));
        foreach (var row in overview.Rows)
        {
            var own = facts.Where(f => f.Enterprise.OrganisationId == row.Progress.OrganisationId).ToList();
            Assert.Equal(own.Count, row.Progress.Enterprises);
            Assert.Equal(own.Sum(f => f.Enterprise.Employees), row.Progress.Workers);
            Assert.Equal(own.Count(f => f.Stage == RoundStage.Effective), row.Progress.Stages.Effective);
            Assert.Equal(own.Count(f => f.Stage == RoundStage.Offered), row.Progress.Stages.Offered);
            Assert.Equal(own.Count(f => f.Stage == RoundStage.Bargaining), row.Progress.Stages.Bargaining);
            Assert.Equal(own.Where(f => f.Stage == RoundStage.Effective).Sum(f => f.Enterprise.Employees), row.Progress.WorkersCovered);
            var rises = own.Where(f => f.Stage == RoundStage.Effective).Select(f => f.Rise!.Value).ToList();
            Assert.Equal(rises.Count == 0 ? null : Math.Round(rises.Average(), 2), row.Progress.AverageWageRise);
            Assert.Equal(own.Count(f => f.Round?.Offer.MadeAt is not null), row.Progress.EnterprisesOffered);
        }
        // Every unanswered early offer is on the overdue lists, with the other late steps (such as a filing past its 10 days).
        var overdue = overview.Rows.SelectMany(r => r.Progress.Overdue).ToList();
        Assert.Equal(result.Enterprises.Where(e => e.Fate == DemoFate.Overdue).Select(e => e.Name).Order(),
            overdue.Where(o => byName[o.Enterprise].Stage == RoundStage.Offered).Select(o => o.Enterprise).Order());
        Assert.All(overdue, o => Assert.True(o.DaysLate > 0, $"{o.Enterprise}: {o.Step} {o.DaysLate}"));
        Assert.Equal(effective.Sum(f => f.Enterprise.Employees), overview.WorkersCovered);
    }

    [Fact]
    public async Task The_city_dashboard_of_the_generated_city_equals_what_the_database_holds()
    {
        using var counter = new SqlCommandCounter();
        await using var host = await BargainingHost.StartAsync(YanchengDemo.Start);
        var result = await new YanchengDemo(host.Services, host.Clock).GenerateAsync();
        var dashboard = await host.SendAsync(new CityDashboardQuery(result.CampaignId), new CurrentUser("u-city", "市总工会", Role.CityAdministrator, result.CityId));

        // Read back independently: every round's workflow one by one, its meetings and its agreed pay topic.
        var enterprises = await host.WithDbAsync(db => db.Enterprises.AsNoTracking().ToListAsync());
        var rounds = await host.WithDbAsync(db => db.Rounds.AsNoTracking().ToListAsync());
        var met = await host.WithDbAsync(db => db.Meetings.Select(m => m.RoundId).Distinct().ToListAsync());
        var rises = (await host.WithDbAsync(db => db.Topics.AsNoTracking().Include(t => t.Positions)
            .Where(t => t.Code == TopicCatalog.Pay && t.Status == TopicStatus.Agreed).ToListAsync())).ToDictionary(t => t.RoundId, t => t.Last);
        var facts = new List<(Enterprise Enterprise, Round Round, RoundStage Stage)>();
        foreach (var round in rounds)
            facts.Add((enterprises.Single(e => e.Id == round.EnterpriseId), round, RoundStages.Of(await host.SnapshotAsync(round.WorkflowInstanceId))));
        static bool Signed(RoundStage s) => s is RoundStage.Signed or RoundStage.Filed or RoundStage.Effective;
        static decimal Median(List<decimal> x) => x.Count % 2 == 1 ? x[x.Count / 2] : (x[x.Count / 2 - 1] + x[x.Count / 2]) / 2;

        Assert.Equal(240, enterprises.Count);
        Assert.Equal(240, dashboard.Totals.Progress.Enterprises);
        foreach (var row in dashboard.Rows.Append(dashboard.Totals))
        {
            var units = row == dashboard.Totals ? dashboard.Rows.Where(r => r.Participating).Select(r => r.Progress.OrganisationId).ToHashSet() : [row.Progress.OrganisationId];
            var own = facts.Where(f => units.Contains(f.Enterprise.OrganisationId)).ToList();
            var offered = own.Where(f => f.Round.Offer.MadeAt is { } at && DateOnly.FromDateTime(at.ToOffset(China.Offset).DateTime) >= YanchengDemo.CampaignStart).ToList();
            Assert.Equal(new Funnel(offered.Count,
                offered.Count(f => f.Round.Response.GivenAt is not null || f.Stage is RoundStage.Replied or RoundStage.Bargaining || Signed(f.Stage)),
                offered.Count(f => f.Stage == RoundStage.Bargaining || Signed(f.Stage) || (f.Stage == RoundStage.Closed && (met.Contains(f.Round.Id) || f.Round.OnTheSpot.MetAt is not null))),
                offered.Count(f => Signed(f.Stage)), offered.Count(f => f.Stage is RoundStage.Filed or RoundStage.Effective), offered.Count(f => f.Stage == RoundStage.Effective)),
                row.Progress.Funnel);
            var effective = own.Where(f => f.Stage == RoundStage.Effective).ToList();
            Assert.Equal((effective.Count, effective.Sum(f => f.Enterprise.Employees)), (row.Progress.EnterprisesCovered, row.Progress.WorkersCovered));
            var agreed = effective.Where(f => rises.TryGetValue(f.Round.Id, out var p) && p.Unit == "%").Select(f => rises[f.Round.Id].Number!.Value).Order().ToList();
            Assert.Equal(agreed.Count == 0 ? null : Math.Round(agreed.Average(), 2), row.Progress.AverageWageRise);
            Assert.Equal(agreed.Count == 0 ? null : Math.Round(Median(agreed), 2), row.Progress.MedianWageRise);
            var mine = enterprises.Count(e => units.Contains(e.OrganisationId));
            Assert.Equal(mine == 0 ? null : Math.Round(100m * offered.Select(f => f.Enterprise.Id).Distinct().Count() / mine, 1), row.OfferRate);
            Assert.Equal(mine == 0 ? null : Math.Round(100m * offered.Where(f => Signed(f.Stage)).Select(f => f.Enterprise.Id).Distinct().Count() / mine, 1), row.SigningRate);
        }
        Assert.Equal(dashboard.Rows.Sum(r => r.OverdueCount), dashboard.Totals.OverdueCount);
        Assert.Equal(11, dashboard.Rows.Count(r => r.Rank is not null));
        Assert.Equal(1, dashboard.Rows[0].Rank);
        Assert.True(dashboard.Totals.Progress.Funnel.Effective > 0 && dashboard.Totals.Progress.MedianWageRise is not null);

        // Lists read a page in a fixed number of queries, whatever their length: no workflow is read row by row.
        var city = new CurrentUser("u-city", "市总工会", Role.CityAdministrator, result.CityId);
        foreach (var (query, expected) in new[] { (new RoundListQuery(), 4), (new RoundListQuery { Stage = RoundStage.Offered }, 3), (new RoundListQuery { AwaitingMe = true, OverdueOnly = true }, 3) })
        {
            counter.Watch(host.Database);
            var list = await host.SendAsync(query, city);
            Assert.True(counter.Count > 0 && counter.Count <= expected, $"{query}: {counter.Count} SQL commands for {list.Rows.Count} rows");
        }
        counter.Watch(host.Database);
        var listed = await host.SendAsync(new Bargaining.Features.Organisations.EnterpriseListQuery { Stage = RoundStage.Effective }, city);
        Assert.True(listed.Total > 0 && counter.Count is > 0 and <= 3, $"{counter.Count} SQL commands for {listed.Rows.Count} enterprises");
        counter.Watch(host.Database);
        await host.SendAsync(new CityDashboardQuery(result.CampaignId), city);
        Assert.True(counter.Count is > 0 and <= 10, $"the dashboard took {counter.Count} SQL commands");
    }

    [Theory]
    [InlineData(24)]
    [InlineData(Size)]
    public async Task Every_role_the_demo_signs_in_has_something_on_its_page(int size)
    {
        await using var host = await BargainingHost.StartAsync(YanchengDemo.Start);
        var result = await new YanchengDemo(host.Services, host.Clock).GenerateAsync(size);
        var cast = result.Cast;

        // County staff: overdue replies to chase, with the urge action on the row; the instructor: assigned enterprises,
        // figures counting the same ones.
        var overdue = await host.SendAsync(new RoundListQuery { OverdueOnly = true }, cast.County);
        Assert.Contains(overdue.Rows, r => r.MayUrge);
        var assigned = await host.SendAsync(new Bargaining.Features.Organisations.EnterpriseListQuery { OrganisationId = cast.Instructor.OrganisationId, InstructorUserId = cast.Instructor.UserId }, cast.Instructor);
        var figures = await host.SendAsync(new CountyProgressQuery(cast.Instructor.OrganisationId), cast.Instructor);
        Assert.True(assigned.Total > 0 && (await host.SendAsync(new RoundListQuery(), cast.Instructor)).Total > 0, "the instructor has no enterprise");
        Assert.Equal(assigned.Total, figures.Enterprises);
        // The reviewer: a queue of filed contracts; the coordinator: a dispute; the chair: a round at the table.
        Assert.NotEmpty(await host.SendAsync(new ReviewQueueQuery(), cast.Reviewer));
        Assert.Contains((await host.SendAsync(new RoundListQuery(), cast.Coordinator)).Rows, r => r.NextActors.Count > 0 && r.Step.Contains("协调", StringComparison.Ordinal));
        Assert.Equal(RoundStage.Bargaining, Assert.Single((await host.SendAsync(new RoundListQuery(), cast.Table.Chair!)).Rows).Stage);
        // Where the showcase county is big enough, everyone works in it.
        if (size >= 4 * 11) Assert.All(new[] { cast.County, cast.Instructor, cast.Reviewer, cast.Coordinator, cast.Table.Chair! }, u => Assert.Equal(result.ShowcaseCountyId, u.OrganisationId));
    }

    [Fact]
    public async Task Representatives_have_real_looking_distinct_names_some_with_rare_characters_and_unions_have_members()
    {
        await using var host = await BargainingHost.StartAsync(YanchengDemo.Start);
        await new YanchengDemo(host.Services, host.Clock).GenerateAsync(Size);
        var representatives = await host.WithDbAsync(db => db.Representatives.AsNoTracking().ToListAsync());
        var enterprises = await host.WithDbAsync(db => db.Enterprises.AsNoTracking().ToListAsync());

        Assert.NotEmpty(representatives);
        Assert.All(representatives, r => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}{2,3}$", r.Name));
        Assert.All(representatives, r => Assert.False(string.IsNullOrEmpty(r.Title), $"{r.Name} has no post"));
        Assert.All(representatives.GroupBy(r => r.RoundId), round => Assert.Equal(round.Count(), round.Select(r => r.Name).Distinct().Count()));
        Assert.Contains(representatives, r => r.Name.IndexOfAny(['堃', '喆', '昇', '玥', '赟']) >= 0);
        Assert.All(enterprises, e => Assert.InRange(e.UnionMembers!.Value, e.Employees * 85 / 100, e.Employees));
    }
}
