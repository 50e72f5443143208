using Bargaining.Domain;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds;
using Bargaining.Persistence;
using Bargaining.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Tests.Features.Rounds.Offer;

public sealed class StartRoundTests : RoundScenario
{
    [Fact]
    public async Task County_staff_start_a_wage_round_and_its_workflow_waits_for_the_unions_offer()
    {
        var id = await StartAsync();

        var round = await RoundAsync(id);
        Assert.Equal((RoundKind.Wage, Procedure.Ordinary, Side.Worker, "jiangsu"), (round.Kind, round.Procedure, round.OfferingSide, round.Jurisdiction));
        Assert.Equal(Host.Clock.GetUtcNow(), round.CreatedAt);
        await Host.AssertAtAsync(round.WorkflowInstanceId, "union-offer");
    }

    [Fact]
    public async Task An_employer_may_start_a_round_it_offers_and_the_workflow_waits_for_the_employers_offer()
    {
        var id = await Host.SendAsync(new StartRoundCommand(Hengda.Id, RoundKind.Comprehensive, Procedure.Ordinary, Side.Employer), Employer);

        await Host.AssertAtAsync(id, "employer-offer");
    }

    [Fact]
    public async Task A_union_chair_starts_a_simplified_round()
    {
        var id = await Host.SendAsync(new StartRoundCommand(Hengda.Id, RoundKind.HighTemperature, Procedure.Simplified, Side.Worker), Chair);

        Assert.Equal("simplified-procedure", (await Host.SnapshotAsync(id)).DefinitionId);
    }

    [Fact]
    public async Task An_employer_offer_under_the_simplified_procedure_is_refused_and_nothing_is_written()
    {
        var e = await RefusedAsync(() => StartAsync(Procedure.Simplified, offeringSide: Side.Employer), FailureKind.Rule);

        Assert.Contains("简易程序由企业工会发出要约", e.Message);
        Assert.Equal((0, 0), (await CountAsync<Round>(), await CountAsync<WorkflowInstanceRecord>()));
    }

    [Fact]
    public async Task Staff_of_another_county_may_not_start_a_round_and_nothing_is_written()
    {
        var e = await RefusedAsync(() => Host.SendAsync(new StartRoundCommand(Hengda.Id, RoundKind.Wage, Procedure.Ordinary, Side.Worker), TinghuStaff), FailureKind.Forbidden);

        Assert.Contains("您无权为该企业发起集体协商", e.Message);
        Assert.DoesNotContain("盐城恒达精密机械有限公司", e.Message); // another county's staff do not learn whose id it is
        Assert.Equal((0, 0), (await CountAsync<Round>(), await CountAsync<WorkflowInstanceRecord>()));
    }

    [Fact]
    public async Task An_employer_representative_may_not_start_a_round_in_the_unions_name()
    {
        var e = await RefusedAsync(() => Host.SendAsync(new StartRoundCommand(Hengda.Id, RoundKind.Wage, Procedure.Ordinary, Side.Worker), Employer), FailureKind.Forbidden);

        Assert.Contains("只有本企业工会主席可以代表职工方", e.Message);
    }

    [Fact]
    public async Task An_unknown_jurisdiction_is_refused_naming_the_known_ones()
    {
        var e = await RefusedAsync(() => Host.SendAsync(new StartRoundCommand(Hengda.Id, RoundKind.Wage, Procedure.Ordinary, Side.Worker, "zhejiang"), YanduStaff), FailureKind.Validation);

        Assert.Contains("jiangsu", e.Message);
    }

    [Fact]
    public async Task A_second_round_of_a_kind_is_refused_naming_the_running_ones_stage_while_another_kind_may_start()
    {
        var first = await OfferedAsync();

        var e = await RefusedAsync(() => StartAsync(), FailureKind.Conflict);

        Assert.Equal("round.running", e.Code);
        Assert.Contains("工资专项集体合同", e.Message);
        Assert.Contains("已要约", e.Message);
        Assert.Contains("企业方书面回应", e.Message);
        Assert.Equal(1, await CountAsync<Round>());
        await StartAsync(kind: RoundKind.Comprehensive);
        Assert.True((await RoundAsync(first)).Running);
    }

    [Fact]
    public async Task Once_the_running_round_has_ended_a_new_one_of_its_kind_may_start()
    {
        var first = await OfferedAsync();
        await Host.SendAsync(new ReplyToOfferCommand(first, Accept: false, Reason: "企业正在进行破产重整"), Employer);
        await Host.SendAsync(new WithdrawOfferCommand(first, Side.Worker, "待重整结束后再行要约"), Chair);

        Assert.False((await RoundAsync(first)).Running);
        var second = await StartAsync();
        Assert.True((await RoundAsync(second)).Running);
    }

    [Fact]
    public async Task Of_five_racing_starts_of_one_kind_exactly_one_succeeds()
    {
        var starts = Enumerable.Range(0, 5).Select(_ => Task.Run(async () =>
        {
            try { return (Id: (Guid?)await StartAsync(), Refusal: (DomainException?)null); }
            catch (DomainException e) { return (Id: (Guid?)null, Refusal: e); }
        })).ToList();

        var results = await Task.WhenAll(starts);

        Assert.Single(results, r => r.Id is not null);
        Assert.All(results.Where(r => r.Id is null), r => Assert.Equal((FailureKind.Conflict, "round.running"), (r.Refusal!.Kind, r.Refusal.Code)));
        Assert.Equal((1, 1), (await CountAsync<Round>(), await CountAsync<WorkflowInstanceRecord>()));
    }

    [Fact]
    public async Task The_database_itself_refuses_a_second_running_round_of_a_kind()
    {
        await StartAsync();

        var e = await Assert.ThrowsAsync<DbUpdateException>(() => Host.WithDbAsync(async db =>
        {
            db.Rounds.Add(new Round(Hengda.Id, RoundKind.Wage, Procedure.Ordinary, "jiangsu", Side.Worker, Host.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        }));

        // SQLite names the index's columns, PostgreSQL the index.
        Assert.Contains(Host.Database.Provider == DatabaseProvider.Sqlite ? "rounds.EnterpriseId" : RunningRounds.IndexName, e.InnerException!.Message);
    }

    [Fact]
    public async Task A_yancheng_enterprise_bargains_under_jiangsus_rules_and_cannot_be_given_shanghais()
    {
        var e = await RefusedAsync(() => Host.SendAsync(new StartRoundCommand(Hengda.Id, RoundKind.Wage, Procedure.Ordinary, Side.Worker, "shanghai"), YanduStaff), FailureKind.Rule);

        Assert.Equal("round.jurisdiction", e.Code);
        Assert.Contains("江苏省", e.Message);
        Assert.Contains("上海市", e.Message);
        Assert.Equal(0, await CountAsync<Round>());
        var id = await Host.SendAsync(new StartRoundCommand(Hengda.Id, RoundKind.Wage, Procedure.Ordinary, Side.Worker), YanduStaff);
        Assert.Equal("jiangsu", (await RoundAsync(id)).Jurisdiction);
    }

    [Theory]
    [InlineData(RoundKind.Industry, "行业性集体合同")]
    [InlineData(RoundKind.Regional, "区域性集体合同")]
    public async Task An_industry_or_regional_contract_is_not_started_for_one_enterprise(RoundKind kind, string name)
    {
        var e = await RefusedAsync(() => StartAsync(kind: kind), FailureKind.Rule);

        Assert.Equal("round.multi-employer", e.Code);
        Assert.Contains(name, e.Message);
        Assert.Contains("第五十三条", e.Message);
        Assert.Equal(0, await CountAsync<Round>());
    }
}
