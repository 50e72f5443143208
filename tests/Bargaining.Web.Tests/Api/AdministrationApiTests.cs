using System.Net;
using System.Net.Http.Json;
using Bargaining.Features.Organisations;
using Bargaining.Infrastructure;
using Bargaining.Web.Accounts;
using Bargaining.Web.Api;

namespace Bargaining.Web.Tests.Api;

/// <summary>The city administrator's API: accounts bound to a role and a unit, and each unit's labour department.</summary>
public sealed class AdministrationApiTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task The_city_creates_a_chair_bound_to_an_enterprise_who_then_signs_in()
    {
        using var city = await app.SignedInAsync(Role.CityAdministrator, app.City.Id);
        var enterprise = app.Enterprises.Values.First(e => e.OrganisationId == app.Yandu.Id);

        var created = await (await city.PostJsonAsync("/api/accounts", new NewAccount("wang.jianguo", "王建国", Role.UnionChair, app.Yandu.Id, enterprise.CreditCode, WebAppFactory.Password)))
            .ReadAsync<AccountRow>(HttpStatusCode.Created);

        Assert.Equal((Role.UnionChair, app.Yandu.Id, (Guid?)enterprise.Id), (created.Role, created.OrganisationId, created.EnterpriseId));
        Assert.Contains((await (await city.GetAsync("/api/accounts")).ReadAsync<List<AccountRow>>()), a => a.UserName == "wang.jianguo");
        using var chair = await app.SignInAsync("wang.jianguo");
        var me = await (await chair.GetAsync("/api/account/me")).ReadAsync<Me>();
        Assert.Equal(("王建国", Role.UnionChair, (Guid?)enterprise.Id), (me.Name, me.Role, me.EnterpriseId));
    }

    [Fact]
    public async Task Bad_accounts_are_refused_with_the_reasons_in_chinese_and_nothing_is_created()
    {
        using var city = await app.SignedInAsync(Role.CityAdministrator, app.City.Id);
        var yandu = app.Enterprises.Values.First(e => e.OrganisationId == app.Yandu.Id);

        var weak = await (await city.PostJsonAsync("/api/accounts", new NewAccount("li.ming", "李明", Role.CountyStaff, app.Yandu.Id, null, "short1"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("密码至少需要 10 位", weak.Detail(), StringComparison.Ordinal);
        var noEnterprise = await (await city.PostJsonAsync("/api/accounts", new NewAccount("li.ming", "李明", Role.EmployerRepresentative, app.Yandu.Id, null, "Gonghui2026x"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("统一社会信用代码", noEnterprise.Detail(), StringComparison.Ordinal);
        var elsewhere = await (await city.PostJsonAsync("/api/accounts", new NewAccount("li.ming", "李明", Role.EmployerRepresentative, app.Tinghu.Id, yandu.CreditCode, "Gonghui2026x"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("不属于所选单位", elsewhere.Detail(), StringComparison.Ordinal);
        var badCode = await (await city.PostJsonAsync("/api/accounts", new NewAccount("li.ming", "李明", Role.UnionChair, app.Yandu.Id, "91320903MA1XY00010", "Gonghui2026x"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("校验位", badCode.Detail(), StringComparison.Ordinal);

        Assert.DoesNotContain(await (await city.GetAsync("/api/accounts")).ReadAsync<List<AccountRow>>(), a => a.UserName == "li.ming");
    }

    [Fact]
    public async Task Only_the_city_administers_accounts_and_departments()
    {
        using var county = await app.SignedInAsync(Role.CountyStaff, app.Yandu.Id);
        await (await county.GetAsync("/api/accounts")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await county.PostJsonAsync("/api/accounts", new NewAccount("x.y", "某某", Role.CountyStaff, app.Yandu.Id, null, "Gonghui2026x"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await county.PutAsJsonAsync($"/api/organisations/{app.Yandu.Id}/labour-authority", new LabourAuthorityBody("盐都区人社局", "都人社集备"), Json.Options))
            .ProblemAsync(HttpStatusCode.Forbidden);
        using var anonymous = app.NewClient();
        await (await anonymous.GetAsync("/api/accounts")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_city_sets_a_units_labour_department_and_a_missing_abbreviation_is_refused()
    {
        using var city = await app.SignedInAsync(Role.CityAdministrator, app.City.Id);
        await (await city.PutAsJsonAsync($"/api/organisations/{app.Tinghu.Id}/labour-authority", new LabourAuthorityBody("盐城市亭湖区人力资源和社会保障局", "亭人社集备"), Json.Options))
            .ExpectAsync(HttpStatusCode.NoContent);
        var tinghu = (await (await city.GetAsync("/api/organisations")).ReadAsync<List<OrganisationRow>>()).Single(o => o.Id == app.Tinghu.Id);
        Assert.Equal(("盐城市亭湖区人力资源和社会保障局", "亭人社集备"), (tinghu.LabourAuthority, tinghu.FilingAbbreviation));

        await (await city.PutAsJsonAsync($"/api/organisations/{app.Tinghu.Id}/labour-authority", new LabourAuthorityBody("盐城市亭湖区人力资源和社会保障局", ""), Json.Options))
            .ProblemAsync(HttpStatusCode.BadRequest);
        await (await city.PutAsJsonAsync($"/api/organisations/{Guid.NewGuid()}/labour-authority", new LabourAuthorityBody("某人社局", "某人社集备"), Json.Options))
            .ProblemAsync(HttpStatusCode.NotFound);
    }
}
