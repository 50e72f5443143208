using System.Text.Json.Nodes;
using Bargaining.Domain;
using Bargaining.Features.Rounds.Coordination;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Renewal;
using Bargaining.Features.Rounds.Representatives;

namespace Bargaining.Tests.Features.Rounds;

// Messages cite the periods of the round's jurisdiction profile, not the national numbers: here Jiangsu is given a
// 30-day vacancy period (Art 31), a 20-day coordination extension (Art 53) and a 2-month renewal window (Art 38).
public sealed class StatutoryPeriodMessagesTests : RoundScenario, IDisposable
{
    private readonly WorkflowsCopy _workflows = new();

    public StatutoryPeriodMessagesTests() =>
        _workflows.Edit("jurisdictions/jiangsu.json", p => p["periods"] = new JsonObject
        {
            ["vacancyDays"] = new JsonObject { ["duration"] = "P30D" },
            ["coordinationExtensionDays"] = new JsonObject { ["duration"] = "P20D" },
            ["renewalWindow"] = new JsonObject { ["duration"] = "P2M" },
        });

    protected override string? WorkflowsDirectory => _workflows.Directory;

    public void Dispose() => _workflows.Dispose();

    [Fact]
    public async Task A_side_naming_its_list_again_is_told_the_profiles_vacancy_period()
    {
        var round = await AcceptedAsync();
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Worker, WorkerSide()), Chair);

        var e = await RefusedAsync(() => Host.SendAsync(new NameRepresentativesCommand(round, Side.Worker, WorkerSide()), Chair), FailureKind.Conflict);

        Assert.Contains("应在30日内另行产生", e.Message);
    }

    [Fact]
    public async Task A_second_extension_is_refused_citing_the_profiles_longest_extension()
    {
        var coordinator = new CurrentUser("u-coord", "盐都区人社局 协调处理 孙平", Role.Coordinator, Yandu.Id);
        var round = await OfferedAsync();
        await Host.SendAsync(new ReplyToOfferCommand(round, Accept: false, Reason: "经营困难"), Employer);
        await Host.SendAsync(new ApplyForCoordinationCommand(round, Side.Worker, "企业方以经营困难为由拒绝工资协商"), Chair);
        await Host.SendAsync(new ExtendCoordinationCommand(round, "需进一步核实企业经营数据"), coordinator);

        var e = await RefusedAsync(() => Host.SendAsync(new ExtendCoordinationCommand(round, "再延长"), coordinator), FailureKind.Rule);

        Assert.Contains("延长期限不得超过20日", e.Message);
    }

    [Fact]
    public async Task A_renewal_offer_before_the_window_is_refused_citing_the_profiles_window()
    {
        var current = await FiledAsync();
        await Host.AdvanceToAsync(China.At(2026, 3, 18, 9));
        var renewal = await Host.SendAsync(new StartRenewalCommand(current, new DateOnly(2027, 5, 31), Side.Worker), Chair);
        await Host.AdvanceToAsync(China.At(2027, 1, 4, 9));

        var e = await RefusedAsync(() => Host.SendAsync(new MakeOfferCommand(renewal, [], Today), Chair), FailureKind.Rule);

        Assert.Contains("期满前2个月内", e.Message);
        Assert.Contains("2027年3月31日", e.Message);
    }
}
