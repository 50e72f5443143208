using System.Net;
using Bargaining.Domain;

namespace Bargaining.Web.Tests.Api;

/// <summary>A page whose query is refused answers with the status and the Chinese error page naming the reason, never a JSON body.</summary>
public sealed class ErrorPageTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Another_enterprises_round_is_a_403_page_with_the_reason_not_naming_the_enterprise_and_an_unknown_round_a_404_page()
    {
        using var table = await RoundTable.SeatAsync(app, "盐城永盛食品有限公司");
        var round = await table.StartAsync();
        var other = app.Enterprises["盐城鑫源电子有限公司"];
        using var chair = await app.SignedInAsync(Role.UnionChair, other.OrganisationId, other.Id);

        var forbidden = await chair.GetAsync($"/Rounds/{round}");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("text/html", forbidden.Content.Headers.ContentType?.MediaType);
        var html = await forbidden.Content.ReadAsStringAsync();
        Assert.Contains("您无权查看该企业的集体协商", html, StringComparison.Ordinal);
        Assert.DoesNotContain("盐城永盛食品有限公司", html, StringComparison.Ordinal); // whose round an id is stays unknown to outsiders

        var missing = await chair.GetAsync($"/Rounds/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("未找到", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
