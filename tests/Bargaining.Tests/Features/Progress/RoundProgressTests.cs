using Bargaining.Domain;
using Bargaining.Features.Organisations;
using Bargaining.Features.Progress;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Views;
using Bargaining.Jurisdictions;
using Bargaining.Persistence;
using Bargaining.Tests.Walk;
using Bargaining.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Tests.Features.Progress;

/// <summary>
/// The round summaries cannot drift: after rounds walked at random through the real pipeline (with the timer
/// processor sometimes lagging), each stored summary is what <see cref="RoundStages"/> says of the workflow, the same
/// as one written afresh, the figures and lists count what the old in-memory computation counted, and every list row
/// shows what describing its workflow shows — now, and as the clock moves on with no write.
/// </summary>
public sealed class RoundProgressTests
{
    private const int Seed = 20261207;

    [Fact]
    public async Task After_rounds_walked_at_random_every_summary_is_what_the_workflow_says_and_the_figures_are_those_of_the_old_computation()
    {
        var random = new Random(Seed);
        await using var world = await WalkWorld.CreateAsync(China.At(2026, 3, 2, 9), enterprisesPerCounty: 6, random);
        var county = world.Enterprises[0];
        var (checks, ahead, lapsed) = (0, 0, 0);
        async Task CheckAsync()
        {
            var deadlines = await SummariesAreWhatTheWorkflowSaysAsync(world);
            (ahead, lapsed) = (ahead + deadlines.Ahead, lapsed + deadlines.Lapsed);
            await RowsAreWhatTheWorkflowSaysAsync(world, county.Staff.User);
            await RowsAreWhatTheWorkflowSaysAsync(world, world.City.User);
        }
        // While rounds are live (the walk ends them all): rows from summaries before their deadlines, described after,
        // every other time once the next deadline has lapsed with the timer processor stopped.
        var walker = new Walker(world, random.Next(), rounds: 30)
        {
            Checks = async () =>
            {
                await CheckAsync();
                if (++checks % 2 == 1) return;
                var due = await world.WithServicesAsync(s => s.GetRequiredService<WorkflowEngine>().NextDueAsync());
                if (due is null) return;
                await world.AdvanceToAsync(due.Value.AddDays(1), fireTimers: false);
                await CheckAsync();
            },
        };
        await walker.RunAsync();
        Assert.True(ahead >= 20 && lapsed >= 5, $"summaries compared during the walk: {ahead} before their deadline, {lapsed} after it");
        await world.SendAsync(new AssignInstructorCommand([.. world.Enterprises.Where(e => e.County.Id == county.County.Id).Take(3).Select(e => e.Enterprise.Id)],
            county.Instructor.User.UserId, "指导员"), county.Staff.User);

        var stored = await StoredAsync(world);
        Assert.True(stored.Count >= 20, $"the walk started {stored.Count} rounds");
        Assert.Equal(stored, await RewrittenAsync(world));
        // The clock moves on with no write: nothing is stored again, yet what is overdue follows the clock.
        foreach (var days in new[] { 0, 1, 4, 16, 45, 400 })
        {
            world.Clock.MoveTo(world.Clock.Peek.AddDays(days));
            await SummariesAreWhatTheWorkflowSaysAsync(world);
            await FiguresAreThoseOfTheOldComputationAsync(world, county);
            await ListsFilterAsTheRowsSayAsync(world, county.Staff.User);
            await ListsFilterAsTheRowsSayAsync(world, world.City.User);
            await RowsAreWhatTheWorkflowSaysAsync(world, county.Staff.User);
            await RowsAreWhatTheWorkflowSaysAsync(world, world.City.User);
        }
        Assert.Equal(stored, await StoredAsync(world));
    }

