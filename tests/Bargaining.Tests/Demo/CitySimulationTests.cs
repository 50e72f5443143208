using Bargaining.Demo;
using Bargaining.Domain;
using Bargaining.Features.Progress;
using Bargaining.Features.Rounds;
using Bargaining.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Tests.Demo;

public sealed class CitySimulationTests
{
    private const int Size = 60;

    [Fact]
    public async Task A_simulated_campaign_offers_to_every_enterprise_ends_in_a_plausible_mix_and_the_dashboard_counts_what_the_database_holds()
    {
        await using var host = await BargainingHost.StartAsync(YanchengDemo.Start);
        var result = await new CitySimulation(host.Services, host.Clock).RunAsync(Size, seed: 7);
        var dashboard = await host.SendAsync(new CityDashboardQuery(result.CampaignId), new CurrentUser("u-city", "市总工会", Role.CityAdministrator, result.CityId));

        var enterprises = await host.WithDbAsync(db => db.Enterprises.AsNoTracking().ToListAsync());
        var rounds = await host.WithDbAsync(db => db.Rounds.AsNoTracking().ToListAsync());
        var rises = await host.WithDbAsync(db => db.Topics.AsNoTracking().Include(t => t.Positions)
            .Where(t => t.Code == TopicCatalog.Pay && t.Status == TopicStatus.Agreed).ToListAsync());
        var meetings = await host.WithDbAsync(db => db.Meetings.AsNoTracking().Where(m => m.SupersededAt == null).GroupBy(m => m.RoundId)
            .Select(g => new { RoundId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.RoundId, g => g.Count));
        var workflows = await host.WithEngineAsync(e => e.DescribeAsync([.. rounds.Select(r => r.WorkflowInstanceId)]));
        bool IsEffective(Round r) => workflows[r.WorkflowInstanceId].Snapshot is var s
            && (s.Outcome == FormerOutcomes.Effective || s.Steps.Any(step => step.Node is Nodes.Effective or Nodes.Published));
        var effective = rounds.Where(IsEffective).ToList();

        // Every enterprise got its offer, in one round each, and the commands went through the pipeline.
        Assert.Equal(Size, enterprises.Count);
        Assert.Equal(Size, result.Rounds);
        Assert.Equal(enterprises.Select(e => e.Id).Order(), rounds.Where(r => r.Offer.MadeAt is not null).Select(r => r.EnterpriseId).Order());
        Assert.True(result.Commands > 15 * Size, $"{result.Commands} commands");

        // The mix: most contracts in effect, a few refusals and silences; every meeting count from one to seven
        // (five, plus one after a rejection and one after an objection); every agreed rise from 3 % to 9 %.
        Assert.Equal(result.Outcomes[SimulatedOutcome.Effective], effective.Count);
        Assert.InRange(effective.Count, Size * 8 / 10, Size);
        Assert.Equal(Size, result.Outcomes.Values.Sum());
        Assert.All(effective, r => Assert.InRange(meetings.GetValueOrDefault(r.Id), 1, 7));
        Assert.Equal(result.Meetings, meetings.Values.Sum());
        var effectiveRises = rises.Where(t => effective.Any(r => r.Id == t.RoundId)).Select(t => t.Last.Number!.Value).ToList();
        Assert.Equal(effective.Count, effectiveRises.Count);
        Assert.All(effectiveRises, rise => Assert.InRange(rise, 3m, 9m));
        var reopened = (await host.WithDbAsync(db => db.Topics.AsNoTracking().Include(t => t.Positions).Where(t => t.Code == TopicCatalog.Pay).ToListAsync()))
            .SelectMany(t => t.Positions).Where(p => p.Kind == PositionKind.Reopening).ToList();
        Assert.Equal(result.CongressRejections, reopened.Count(p => p.Clause.StartsWith("职工代表大会未通过", StringComparison.Ordinal)));
        Assert.Equal(result.ReviewObjections, rounds.Count(r => r.Review.ObjectedAt is not null));
        Assert.InRange(result.CongressRejections + result.ReviewObjections, 1, Size / 5);

        // Topics beyond pay: proposed at the table, then agreed or withdrawn before the contract took effect.
        var topics = await host.WithDbAsync(db => db.Topics.AsNoTracking().ToListAsync());
        Assert.Contains(topics, t => t.Code == TopicCatalog.Custom);
        Assert.Contains(topics, t => t.Status == TopicStatus.Withdrawn);
        Assert.All(topics.Where(t => effective.Any(r => r.Id == t.RoundId)), t => Assert.NotEqual(TopicStatus.Open, t.Status));

        // The dashboard's totals are the database's counts.
        var total = dashboard.Totals.Progress;
        Assert.Equal(enterprises.Count, total.Enterprises);
        Assert.Equal(enterprises.Sum(e => e.Employees), total.Workers);
        Assert.Equal(Size, total.EnterprisesOffered);
        Assert.Equal(effective.Count, total.Stages.Effective);
        Assert.Equal(enterprises.Where(e => effective.Any(r => r.EnterpriseId == e.Id)).Sum(e => e.Employees), total.WorkersCovered);
        Assert.Equal(Math.Round(effectiveRises.Average(), 2), total.AverageWageRise);
        Assert.Equal(result.Outcomes[SimulatedOutcome.NeverReplied], dashboard.Totals.OverdueCount);
        Assert.Equal(Size, dashboard.Rows.Sum(r => r.Progress.Enterprises));

        // No running round is left without someone who may act on it.
        foreach (var round in rounds.Where(r => r.Running))
            Assert.NotEmpty(workflows[round.WorkflowInstanceId].Awaiting.SelectMany(a => a.Roles));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_campaign()
    {
        async Task<(SimulationResult Result, List<(string, int, string?)> Outcomes)> RunAsync()
        {
            await using var host = await BargainingHost.StartAsync(YanchengDemo.Start);
            var result = await new CitySimulation(host.Services, host.Clock).RunAsync(24, seed: 11);
            var outcomes = await host.WithDbAsync(db => db.Rounds.AsNoTracking().Join(db.Enterprises, r => r.EnterpriseId, e => e.Id, (r, e) => new { e.CreditCode, e.Employees, r.WorkflowInstanceId })
                .Join(db.Set<Bargaining.Workflows.Persistence.WorkflowInstanceRecord>(), x => x.WorkflowInstanceId, i => i.Id, (x, i) => new { x.CreditCode, x.Employees, i.Outcome })
                .OrderBy(x => x.CreditCode).ToListAsync());
            return (result, [.. outcomes.Select(o => (o.CreditCode, o.Employees, o.Outcome))]);
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first.Outcomes, second.Outcomes);
        Assert.Equal((first.Result.Commands, first.Result.TimersFired, first.Result.Meetings, first.Result.EndedAt),
            (second.Result.Commands, second.Result.TimersFired, second.Result.Meetings, second.Result.EndedAt));
    }
}
