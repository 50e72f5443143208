using System.Net;
using Bargaining.Domain;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Features.Rounds.Views;
using Bargaining.Web.Api;

namespace Bargaining.Web.Tests.Api;

/// <summary>An offer left unanswered past its 20 days (Art 32), and the county urging it (its own host: the clock moves).</summary>
public sealed class UrgeApiTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task An_unanswered_offer_is_overdue_after_20_days_and_only_its_county_may_urge_the_reply_or_escalate_a_simplified_round()
    {
        using var table = await RoundTable.SeatAsync(app, "盐城金海物流有限公司");
        var round = await table.OfferedAsync();
        var simplified = await ClosureApiTests.SimplifiedOfferedAsync(table);
        using (var early = await app.SignedInAsync(Role.CountyStaff, app.Yandu.Id))
            await (await early.PostJsonAsync($"/api/rounds/{round}/urge", new UrgeReplyCommand(round, "电话督促"))).ProblemAsync(HttpStatusCode.Conflict);

        await app.AdvanceToAsync(WebAppFactory.Start.AddDays(25));
        using var yandu = await app.SignedInAsync(Role.CountyStaff, app.Yandu.Id);
        using var tinghu = await app.SignedInAsync(Role.CountyStaff, app.Tinghu.Id);
        await table.SignInAgainAsync();

        var overdue = await (await yandu.GetAsync($"/api/rounds?organisationId={app.Yandu.Id}&overdueOnly=true")).ReadAsync<RoundList>();
        Assert.True(Assert.Single(overdue.Rows, r => r.RoundId == round).DaysLate > 0);
        await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/urge", new UrgeReplyCommand(round, "电话督促"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await tinghu.PostJsonAsync($"/api/rounds/{round}/urge", new UrgeReplyCommand(round, "电话督促"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await yandu.PostJsonAsync($"/api/rounds/{round}/urge", new UrgeReplyCommand(round, ""))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await yandu.PostJsonAsync($"/api/rounds/{round}/urge", new UrgeReplyCommand(round, "电话督促企业负责人，并送达书面督办通知"))).ExpectAsync(HttpStatusCode.NoContent);

        // The simplified procedure's overdue offer is escalated to the ordinary procedure: this round closes.
        await (await tinghu.PostJsonAsync($"/api/rounds/{simplified}/escalation", new EscalateToOrdinaryCommand(simplified, "督办无果"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await yandu.PostJsonAsync($"/api/rounds/{simplified}/escalation", new EscalateToOrdinaryCommand(simplified, "电话及书面督办两次无果，转入普通程序"))).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(RoundStage.Closed, (await table.TimelineAsync(simplified)).Stage);
        Assert.Contains((await table.TimelineAsync(round)).Journal, e => e.Actor.Contains("县级工会", StringComparison.Ordinal) || e.Action.Contains("督促", StringComparison.Ordinal));
    }
}
