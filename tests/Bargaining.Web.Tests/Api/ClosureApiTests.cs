using System.Net;
using System.Text.Json;
using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Coordination;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Renewal;
using Bargaining.Features.Rounds.Simplified;
using Bargaining.Web.Api;

namespace Bargaining.Web.Tests.Api;

/// <summary>The endpoints of the other ways a round goes: withdrawal, the simplified procedure's on-the-spot signing, coordination, renewal.</summary>
public sealed class ClosureApiTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Enterprise = "盐城恒达精密机械有限公司";

    [Fact]
    public async Task After_a_refusal_only_the_offering_side_withdraws_its_offer_with_a_reason()
    {
        using var table = await RoundTable.SeatAsync(app, Enterprise);
        var round = await table.OfferedAsync();
        await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/withdrawal", new WithdrawOfferCommand(round, Side.Worker, "不再协商"))).ProblemAsync(HttpStatusCode.Conflict);
        await (await table.Employer.PostJsonAsync($"/api/rounds/{round}/reply", new ReplyToOfferCommand(round, false, "企业正在破产重整"))).ExpectAsync(HttpStatusCode.NoContent);

        await (await table.Employer.PostJsonAsync($"/api/rounds/{round}/withdrawal", new WithdrawOfferCommand(round, Side.Employer, "不再协商"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/withdrawal", new WithdrawOfferCommand(round, Side.Worker, ""))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/withdrawal", new WithdrawOfferCommand(round, Side.Worker, "企业进入破产重整程序，暂不具备协商条件"))).ExpectAsync(HttpStatusCode.NoContent);

        Assert.Equal(RoundStage.Closed, (await table.TimelineAsync(round)).Stage);
    }

    [Fact]
    public async Task A_simplified_round_ends_with_a_memo_signed_on_the_spot_or_with_no_agreement()
    {
        using var table = await RoundTable.SeatAsync(app, Enterprise);
        var signed = await SimplifiedAcceptedAsync(table);
        var memo = new SignOnTheSpotCommand(signed, Side.Employer, OnTheSpotRecord.Memo, MeetingMeans.Online, "2026年6月至9月高温津贴每月300元", table.Enterprise.ChairName!, "李明");
        await (await table.Chair.PostJsonAsync($"/api/rounds/{signed}/on-the-spot", memo)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await table.Employer.PostJsonAsync($"/api/rounds/{signed}/on-the-spot", memo with { EmployerChief = " " })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await table.Employer.PostJsonAsync($"/api/rounds/{signed}/on-the-spot", memo)).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(RoundStage.Closed, (await table.TimelineAsync(signed)).Stage);
        await (await table.Employer.PostJsonAsync($"/api/rounds/{signed}/on-the-spot", memo)).ProblemAsync(HttpStatusCode.Conflict);

        var failed = await SimplifiedAcceptedAsync(table);
        await (await table.Chair.PostJsonAsync($"/api/rounds/{failed}/no-agreement", new RecordNoAgreementCommand(failed, Side.Worker, MeetingMeans.InPerson, "企业方只同意每月200元"))).ExpectAsync(HttpStatusCode.NoContent);
        await (await table.Chair.PostJsonAsync($"/api/rounds/{failed}/no-agreement", new RecordNoAgreementCommand(failed, Side.Worker, MeetingMeans.InPerson, "再次记录"))).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_dispute_goes_to_coordination_which_the_countys_coordinator_extends_once_and_settles()
    {
        using var table = await RoundTable.SeatAsync(app, Enterprise);
        var round = await table.AtTheTableAsync();
        using var coordinator = await app.SignedInAsync(Role.Coordinator, app.Yandu.Id);
        using var tinghu = await app.SignedInAsync(Role.Coordinator, app.Tinghu.Id);

        await (await table.Employer.PostJsonAsync($"/api/rounds/{round}/coordination", new ApplyForCoordinationCommand(round, Side.Employer, ""))).ProblemAsync(HttpStatusCode.BadRequest);
        var period = await (await table.Employer.PostJsonAsync($"/api/rounds/{round}/coordination", new ApplyForCoordinationCommand(round, Side.Employer, "工资增长幅度分歧较大，协商不成"))).ReadAsync<JsonElement>();
        Assert.True(period.TryGetProperty("lastDay", out _));
        await (await tinghu.PostJsonAsync($"/api/rounds/{round}/coordination/extension", new ExtendCoordinationCommand(round, "延长"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await coordinator.PostJsonAsync($"/api/rounds/{round}/coordination/extension", new ExtendCoordinationCommand(round, "需进一步核实企业经营数据"))).ExpectAsync(HttpStatusCode.OK);
        await (await coordinator.PostJsonAsync($"/api/rounds/{round}/coordination/extension", new ExtendCoordinationCommand(round, "再延长"))).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/coordination/closure", new CloseCoordinationCommand(round, "结案"))).ProblemAsync(HttpStatusCode.Forbidden);

        await (await coordinator.PostJsonAsync($"/api/rounds/{round}/coordination/agreement",
            new RecordCoordinationAgreementCommand(round, "双方同意恢复协商", ["孙平"], table.Enterprise.ChairName!, "李明"))).ExpectAsync(HttpStatusCode.NoContent);
        await (await coordinator.PostJsonAsync($"/api/rounds/{round}/coordination/closure", new CloseCoordinationCommand(round, "结案"))).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_county_closes_coordination_that_cannot_succeed()
    {
        using var table = await RoundTable.SeatAsync(app, Enterprise);
        var round = await table.AtTheTableAsync();
        using var coordinator = await app.SignedInAsync(Role.Coordinator, app.Yandu.Id);
        await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/coordination", new ApplyForCoordinationCommand(round, Side.Worker, "企业方拒绝继续协商"))).ExpectAsync(HttpStatusCode.OK);

        await (await coordinator.PostJsonAsync($"/api/rounds/{round}/coordination/closure", new CloseCoordinationCommand(round, "企业已进入破产程序"))).ExpectAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Only_the_county_closes_a_lapsed_renewal_and_a_round_that_is_no_renewal_cannot_be_closed_so()
    {
        using var table = await RoundTable.SeatAsync(app, Enterprise);
        var round = await table.OfferedAsync();
        using var yandu = await app.SignedInAsync(Role.CountyStaff, app.Yandu.Id);

        await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/lapse", new CloseLapsedRenewalCommand(round, "不再续订"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await yandu.PostJsonAsync($"/api/rounds/{round}/lapse", new CloseLapsedRenewalCommand(round, " "))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await yandu.PostJsonAsync($"/api/rounds/{round}/lapse", new CloseLapsedRenewalCommand(round, "不再续订"))).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_renewal_may_start_only_from_an_effective_contract()
    {
        using var table = await RoundTable.SeatAsync(app, Enterprise);
        var round = await table.OfferedAsync();

        var problem = await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/renewal", new StartRenewalCommand(round, new DateOnly(2029, 3, 31), Side.Worker))).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("renewal.not-effective", problem.Code());
    }

    [Fact]
    public async Task The_county_may_not_escalate_a_simplified_round_whose_reply_is_not_yet_overdue()
    {
        using var table = await RoundTable.SeatAsync(app, Enterprise);
        var round = await SimplifiedOfferedAsync(table);
        using var yandu = await app.SignedInAsync(Role.CountyStaff, app.Yandu.Id);

        await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/escalation", new EscalateToOrdinaryCommand(round, "督办无果"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await yandu.PostJsonAsync($"/api/rounds/{round}/escalation", new EscalateToOrdinaryCommand(round, "督办无果"))).ProblemAsync(HttpStatusCode.Conflict);
    }

    public static async Task<Guid> SimplifiedOfferedAsync(RoundTable table)
    {
        await table.SetAsideRunningAsync(RoundKind.HighTemperature);
        var response = await table.Chair.PostJsonAsync("/api/rounds", new StartRoundCommand(table.Enterprise.Id, RoundKind.HighTemperature, Procedure.Simplified, Side.Worker));
        var round = (await response.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/offer",
            new MakeOfferCommand(round, [new TopicProposal(TopicCatalog.Custom, "高温津贴每月300元", 300, "元/月", Title: "高温津贴")], table.Today))).ExpectAsync(HttpStatusCode.NoContent);
        return round;
    }

    private static async Task<Guid> SimplifiedAcceptedAsync(RoundTable table)
    {
        var round = await SimplifiedOfferedAsync(table);
        await (await table.Employer.PostJsonAsync($"/api/rounds/{round}/reply", new ReplyToOfferCommand(round, true))).ExpectAsync(HttpStatusCode.NoContent);
        return round;
    }
}