    [Fact]
    public async Task Missing_summaries_are_written_in_batches_on_start_and_a_second_start_writes_none()
    {
        var random = new Random(Seed);
        await using var world = await WalkWorld.CreateAsync(China.At(2026, 3, 2, 9), enterprisesPerCounty: 3, random);
        await new Walker(world, random.Next(), rounds: 12).RunAsync();
        var stored = await StoredAsync(world);
        var dashboard = await world.SendAsync(new CityDashboardQuery(world.CampaignId), world.City.User);
        await world.WithDbAsync(db => db.RoundProgress.Where(p => p.Stage != RoundStage.Effective).ExecuteDeleteAsync());
        Assert.NotEqual(stored.Count, (await StoredAsync(world)).Count);

        var written = await world.WithServicesAsync(s =>
            s.GetRequiredService<RoundProgressWriter>().BackfillAsync(s.GetRequiredService<BargainingDbContext>(), CancellationToken.None, batch: 5));
        await world.WithDbAsync(async db => { await db.MigrateAsync(); return 0; });

        Assert.Equal(stored.Count - stored.Count(p => p.Stage == RoundStage.Effective), written);
        Assert.Equal(0, await world.WithDbAsync(db => db.BackfillRoundProgressAsync()));
        Assert.Equal(stored, await StoredAsync(world));
        var again = await world.SendAsync(new CityDashboardQuery(world.CampaignId), world.City.User);
        Assert.Equal(Comparable(dashboard.Totals.Progress), Comparable(again.Totals.Progress));
    }

    private static async Task<List<Summary>> StoredAsync(WalkWorld world)
    {
        var now = world.Clock.Peek;
        return [.. (await world.WithDbAsync(db => db.RoundProgress.AsNoTracking().ToListAsync())).OrderBy(p => p.RoundId).Select(p => Copy(p, now))];
    }

    /// <summary>Every summary deleted and written afresh by the backfill, then read back.</summary>
    private static async Task<List<Summary>> RewrittenAsync(WalkWorld world)
    {
        var before = await StoredAsync(world);
        await world.WithDbAsync(db => db.RoundProgress.ExecuteDeleteAsync());
        await world.WithDbAsync(db => db.BackfillRoundProgressAsync());
        var after = await StoredAsync(world);
        Assert.Equal(before.Count, after.Count);
        return after;
    }

