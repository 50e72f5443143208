using Bargaining.Documents.Printing;
using Bargaining.Domain;
using Bargaining.Features.Campaigns;
using Bargaining.Features.Organisations;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Testing;
using Bargaining.Tests.Features.Rounds;
using Bargaining.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Tests.Features.Campaigns;

public sealed class CampaignTests : RoundScenario
{
    private CurrentUser City => new("u-city", "盐城市总工会 权益保障部", Role.CityAdministrator, Yandu.ParentId!.Value);

    /// <summary>Spring 2026: 3 March to 31 March, Yandu only.</summary>
    private Task<Guid> SpringAsync() =>
        Host.SendAsync(new CreateCampaignCommand("2026年春季集中要约行动", new(2026, 3, 3), new(2026, 3, 31), [Yandu.Id], 90, 80, 10_000), City);

    [Fact]
    public async Task The_city_union_creates_a_campaign_with_its_window_units_and_targets()
    {
        var id = await SpringAsync();

        var campaign = await Host.WithDbAsync(db => db.Campaigns.Include(c => c.Units).SingleAsync(c => c.Id == id));
        Assert.Equal((new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 31)), (campaign.StartsOn, campaign.EndsOn));
        Assert.Equal(Yandu.Id, Assert.Single(campaign.Units).OrganisationId);
        Assert.Equal((90m, 80m, 10_000), (campaign.OfferRateTarget, campaign.SigningRateTarget, campaign.WorkersCoveredTarget));
    }

    [Fact]
    public async Task A_county_cannot_create_a_campaign()
    {
        var e = await RefusedAsync(() => Host.SendAsync(new CreateCampaignCommand("盐都区行动", new(2026, 3, 3), new(2026, 3, 31), [Yandu.Id], 90, 80, 0), YanduStaff), FailureKind.Forbidden);
        Assert.Contains("市总工会", e.Message);
    }

    [Theory]
    [InlineData(2026, 3, 3, 90, 80, "结束日期应晚于开始日期")]
    [InlineData(2026, 3, 2, 90, 80, "结束日期应晚于开始日期")]
    [InlineData(2026, 3, 31, 100.01, 80, "要约率目标应在0%至100%之间")]
    [InlineData(2026, 3, 31, 90, -1, "签订率目标应在0%至100%之间")]
    public async Task A_campaign_needs_an_end_after_its_start_and_targets_between_0_and_100(int year, int month, int day, double offerRate, double signingRate, string message)
    {
        var e = await RefusedAsync(() => Host.SendAsync(new CreateCampaignCommand("春季行动", new(2026, 3, 3), new(year, month, day), [Yandu.Id], (decimal)offerRate, (decimal)signingRate, 0), City), FailureKind.Validation);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public async Task Targets_of_0_and_100_are_allowed_and_the_city_itself_is_no_participant()
    {
        await Host.SendAsync(new CreateCampaignCommand("春季行动", new(2026, 3, 3), new(2026, 3, 4), [Yandu.Id], 0, 100, 0), City);
        await RefusedAsync(() => Host.SendAsync(new CreateCampaignCommand("春季行动", new(2026, 3, 3), new(2026, 3, 4), [Yandu.ParentId!.Value], 0, 100, 0), City), FailureKind.Rule);
    }

    [Theory]
    [InlineData(2, OfferMode.Dispersed)]
    [InlineData(3, OfferMode.Centralised)]
    [InlineData(31, OfferMode.Centralised)]
    [InlineData(32, OfferMode.Dispersed)]
    public async Task An_offer_counts_as_centralised_from_the_first_to_the_last_day_of_the_window(int marchDay, OfferMode mode)
    {
        var campaign = await SpringAsync();
        await Host.AdvanceToAsync(China.At(2026, 3, 1, 10).AddDays(marchDay - 1));

        var round = await OfferedAsync();

        var stored = await RoundAsync(round);
        Assert.Equal(mode, stored.Offer.Mode);
        Assert.Equal(mode == OfferMode.Centralised ? campaign : null, stored.Offer.CampaignId);
    }

    [Fact]
    public async Task An_offer_in_the_window_of_a_unit_not_taking_part_is_dispersed()
    {
        await Host.SendAsync(new CreateCampaignCommand("亭湖区参加的行动", new(2026, 3, 1), new(2026, 3, 31), [Tinghu.Id], 90, 80, 0), City);

        Assert.Equal(OfferMode.Dispersed, (await RoundAsync(await OfferedAsync())).Offer.Mode);
    }

    [Fact]
    public async Task A_county_launches_the_offers_of_its_enterprises_and_is_told_which_were_refused_and_why()
    {
        await SpringAsync();
        await Host.AdvanceToAsync(China.At(2026, 3, 3, 9));
        var second = await AddEnterpriseAsync(Yandu, "盐城华宇纺织有限公司", 2, 150);
        var noUnion = await AddEnterpriseAsync(Yandu, "盐城小微电子有限公司", 3, 40, union: false);
        var busy = await AddEnterpriseAsync(Yandu, "盐城东方食品有限公司", 4, 80);
        await Host.SendAsync(new StartRoundCommand(busy.Id, RoundKind.Wage, Procedure.Ordinary, Side.Worker), YanduStaff);

        var report = await Host.SendAsync(new LaunchCampaignOffersCommand([Hengda.Id, noUnion.Id, second.Id, busy.Id], RoundKind.Wage, [WageRise(6)], Today, 3), YanduStaff);

        Assert.Equal([Hengda.Name, second.Name], report.Launched.Select(l => l.Enterprise));
        Assert.All(report.Launched, l => Assert.Equal(OfferMode.Centralised, l.Mode));
        Assert.Equal([("launch.no-union", noUnion.Name), ("launch.round-running", busy.Name)], report.Refused.Select(r => (r.Code, r.Enterprise)));
        Assert.Contains("尚未建立工会", report.Refused[0].Reason);
        foreach (var launched in report.Launched)
        {
            await Host.AssertAtAsync(launched.RoundId, "employer-reply");
            Assert.Single(await TopicsAsync(launched.RoundId));
        }
        Assert.Equal(3, await CountAsync<Round>());
        Assert.False(await Host.WithDbAsync(db => db.Rounds.AnyAsync(r => r.EnterpriseId == noUnion.Id)));
    }

    [Fact]
    public async Task A_refusal_of_the_offer_itself_rolls_back_only_that_enterprise()
    {
        var second = await AddEnterpriseAsync(Yandu, "盐城华宇纺织有限公司", 2, 150);

        var report = await Host.SendAsync(new LaunchCampaignOffersCommand([Hengda.Id, second.Id], RoundKind.Wage, [WageRise(6)], Today.AddDays(1)), YanduStaff);

        Assert.Empty(report.Launched);
        Assert.All(report.Refused, r => Assert.Equal("offer.received-in-future", r.Code));
        Assert.Equal(0, await CountAsync<Round>());
        Assert.Equal(0, await CountAsync<Topic>());
    }

    [Fact]
    public async Task A_county_cannot_launch_for_an_enterprise_of_another_county_and_nothing_is_written()
    {
        var tinghuFirm = await AddEnterpriseAsync(Tinghu, "盐城亭湖机电有限公司", 5, 200);

        var e = await RefusedAsync(() => Host.SendAsync(new LaunchCampaignOffersCommand([Hengda.Id, tinghuFirm.Id], RoundKind.Wage, [WageRise(6)], Today), YanduStaff), FailureKind.Forbidden);

        Assert.Contains("1 家不属于本单位", e.Message);
        Assert.DoesNotContain(tinghuFirm.Name, e.Message);   // another county's enterprise is counted, never named
        Assert.Equal(0, await CountAsync<Round>());
    }

    [Fact]
    public async Task Only_county_staff_launch_offers_in_bulk_and_the_request_must_name_enterprises_and_topics()
    {
        await RefusedAsync(() => Host.SendAsync(new LaunchCampaignOffersCommand([Hengda.Id], RoundKind.Wage, [WageRise(6)], Today), Chair), FailureKind.Forbidden);
        var e = await RefusedAsync(() => Host.SendAsync(new LaunchCampaignOffersCommand([], RoundKind.Wage, [], Today), YanduStaff), FailureKind.Validation);
        Assert.Contains("请至少选择一家企业", e.Message);
        Assert.Contains("至少应提出一项协商议题", e.Message);
    }
}

