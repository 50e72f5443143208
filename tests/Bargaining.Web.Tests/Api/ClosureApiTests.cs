using System.Net;
using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Web.Api;

namespace Bargaining.Web.Tests.Api;

/// <summary>A refused offer withdrawn by the offering side, through the API.</summary>
public sealed class ClosureApiTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task After_a_refusal_the_chair_withdraws_and_the_round_is_closed()
    {
        using var table = await RoundTable.SeatAsync(app, "盐城华泰纺织有限公司");
        var round = await table.OfferedAsync();
        await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/withdrawal", new WithdrawBody(Side.Worker, "不再协商"))).ProblemAsync(HttpStatusCode.Conflict);
        await (await table.Employer.PostJsonAsync($"/api/rounds/{round}/reply", new ReplyBody(false, "企业进入破产重整程序"))).ExpectAsync(HttpStatusCode.NoContent);

        await (await table.Employer.PostJsonAsync($"/api/rounds/{round}/withdrawal", new WithdrawBody(Side.Employer, "不再协商"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/withdrawal", new WithdrawBody(Side.Worker, ""))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/withdrawal", new WithdrawBody(Side.Worker, "企业破产重整期间暂不具备协商条件"))).ExpectAsync(HttpStatusCode.NoContent);

        Assert.Equal(RoundStage.Closed, (await table.TimelineAsync(round)).Stage);
    }
}
