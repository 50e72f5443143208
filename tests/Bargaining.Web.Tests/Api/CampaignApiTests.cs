using System.Net;
using System.Text;
using System.Text.Json;
using Bargaining.Domain;
using Bargaining.Features.Campaigns;
using Bargaining.Features.Organisations;
using Bargaining.Features.Progress;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Web.Tests.Api;

/// <summary>Campaigns, a county's offers at once, progress and the city overview, and importing enterprises.</summary>
public sealed class CampaignApiTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private CreateCampaignCommand Spring(params Guid[] units) =>
        new("2026年春季集体协商要约行动", new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 31), units.Length > 0 ? units : [app.Yandu.Id, app.Tinghu.Id], 90m, 80m, 3000);

    [Fact]
    public async Task The_city_starts_a_campaign_a_county_offers_to_its_enterprises_at_once_and_the_overview_counts_them()
    {
        using var city = await app.SignedInAsync(Role.CityAdministrator, app.City.Id);
        using var yandu = await app.SignedInAsync(Role.CountyStaff, app.Yandu.Id);
        var created = await city.PostJsonAsync("/api/campaigns", Spring());
        var campaign = (await created.ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Equal($"/api/campaigns/{campaign}", created.Headers.Location?.OriginalString);

        var enterprises = new[] { "盐城永盛食品有限公司", "盐城金海物流有限公司" }.Select(n => app.Enterprises[n].Id).ToList();
        var report = await (await yandu.PostJsonAsync("/api/offers", new LaunchCampaignOffersCommand(enterprises, RoundKind.Wage, [RoundTable.WageRise(6)], app.Today)))
            .ReadAsync<LaunchReport>();
        Assert.Equal(2, report.Launched.Count);
        Assert.All(report.Launched, l => Assert.Equal(OfferMode.Centralised, l.Mode));
        var again = await (await yandu.PostJsonAsync("/api/offers", new LaunchCampaignOffersCommand(enterprises, RoundKind.Wage, [RoundTable.WageRise(6)], app.Today)))
            .ReadAsync<LaunchReport>();
        Assert.Empty(again.Launched);
        Assert.All(again.Refused, r => Assert.Equal("launch.round-running", r.Code));

        var progress = await (await yandu.GetAsync($"/api/organisations/{app.Yandu.Id}/progress")).ReadAsync<UnitProgress>();
        var offeredInDb = await app.WithDbAsync(db => db.Rounds.Where(r => r.Offer.MadeAt != null)
            .Join(db.Enterprises.Where(e => e.OrganisationId == app.Yandu.Id), r => r.EnterpriseId, e => e.Id, (r, e) => r.EnterpriseId).Distinct().CountAsync());
        Assert.Equal(5, progress.Enterprises);
        Assert.Equal(offeredInDb, progress.EnterprisesOffered);
        Assert.True(progress.EnterprisesOffered >= 2);

        var overview = await (await city.GetAsync($"/api/campaigns/{campaign}/dashboard")).ReadAsync<CityDashboard>();
        var row = Assert.Single(overview.Rows, r => r.Progress.OrganisationId == app.Yandu.Id);
        Assert.Equal(progress.EnterprisesOffered, row.Progress.EnterprisesOffered);
        Assert.True(row.Participating);
    }

    [Fact]
    public async Task Only_the_city_may_start_a_campaign_and_see_its_dashboard()
    {
        using var yandu = await app.SignedInAsync(Role.CountyStaff, app.Yandu.Id);
        using var city = await app.SignedInAsync(Role.CityAdministrator, app.City.Id);
        var campaign = (await (await city.PostJsonAsync("/api/campaigns", Spring())).ReadAsync<JsonElement>(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        Assert.Equal("只有市总工会可以发起集中要约行动", (await (await yandu.PostJsonAsync("/api/campaigns", Spring())).ProblemAsync(HttpStatusCode.Forbidden)).Detail());
        await (await yandu.GetAsync($"/api/campaigns/{campaign}/dashboard")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await city.GetAsync($"/api/campaigns/{Guid.NewGuid()}/dashboard")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains((await (await yandu.GetAsync("/api/campaigns")).ReadAsync<List<CampaignRow>>()), c => c.Id == campaign);
    }

    [Fact]
    public async Task A_campaign_ending_before_it_starts_is_answered_400_and_one_with_the_city_as_a_unit_422()
    {
        using var city = await app.SignedInAsync(Role.CityAdministrator, app.City.Id);

        await (await city.PostJsonAsync("/api/campaigns", Spring() with { EndsOn = new DateOnly(2026, 2, 1) })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("campaign.unit", (await (await city.PostJsonAsync("/api/campaigns", Spring(app.City.Id))).ProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
    }

    [Fact]
    public async Task A_county_may_not_offer_to_another_countys_enterprises_nor_a_chair_to_many_at_once()
    {
        using var yandu = await app.SignedInAsync(Role.CountyStaff, app.Yandu.Id);
        var tinghu = app.Enterprises["亭湖瑞丰机械有限公司"];
        using var chair = await app.SignedInAsync(Role.UnionChair, app.Tinghu.Id, tinghu.Id);
        var launch = new LaunchCampaignOffersCommand([tinghu.Id], RoundKind.Wage, [RoundTable.WageRise(6)], app.Today);

        var refusal = (await (await yandu.PostJsonAsync("/api/offers", launch)).ProblemAsync(HttpStatusCode.Forbidden)).Detail();
        Assert.Contains("1 家不属于本单位", refusal);
        Assert.DoesNotContain("亭湖瑞丰机械有限公司", refusal);   // another county's enterprise is counted, never named
        await (await chair.PostJsonAsync("/api/offers", launch)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await yandu.PostJsonAsync("/api/offers", launch with { EnterpriseIds = [Guid.NewGuid()] })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_county_sees_its_own_progress_only()
    {
        using var tinghu = await app.SignedInAsync(Role.CountyStaff, app.Tinghu.Id);

        var progress = await (await tinghu.GetAsync($"/api/organisations/{app.Tinghu.Id}/progress")).ReadAsync<UnitProgress>();
        Assert.Equal(await app.WithDbAsync(db => db.Enterprises.CountAsync(e => e.OrganisationId == app.Tinghu.Id)), progress.Enterprises);
        await (await tinghu.GetAsync($"/api/organisations/{app.Yandu.Id}/progress")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await tinghu.GetAsync($"/api/organisations/{Guid.NewGuid()}/progress")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_import_reports_every_bad_row_and_imports_nothing_unless_asked_to_skip_them()
    {
        using var tinghu = await app.SignedInAsync(Role.CountyStaff, app.Tinghu.Id);
        var good = WebAppFactory.CreditCodeFor(app.Tinghu, 90);
        var csv = string.Join(",", EnterpriseFile.Columns) + "\n"
            + $"亭湖开元软件科技有限公司,{good},信息传输、软件和信息技术服务业,私营企业,80,30,亭湖开元软件科技有限公司工会委员会,林玉兰\n"
            + "亭湖森达家具有限公司,91320902MA1WT0091X,制造业,私营企业,60,20,,\n";

        var refused = await (await ImportAsync(tinghu, app.Tinghu.Id, csv)).ReadAsync<ImportReport>();
        Assert.Equal(0, refused.Imported);
        Assert.Equal(3, Assert.Single(refused.Rejected).Row);

        var skipped = await (await ImportAsync(tinghu, app.Tinghu.Id, csv, skipBadRows: true)).ReadAsync<ImportReport>();
        Assert.Equal(1, skipped.Imported);
        Assert.True(await app.WithDbAsync(db => db.Enterprises.AnyAsync(e => e.CreditCode == good)));
    }

    [Fact]
    public async Task A_county_may_not_import_into_another_county_and_a_file_without_the_columns_is_answered_400()
    {
        using var tinghu = await app.SignedInAsync(Role.CountyStaff, app.Tinghu.Id);

        await (await ImportAsync(tinghu, app.Yandu.Id, string.Join(",", EnterpriseFile.Columns) + "\n")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("缺少列", (await (await ImportAsync(tinghu, app.Tinghu.Id, "企业名称\n某公司\n")).ProblemAsync(HttpStatusCode.BadRequest)).Detail());
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, Guid unit, string csv, bool skipBadRows = false)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "企业名单.csv" } };
        return client.PostAsync($"/api/organisations/{unit}/enterprises{(skipBadRows ? "?skipBadRows=true" : "")}", form);
    }
}
