using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Bargaining.Features.Organisations;
using Bargaining.Features.Rounds.Congress;
using Bargaining.Web.Api.Rounds;

namespace Bargaining.Web.Tests.Api;

/// <summary>The congress consultation through the API: the roster, publishing, a deputy's link without signing in, answers; refusals as Chinese ProblemDetails.</summary>
public sealed class ConsultationApiTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task The_chair_imports_the_roster_publishes_the_draft_a_deputy_comments_by_link_and_reads_the_answer()
    {
        using var table = await RoundTable.SeatAsync(app, "盐城金海物流有限公司");
        var enterprise = table.Enterprise.Id;
        var round = await table.DraftedAsync();

        var empty = await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/consultation", new { opensOn = app.Today, closesOn = app.Today.AddDays(7) }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("职工代表名册是空的", empty.Detail());
        using var csv = new MultipartFormDataContent { { new ByteArrayContent("姓名,选区（车间）,联系方式\n吴敏,仓储部,13805150001\n钱进,运输部,\n"u8.ToArray()), "file", "名册.csv" } };
        Assert.Equal(2, (await (await table.Chair.PostAsync($"/api/enterprises/{enterprise}/deputies/import", csv)).ReadAsync<ImportReport>()).Imported);
        await (await table.Employer.GetAsync($"/api/enterprises/{enterprise}/deputies")).ProblemAsync(HttpStatusCode.Forbidden);

        // Sent with an idempotency key, as a form is: the links' secrets are still kept nowhere but in the answer.
        using var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/rounds/{round}/consultation")
        {
            Content = JsonContent.Create(new { opensOn = app.Today, closesOn = app.Today.AddDays(7) }, options: Json.Options),
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
        };
        var links = await (await table.Chair.SendAsync(publish)).ReadAsync<List<CongressApi.DeputyLinkAddress>>();
        Assert.Equal(["吴敏", "钱进"], links.Select(l => l.Name));
        var secret = links[0].Address[(links[0].Address.LastIndexOf('/') + 1)..];
        Assert.False(await app.WithDbAsync(db => db.CommandKeys.AnyAsync(k => k.Outcome.Contains(secret))));
        var wu = new Uri(links[0].Address).AbsolutePath.Replace("/Deputy/", "/api/deputy/", StringComparison.Ordinal);
        using var phone = app.NewClient();
        Assert.Equal("吴敏", (await (await phone.GetAsync(wu)).ReadAsync<DeputyConsultationView>()).Deputy);
        var blank = await (await phone.PostJsonAsync($"{wu}/comments", new { sequence = 1, text = "" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("请填写您的意见或建议", blank.Detail());
        await (await phone.PostJsonAsync($"{wu}/comments", new { sequence = 1, text = "建议夜班另加补贴" })).ExpectAsync(HttpStatusCode.NoContent);
        await (await phone.GetAsync("/api/deputy/not-a-link")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync("/Deputy/not-a-link")).StatusCode);

        var view = await (await table.Chair.GetAsync($"/api/rounds/{round}/consultation")).ReadAsync<ConsultationView>();
        var comment = Assert.Single(Assert.Single(view.Articles).Comments);
        Assert.Equal(new ConsultationFigures(2, 1, 1, 1, 0, 0), view.Figures);
        await (await table.Chair.PostJsonAsync($"/api/rounds/{round}/consultation/answers", new { commentId = comment.Id, handling = "Explained", answer = "夜班补贴已在综合合同中约定" }))
            .ExpectAsync(HttpStatusCode.NoContent);

        var answered = Assert.Single(Assert.Single((await (await phone.GetAsync(wu)).ReadAsync<DeputyConsultationView>()).Articles).Comments);
        Assert.Equal("夜班补贴已在综合合同中约定", answered.Answer);
    }
}