    /// <summary>Checks every summary; returns how many had a deadline ahead (their rows compared) and how many a lapsed one.</summary>
    private static async Task<(int Ahead, int Lapsed)> SummariesAreWhatTheWorkflowSaysAsync(WalkWorld world)
    {
        var (ahead, lapsed) = (0, 0);
        var problems = await world.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<BargainingDbContext>();
            var engine = s.GetRequiredService<WorkflowEngine>();
            var statuses = s.GetRequiredService<RoundStatusReader>();
            var jurisdictions = s.GetRequiredService<JurisdictionCatalog>();
            var rounds = await db.Rounds.AsNoTracking().ToListAsync();
            var states = await engine.DescribeAsync([.. rounds.Select(r => r.WorkflowInstanceId)]);
            var summaries = await db.RoundProgress.AsNoTracking().ToDictionaryAsync(p => p.RoundId);
            var latest = rounds.GroupBy(r => r.EnterpriseId).Select(g => g.MaxBy(r => (r.CreatedAt, r.Id))!.Id).ToHashSet();
            var problems = new List<string>();
            foreach (var round in rounds)
            {
                var state = states[round.WorkflowInstanceId];
                var summary = summaries[round.Id];
                var time = jurisdictions[round.Jurisdiction].Time;
                var today = time.LocalDate(world.Clock.Peek);
                var overdue = RoundStages.Overdue(state, today);
                var stored = summary.OverdueFrom is { } from && time.LocalDate(from) <= today ? (summary.OverdueStep!, summary.OverdueLastDay!.Value) : ((string, DateOnly)?)null;
                if (summary.Stage != RoundStages.Of(state.Snapshot)) problems.Add($"{round.Id}: stage {summary.Stage}, the workflow says {RoundStages.Of(state.Snapshot)}");
                if (stored != overdue) problems.Add($"{round.Id} on {today}: overdue {stored}, the workflow says {overdue}");
                if (summary.Latest != latest.Contains(round.Id)) problems.Add($"{round.Id}: latest {summary.Latest}");
                // Before its earliest deadline a summary says what the list row shows; after it the lists describe the workflow.
                if (summary.DueAt <= world.Clock.Peek)
                {
                    lapsed++;
                    continue;
                }
                if (summary.DueAt is not null) ahead++;
                var (fromSummary, described) = (Shown(statuses.FromSummary(summary, round.Jurisdiction)), Shown(statuses.Read(round.Jurisdiction, state)));
                if (fromSummary != described) problems.Add($"{round.Id} on {today}: the summary shows {fromSummary}, the workflow {described}");
            }
            return problems;
        });
        Assert.Empty(problems);
        return (ahead, lapsed);
    }

    private static string Shown(RoundStatus s) =>
        $"{s.Stage} {s.Step} {s.LastDay} {s.DaysLate} [{string.Join(",", s.NextRoles)}] [{string.Join(",", s.NextActors)}] {s.CountyMayUrge}";

    /// <summary>
    /// Every row of the round list and the enterprise list shows what describing its round's workflow shows, as the
    /// lists did before the summaries held it; the round list is newest first.
    /// </summary>
    private static async Task RowsAreWhatTheWorkflowSaysAsync(WalkWorld world, CurrentUser user)
    {
        var rows = await AllAsync(world, user, new RoundListQuery());
        var enterprises = await world.SendAsync(new EnterpriseListQuery { PageSize = 200 }, user);
        var described = await world.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<BargainingDbContext>();
            var statuses = s.GetRequiredService<RoundStatusReader>();
            var rounds = await db.Rounds.AsNoTracking().ToListAsync();
            var states = await s.GetRequiredService<WorkflowEngine>().DescribeAsync([.. rounds.Select(r => r.WorkflowInstanceId)]);
            return rounds.ToDictionary(r => r.Id, r => (Round: r, Status: statuses.Read(r.Jurisdiction, states[r.WorkflowInstanceId])));
        });
        var role = RoundAccess.WorkflowRole(user.Role);
        foreach (var row in rows)
        {
            var (round, status) = described[row.RoundId];
            Assert.Equal((round.EnterpriseId, round.Kind, round.CreatedAt, status.Stage, status.Step, status.LastDay, status.DaysLate, string.Join(",", status.NextActors),
                    role is not null && status.NextRoles.Contains(role), role == WorkflowRoles.CountyUnion && status.CountyMayUrge),
                (row.EnterpriseId, row.Kind, row.CreatedAt, row.Stage, row.Step, row.LastDay, row.DaysLate, string.Join(",", row.NextActors), row.AwaitingMe, row.MayUrge));
        }
        Assert.Equal(rows.Select(r => r.CreatedAt).OrderDescending(), rows.Select(r => r.CreatedAt));
        foreach (var row in enterprises.Rows.Where(r => r.LatestRoundId is not null))
        {
            var (round, status) = described[row.LatestRoundId!.Value];
            Assert.Equal((round.EnterpriseId, round.Kind, status.Stage, status.Step, status.LastDay, status.DaysLate),
                (row.EnterpriseId, row.LatestKind!.Value, row.Stage!.Value, row.Step, row.LastDay, row.DaysLate));
        }
    }

    private static async Task FiguresAreThoseOfTheOldComputationAsync(WalkWorld world, WalkEnterprise county)
    {
        var dashboard = await world.SendAsync(new CityDashboardQuery(world.CampaignId), world.City.User);
        var (units, total) = await world.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<BargainingDbContext>();
            var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Kind).ThenBy(o => o.Code).ToListAsync();
            var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Units).SingleAsync(c => c.Id == world.CampaignId);
            var old = new InMemoryProgressFigures(db, s.GetRequiredService<WorkflowEngine>(), s.GetRequiredService<RoundWorkflow>());
            return await old.ComputeAsync([.. organisations.Where(o => o.Kind != OrganisationKind.City)], campaign.StartsOn,
                (organisations.Single(o => o.Kind == OrganisationKind.City), campaign.Units.Select(u => u.OrganisationId).ToHashSet()), CancellationToken.None);
        });
        foreach (var unit in units)
            SameFigures(unit, dashboard.Rows.Single(r => r.Progress.OrganisationId == unit.OrganisationId).Progress);
        SameFigures(total! with { Unit = "合计（参加单位）" }, dashboard.Totals.Progress);

        var instructor = county.Instructor.User;
        var mine = await world.SendAsync(new CountyProgressQuery(county.County.Id), instructor);
        var oldMine = await world.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<BargainingDbContext>();
            var old = new InMemoryProgressFigures(db, s.GetRequiredService<WorkflowEngine>(), s.GetRequiredService<RoundWorkflow>());
            return await old.ComputeForInstructorAsync(await db.Organisations.SingleAsync(o => o.Id == county.County.Id), instructor.UserId, CancellationToken.None);
        });
        SameFigures(oldMine, mine);
    }

    private static void SameFigures(UnitProgress old, UnitProgress now)
    {
        Assert.Equal(Comparable(old), Comparable(now));
        Assert.Equal(old.Overdue.Count, now.OverdueCount);
        Assert.Equal(old.Overdue.Take(ProgressFigures.OverduePage).Select(o => (o.DaysLate, o.Enterprise, o.Step, o.LastDay)), now.Overdue.Select(o => (o.DaysLate, o.Enterprise, o.Step, o.LastDay)));
        if (old.Overdue.Count <= ProgressFigures.OverduePage) Assert.Equal(old.Overdue.Select(o => o.RoundId).Order(), now.Overdue.Select(o => o.RoundId).Order());
    }

    private static readonly OverdueRound[] NoRounds = [];

    private static UnitProgress Comparable(UnitProgress p) => p with { Overdue = NoRounds, OverdueCount = 0 };

    /// <summary>The stage, overdue and awaiting filters select exactly the rows the unfiltered list describes so.</summary>
    private static async Task ListsFilterAsTheRowsSayAsync(WalkWorld world, CurrentUser user)
    {
        var all = await AllAsync(world, user, new RoundListQuery());
        Assert.Equal(all.Where(r => r.DaysLate is not null).Select(r => r.RoundId), (await AllAsync(world, user, new RoundListQuery { OverdueOnly = true })).Select(r => r.RoundId));
        Assert.Equal(all.Where(r => r.AwaitingMe).Select(r => r.RoundId), (await AllAsync(world, user, new RoundListQuery { AwaitingMe = true })).Select(r => r.RoundId));
        foreach (var stage in Enum.GetValues<RoundStage>())
            Assert.Equal(all.Where(r => r.Stage == stage).Select(r => r.RoundId), (await AllAsync(world, user, new RoundListQuery { Stage = stage })).Select(r => r.RoundId));

        var enterprises = await world.SendAsync(new EnterpriseListQuery { PageSize = 200 }, user);
        Assert.True(enterprises.Total <= 200, "the walk's enterprises fit one page");
        var overdue = await world.SendAsync(new EnterpriseListQuery { OverdueOnly = true, PageSize = 200 }, user);
        Assert.Equal(enterprises.Rows.Where(r => r.DaysLate is not null).Select(r => r.EnterpriseId), overdue.Rows.Select(r => r.EnterpriseId));
        Assert.Equal(overdue.Rows.Count, overdue.Total);
        foreach (var stage in Enum.GetValues<RoundStage>())
        {
            var atStage = await world.SendAsync(new EnterpriseListQuery { Stage = stage, PageSize = 200 }, user);
            Assert.Equal(enterprises.Rows.Where(r => r.Stage == stage).Select(r => r.EnterpriseId), atStage.Rows.Select(r => r.EnterpriseId));
            Assert.Equal(atStage.Rows.Count, atStage.Total);
        }
    }

    private static async Task<List<RoundListRow>> AllAsync(WalkWorld world, CurrentUser user, RoundListQuery query)
    {
        var rows = new List<RoundListRow>();
        for (var page = 1; ; page++)
        {
            var list = await world.SendAsync(query with { Page = page, PageSize = 50 }, user);
            rows.AddRange(list.Rows);
            if (rows.Count >= list.Total || list.Rows.Count == 0)
            {
                Assert.Equal(list.Total, rows.Count);
                return rows;
            }
        }
    }

    private sealed record Summary(Guid RoundId, Guid EnterpriseId, Guid OrganisationId, RoundStage Stage, bool Latest, DateOnly? OfferedOn, bool Replied, bool Met,
        string? WageRises, DateTimeOffset? OverdueFrom, string? OverdueStep, DateOnly? OverdueLastDay, string AwaitedRoles, DateTimeOffset? DueAt,
        DateTimeOffset CreatedAt, string Step, DateOnly? LastDay, string NextActors, bool CountyMayUrge);

    /// <summary>
    /// A summary as a value. Who may act stands only until the earliest deadline (the lists decide on the workflow
    /// after it), so past it it is left out of the comparison.
    /// </summary>
    private static Summary Copy(RoundProgress p, DateTimeOffset now) => new(p.RoundId, p.EnterpriseId, p.OrganisationId, p.Stage, p.Latest, p.OfferedOn,
        p.Replied, p.Met, p.WageRises, p.OverdueFrom, p.OverdueStep, p.OverdueLastDay, p.DueAt <= now ? "(past the deadline)" : p.AwaitedRoles, p.DueAt,
        p.CreatedAt, p.Step, p.LastDay, p.DueAt <= now ? "(past the deadline)" : p.NextActors, p.DueAt > now && p.CountyMayUrge);
}
