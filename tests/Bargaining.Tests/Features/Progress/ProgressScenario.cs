using Bargaining.Domain;
using Bargaining.Features.Campaigns;
using Bargaining.Features.Progress;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Features.Rounds.Filing;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Representatives;
using Bargaining.Features.Rounds.Signing;
using Bargaining.Features.Rounds.Table;
using Bargaining.Tests.Features.Rounds;

namespace Bargaining.Tests.Features.Progress;

/// <summary>
/// Spring 2026 for 盐都区 and 亭湖区 (2–31 March; targets: offers 90 %, signing 50 %). On 2 March Yandu launches four
/// wage offers; three end in effective contracts (6 %, 3 %, 8 %), one is never answered. On 25 March it launches
/// five more and brings them to replied, bargaining, signed and filed; Tinghu offers for one of its two enterprises.
/// </summary>
public abstract class ProgressScenario : RoundScenario
{
    protected CurrentUser City => new("u-city", "盐城市总工会 权益保障部", Role.CityAdministrator, Yandu.ParentId!.Value);

    /// <summary>The spring campaign.</summary>
    protected Guid Campaign { get; private set; }
    /// <summary>The round whose offer is never answered.</summary>
    protected Guid Silent { get; private set; }
    /// <summary>Its missed last day.</summary>
    protected DateOnly SilentLastDay { get; private set; }
    /// <summary>Each scenario enterprise's round by enterprise name.</summary>
    protected Dictionary<string, Guid> RoundOf { get; } = [];

    protected async Task ScenarioAsync()
    {
        Campaign = await Host.SendAsync(new CreateCampaignCommand("2026年春季集中要约行动", new(2026, 3, 2), new(2026, 3, 31), [Yandu.Id, Tinghu.Id], 90, 50, 1000), City);
        var f = await AddEnterpriseAsync(Yandu, "盐城丰源化工有限公司", 2, 200);
        var g = await AddEnterpriseAsync(Yandu, "盐城广利物流有限公司", 3, 100);
        var silent = await AddEnterpriseAsync(Yandu, "盐城沉默五金有限公司", 4, 60);
        var early = await LaunchAsync(YanduStaff, Hengda, f, g, silent);
        Silent = early[silent.Id];
        SilentLastDay = (await Host.StepAsync(Silent, "employer-reply")).LastDay!.Value;
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

    protected async Task<Dictionary<Guid, Guid>> LaunchAsync(CurrentUser staff, params Enterprise[] enterprises)
    {
        var report = await Host.SendAsync(new LaunchCampaignOffersCommand([.. enterprises.Select(e => e.Id)], RoundKind.Wage, [WageRise(6)], Today, 3), staff);
        Assert.Empty(report.Refused);
        foreach (var launched in report.Launched) RoundOf[enterprises.Single(e => e.Id == launched.EnterpriseId).Name] = launched.RoundId;
        return report.Launched.ToDictionary(l => l.EnterpriseId, l => l.RoundId);
    }

    protected async Task AcceptedAndNamedAsync(Enterprise e, Guid round)
    {
        await Host.SendAsync(new ReplyToOfferCommand(round, Accept: true), EmployerOf(e));
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Worker, [Member(e.ChairName!, chief: true), Member("职工代表1"), Member("职工代表2")]), ChairOf(e));
        await Host.SendAsync(new NameRepresentativesCommand(round, Side.Employer, EmployerSide(), LegalRepresentative: "李明"), EmployerOf(e));
    }

    protected async Task AtTheTableAsync(Enterprise e, Guid round)
    {
        await AcceptedAndNamedAsync(e, round);
        await Host.SendAsync(new ScheduleMeetingCommand(round, Side.Worker, Today, "公司工会会议室", Side.Worker, "张丽"), ChairOf(e));
    }

    /// <summary>Agreed at <paramref name="rise"/> %, adopted by the congress and signed by both chiefs today.</summary>
    protected async Task ToSignedAsync(Enterprise e, Guid round, decimal rise)
    {
        await AtTheTableAsync(e, round);
        var pay = Assert.Single(await TopicsAsync(round)).Id;
        if (rise == 6) await Host.SendAsync(new AgreeTopicCommand(pay, Side.Employer), EmployerOf(e));
        else
        {
            await Host.SendAsync(new CounterProposeCommand(pay, Side.Employer, $"职工年平均工资增长{rise}%", rise, "%"), EmployerOf(e));
            await Host.SendAsync(new AgreeTopicCommand(pay, Side.Worker), ChairOf(e));
        }
        await Host.SendAsync(new RecordMeetingCommand(round, Side.Worker, "双方就职工年平均工资增长幅度进行协商"), ChairOf(e));
        await Host.SendAsync(new ConcludeCommand(round, Side.Worker), ChairOf(e));
        await Host.SendAsync(new ConcludeCommand(round, Side.Employer), EmployerOf(e));
        await AgreeTermAsync(round, ChairOf(e));
        await Host.SendAsync(AdoptingVote(round, e), ChairOf(e));
        await Host.SendAsync(new SignCommand(round, Side.Worker), ChairOf(e));
        await Host.SendAsync(new SignCommand(round, Side.Employer), EmployerOf(e));
    }
}