/// <summary>
/// A bulk launch against the reference of launching one by one (<see cref="OneByOneLaunch"/>): the same enterprises,
/// refusals and clock on two databases, every row compared with the ids that differ between them left out.
/// </summary>
public sealed partial class LargeLaunchTests
{
    /// <summary>Three batches of the bulk handler, the last one short.</summary>
    private const int Size = 2 * LaunchCampaignOffersHandler.Batch + 100;

    private sealed record Launch(List<string> Report, List<string> Rows, List<BatchProgress> Progress, long Stamp);

    /// <summary>A county of <see cref="Size"/> enterprises in a campaign, some without a union, some with a wage round running, launched at once.</summary>
    private static async Task<Launch> LaunchAsync(bool oneByOne)
    {
        await using var host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));
        await host.ImportOrganisationsAsync();
        var yandu = await host.WithDbAsync(db => db.Organisations.SingleAsync(o => o.Code == "320903"));
        var staff = new CurrentUser("u-yandu", "盐都区总工会 张敏", Role.CountyStaff, yandu.Id);
        await host.SendAsync(new CreateCampaignCommand("2026年春季集中要约行动", new(2026, 3, 3), new(2026, 3, 31), [yandu.Id], 90, 80, 10_000),
            new CurrentUser("u-city", "盐城市总工会", Role.CityAdministrator, yandu.ParentId!.Value));
        var csv = new System.Text.StringBuilder(string.Join(",", EnterpriseFile.Columns) + "\n");
        for (var i = 0; i < Size; i++)
        {
            var code = $"91320903MA{i:D7}";
            var union = i % 50 == 7 ? "," : $"盐城测试{i:D3}机械有限公司工会委员会,职工{i}";
            csv.Append(FormattableString.Invariant($"盐城测试{i:D3}机械有限公司,{code}{CreditCode.CheckCharacter(code)},制造业,私营企业,{50 + i},{20 + i % 30},{union}\n"));
        }
        var imported = await host.SendAsync(new ImportEnterprisesCommand(yandu.Id, "盐都区企业名单.csv", System.Text.Encoding.UTF8.GetBytes(csv.ToString())), staff);
        Assert.Equal(Size, imported.Imported);
        var ids = await host.WithDbAsync(db => db.Enterprises.AsNoTracking().OrderBy(e => e.CreditCode).Select(e => e.Id).ToListAsync());
        foreach (var busy in ids.Where((_, i) => i % 97 == 11))
            await host.SendAsync(new StartRoundCommand(busy, RoundKind.Wage, Procedure.Ordinary, Side.Worker), staff);
        await host.AdvanceToAsync(China.At(2026, 3, 3, 9));

        var progress = new Collected<BatchProgress>();
        var command = new LaunchCampaignOffersCommand(ids, RoundKind.Wage, [new TopicProposal(TopicCatalog.Pay, "职工年平均工资增长6%", 6, "%"), new TopicProposal("working-hours", "每周工作40小时")],
            new DateOnly(2026, 3, 3), 3, Progress: progress);
        var report = oneByOne ? await OneByOneLaunch.LaunchAsync(host.Services, command, staff) : await host.SendAsync(command, staff);

        var rows = new List<string>();
        var rounds = (await host.WithDbAsync(db => db.Rounds.AsNoTracking().Join(db.Enterprises, r => r.EnterpriseId, e => e.Id, (r, e) => new { e.CreditCode, Round = r }).ToListAsync()))
            .OrderBy(x => x.CreditCode, StringComparer.Ordinal).ThenBy(x => x.Round.CreatedAt).ToList();
        var topics = await host.WithDbAsync(db => db.Topics.AsNoTracking().Include(t => t.Positions).ToListAsync());
        var summaries = await host.WithDbAsync(db => db.RoundProgress.AsNoTracking().ToDictionaryAsync(p => p.RoundId));
        var instances = await host.WithDbAsync(db => db.Set<WorkflowInstanceRecord>().AsNoTracking().ToDictionaryAsync(i => i.Id));
        var timers = await host.WithDbAsync(db => db.Set<WorkflowTimerRecord>().AsNoTracking().ToListAsync());
        foreach (var x in rounds)
        {
            var r = x.Round;
            var journal = await host.WithEngineAsync(e => e.JournalAsync(r.WorkflowInstanceId));
            var verified = await host.WithEngineAsync(e => e.VerifyJournalAsync(r.WorkflowInstanceId));
            Assert.True(verified.Valid, verified.Problem);
            var instance = instances[r.WorkflowInstanceId];
            string[] described = [
                $"round {x.CreditCode} {r.Kind} {r.Procedure} {r.Jurisdiction} {r.Running} {r.CreatedAt:O} {r.OfferingSide}",
                $"offer {r.Offer.MadeAt:O} {r.Offer.ReceivedOn} {r.Offer.Mode} {r.Offer.CampaignId is not null} {r.Offer.ReplyDueOn} {r.Offer.RepresentativesPerSide}",
                .. topics.Where(t => t.RoundId == r.Id).OrderBy(t => t.Code)
                    .Select(t => $"topic {t.Code} {t.Title} {t.Status} {string.Join(";", t.Positions.Select(p => $"{p.Sequence} {p.Kind} {p.Side} {p.Clause} {p.Number}{p.Unit} {p.At:O} {p.By}"))}"),
                $"instance {instance.DefinitionId} v{instance.DefinitionVersion} {instance.Jurisdiction} {instance.BusinessKey == r.Id.ToString()} {instance.Status} {instance.Outcome} r{instance.Revision} #{instance.JournalSequence} {instance.CreatedAt:O} {instance.UpdatedAt:O} {instance.State}",
                .. journal.Select(j => $"journal {j.Sequence} {j.Kind} {j.Node} {j.Signal} {j.Actor} {j.Role} {j.IdempotencyKey} {j.At:O} {j.Moves} {j.Payload} {j.Result}"),
                .. timers.Where(t => t.InstanceId == r.WorkflowInstanceId).OrderBy(t => t.DueAt).ThenBy(t => t.Node).Select(t => $"timer {t.Node} {t.DueAt:O}"),
                $"summary {System.Text.Json.JsonSerializer.Serialize(summaries[r.Id])}",
            ];
            rows.AddRange(described.Select(d => Guids().Replace(d, "<id>")));
        }
        var stamp = await host.WithDbAsync(db => db.UnitProgressStamps.Where(s => s.OrganisationId == yandu.Id).Select(s => s.Stamp).SingleAsync());
        return new Launch(
            [.. report.Launched.Select(l => $"{l.Enterprise} {l.Mode}"), .. report.Refused.Select(r => $"{r.Enterprise} {r.Code} {r.Reason}")],
            rows, progress.Values, stamp);
    }

    [System.Text.RegularExpressions.GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial System.Text.RegularExpressions.Regex Guids();

    /// <summary>Reports collected as they come (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
    private sealed class Collected<T> : IProgress<T>
    {
        public List<T> Values { get; } = [];
        public void Report(T value) => Values.Add(value);
    }

    [Fact]
    public async Task A_bulk_launch_writes_the_same_rounds_topics_journals_timers_and_summaries_as_launching_one_by_one()
    {
        var bulk = await LaunchAsync(oneByOne: false);
        var reference = await LaunchAsync(oneByOne: true);

        Assert.Equal(reference.Report, bulk.Report);
        Assert.Contains(bulk.Report, r => r.Contains("launch.no-union", StringComparison.Ordinal));
        Assert.Contains(bulk.Report, r => r.Contains("launch.round-running", StringComparison.Ordinal));
        Assert.Equal(reference.Rows.Count, bulk.Rows.Count);
        for (var i = 0; i < bulk.Rows.Count; i++) Assert.Equal(reference.Rows[i], bulk.Rows[i]);
        Assert.True(bulk.Stamp > 0 && reference.Stamp > 0, "the unit's stamp moved with its summaries");
    }

    [Fact]
    public async Task A_bulk_launch_reports_its_progress_after_each_batch()
    {
        var launch = await LaunchAsync(oneByOne: false);

        var batch = LaunchCampaignOffersHandler.Batch;
        Assert.Equal([batch, 2 * batch, Size], launch.Progress.Select(p => p.Done));
        Assert.All(launch.Progress, p => Assert.Equal(Size, p.Total));
        Assert.Equal($"已发出要约 {launch.Report.Count(r => !r.Contains("launch.", StringComparison.Ordinal))} 家，未发出 {launch.Report.Count(r => r.Contains("launch.", StringComparison.Ordinal))} 家", launch.Progress[^1].Contract);
    }
}
