using System.Net;
using Bargaining.Domain;
using Bargaining.Features.Campaigns;
using Bargaining.Features.Organisations;
using Bargaining.Features.Rounds;
using Bargaining.Features.Rounds.Views;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Web.Tests.Api;

/// <summary>The lists behind the county's, the reviewer's and the city's screens, their exports, and instructors.</summary>
public sealed class ListApiTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task The_organisations_are_the_city_union_and_its_11_county_level_unions()
    {
        using var chair = await app.SignedInAsync(Role.UnionChair, app.Yandu.Id, app.Enterprises["盐城恒达精密机械有限公司"].Id);

        var organisations = await (await chair.GetAsync("/api/organisations")).ReadAsync<List<OrganisationRow>>();

        Assert.Equal(12, organisations.Count);
        Assert.Contains(organisations, o => o.Name == "盐都区总工会" && o.Kind == OrganisationKind.County);
    }

    [Fact]
    public async Task A_county_lists_its_own_enterprises_and_exports_them_but_not_another_countys()
    {
        using var yandu = await app.SignedInAsync(Role.CountyStaff, app.Yandu.Id);

        var list = await (await yandu.GetAsync($"/api/enterprises?organisationId={app.Yandu.Id}")).ReadAsync<EnterpriseList>();
        Assert.Equal(await app.WithDbAsync(db => db.Enterprises.CountAsync(e => e.OrganisationId == app.Yandu.Id)), list.Total);
        Assert.Contains(list.Rows, r => r.Name == "盐城恒达精密机械有限公司");

        var csv = await yandu.GetAsync($"/api/enterprises/export?organisationId={app.Yandu.Id}&format=Csv");
        await csv.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("盐城恒达精密机械有限公司", await csv.Content.ReadAsStringAsync());
        var xlsx = await yandu.GetAsync($"/api/enterprises/export?organisationId={app.Yandu.Id}");
        await xlsx.ExpectAsync(HttpStatusCode.OK);
        Assert.True((await xlsx.Content.ReadAsByteArrayAsync()).AsSpan().StartsWith("PK"u8), "an .xlsx is a zip file");

        await (await yandu.GetAsync($"/api/enterprises?organisationId={app.Tinghu.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("每页条数应在1至200之间",
            (await (await yandu.GetAsync($"/api/enterprises?organisationId={app.Yandu.Id}&pageSize=500")).ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("PageSize")[0].GetString());
    }

    [Fact]
    public async Task A_county_assigns_an_instructor_and_the_enterprise_keeps_the_history()
    {
        using var yandu = await app.SignedInAsync(Role.CountyStaff, app.Yandu.Id);
        var enterprise = app.Enterprises["盐城鑫源电子有限公司"].Id;
        var instructor = await app.AccountIdAsync(await app.AccountAsync(Role.Instructor, app.Yandu.Id, displayName: "缪建华"));

        var result = await (await yandu.PostJsonAsync("/api/enterprises/instructor", new AssignInstructorCommand([enterprise], instructor, "缪建华"))).ReadAsync<AssignInstructorResult>();
        var history = await (await yandu.GetAsync($"/api/enterprises/{enterprise}/instructors")).ReadAsync<List<InstructorAssignmentRow>>();

        Assert.Equal(1, result.Assigned);
        Assert.Equal("缪建华", Assert.Single(history).InstructorName);
        await (await yandu.PostJsonAsync("/api/enterprises/instructor", new AssignInstructorCommand([], instructor, "缪建华"))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await yandu.PostJsonAsync("/api/enterprises/instructor", new AssignInstructorCommand([app.Enterprises["亭湖瑞丰机械有限公司"].Id], instructor, "缪建华")))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await yandu.PostJsonAsync("/api/enterprises/instructor", new AssignInstructorCommand([Guid.NewGuid()], instructor, "缪建华"))).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_instructor_must_be_an_instructor_account_of_the_county_and_keeps_the_accounts_name()
    {
        using var yandu = await app.SignedInAsync(Role.CountyStaff, app.Yandu.Id);
        var enterprise = app.Enterprises["盐城永盛食品有限公司"].Id;
        var chair = await app.AccountIdAsync(await app.AccountAsync(Role.UnionChair, app.Yandu.Id, enterprise: enterprise));
        var tinghuInstructor = await app.AccountIdAsync(await app.AccountAsync(Role.Instructor, app.Tinghu.Id));
        var instructor = await app.AccountIdAsync(await app.AccountAsync(Role.Instructor, app.Yandu.Id, displayName: "缪建华"));

        foreach (var wrong in new[] { "nobody-xyz", chair, tinghuInstructor })
        {
            var problem = await (await yandu.PostJsonAsync("/api/enterprises/instructor", new AssignInstructorCommand([enterprise], wrong, "随便写的名字"))).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal("请选择本单位的集体协商指导员", problem.GetProperty("errors").GetProperty("InstructorUserId")[0].GetString());
        }
        Assert.Empty(await (await yandu.GetAsync($"/api/enterprises/{enterprise}/instructors")).ReadAsync<List<InstructorAssignmentRow>>());

        await (await yandu.PostJsonAsync("/api/enterprises/instructor", new AssignInstructorCommand([enterprise], instructor, "随便写的名字"))).ReadAsync<AssignInstructorResult>();
        Assert.Equal("缪建华", Assert.Single(await (await yandu.GetAsync($"/api/enterprises/{enterprise}/instructors")).ReadAsync<List<InstructorAssignmentRow>>()).InstructorName);
    }

    [Fact]
    public async Task A_chair_lists_the_rounds_of_her_enterprise_with_what_awaits_her_and_the_negotiation_table()
    {
        using var table = await RoundTable.SeatAsync(app, "盐城华泰纺织有限公司");
        var round = await table.AtTheTableAsync();

        var list = await (await table.Chair.GetAsync("/api/rounds")).ReadAsync<RoundList>();
        var awaiting = await (await table.Employer.GetAsync("/api/rounds?awaitingMe=true")).ReadAsync<RoundList>();
        var negotiation = await (await table.Employer.GetAsync($"/api/rounds/{round}/table")).ReadAsync<NegotiationTable>();

        Assert.Contains(list.Rows, r => r.RoundId == round && r.Stage == RoundStage.Bargaining);
        Assert.All(list.Rows, r => Assert.Equal("盐城华泰纺织有限公司", r.Enterprise));
        Assert.Contains(awaiting.Rows, r => r.RoundId == round && r.AwaitingMe);
        Assert.Equal("盐城华泰纺织有限公司", negotiation.Enterprise);
        await (await table.Chair.GetAsync($"/api/rounds/{Guid.NewGuid()}/table")).ProblemAsync(HttpStatusCode.NotFound);
        await (await table.Chair.GetAsync("/api/rounds?page=0")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Another_enterprises_chair_cannot_read_a_round()
    {
        using var table = await RoundTable.SeatAsync(app, "盐城华泰纺织有限公司");
        var round = await table.StartAsync();
        using var other = await app.SignedInAsync(Role.UnionChair, app.Yandu.Id, app.Enterprises["盐城金海物流有限公司"].Id);

        await (await other.GetAsync($"/api/rounds/{round}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await other.GetAsync($"/api/rounds/{round}/table")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_county_exports_its_rounds_and_may_not_list_another_countys()
    {
        using var yandu = await app.SignedInAsync(Role.CountyStaff, app.Yandu.Id);

        var export = await yandu.GetAsync($"/api/rounds/export?organisationId={app.Yandu.Id}&format=Csv");
        await export.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        await (await yandu.GetAsync($"/api/rounds?organisationId={app.Tinghu.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_reviewer_sees_the_contracts_filed_in_her_county_and_nobody_else_may_read_the_queue()
    {
        using var table = await RoundTable.SeatAsync(app, "盐城永盛食品有限公司");
        var (round, filing) = await table.FiledAsync();
        using var yandu = await app.SignedInAsync(Role.Reviewer, app.Yandu.Id);
        using var tinghu = await app.SignedInAsync(Role.Reviewer, app.Tinghu.Id);

        var queue = await (await yandu.GetAsync("/api/rounds/reviews")).ReadAsync<List<ReviewQueueRow>>();
        var row = Assert.Single(queue, r => r.RoundId == round);

        Assert.Equal(filing.ReviewLastDay, row.ReviewLastDay);
        Assert.DoesNotContain(await (await tinghu.GetAsync("/api/rounds/reviews")).ReadAsync<List<ReviewQueueRow>>(), r => r.RoundId == round);
        Assert.Contains("第四十四条", (await (await table.Chair.GetAsync("/api/rounds/reviews")).ProblemAsync(HttpStatusCode.Forbidden)).Detail());
    }

    [Fact]
    public async Task The_city_exports_a_campaigns_dashboard_and_a_county_may_not()
    {
        using var city = await app.SignedInAsync(Role.CityAdministrator, app.City.Id);
        using var yandu = await app.SignedInAsync(Role.CountyStaff, app.Yandu.Id);
        var campaign = (await (await city.PostJsonAsync("/api/campaigns", new CreateCampaignCommand("2026年春季集体协商要约行动", new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 31),
            [app.Yandu.Id, app.Tinghu.Id], 90m, 80m, 3000))).ReadAsync<System.Text.Json.JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var xlsx = await city.GetAsync($"/api/campaigns/{campaign}/dashboard/export");
        await xlsx.ExpectAsync(HttpStatusCode.OK);
        Assert.True((await xlsx.Content.ReadAsByteArrayAsync()).AsSpan().StartsWith("PK"u8));
        var csv = await city.GetAsync($"/api/campaigns/{campaign}/dashboard/export?format=Csv");
        Assert.Contains("盐都区总工会", await csv.Content.ReadAsStringAsync());
        await (await yandu.GetAsync($"/api/campaigns/{campaign}/dashboard/export")).ProblemAsync(HttpStatusCode.Forbidden);
    }
}
