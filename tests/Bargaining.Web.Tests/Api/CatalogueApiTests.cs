using System.Net;
using System.Text;
using Bargaining.Domain;
using Bargaining.Features.Catalogue;
using Bargaining.Features.Rounds.Offer;
using Bargaining.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Web.Tests.Api;

/// <summary>The catalogue's endpoints on a real SQLite file: the data-quality report finds each kind of seeded defect and stops when it is fixed; the export's cursor.</summary>
public sealed class CatalogueApiTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private async Task<DataQualityReport> QualityAsync(HttpClient city, string? kind = null, Guid? unit = null) =>
        await (await city.GetAsync($"/api/catalogue/quality?staleDays=10{(kind is null ? "" : "&kind=" + kind)}{(unit is null ? "" : "&organisationId=" + unit)}")).ReadAsync<DataQualityReport>();

    private async Task<IReadOnlyList<QualityItem>> ItemsAsync(string kind) => (await QualityAsync(await CityAsync(), kind)).Items;

    private async Task<HttpClient> CityAsync() => await app.SignedInAsync(Role.CityAdministrator, app.City.Id);

    [Fact]
    public async Task The_quality_report_finds_each_kind_of_seeded_defect_and_stops_finding_it_once_fixed()
    {
        // Defects: 鑫源 has a credit code failing its check character and no chair account; 盐都区's union has no
        // credit code; 恒达 signs and does not file in time; 华泰's employer leaves its offer unanswered; a signed
        // contract lost its term.
        var xinyuan = app.Enterprises["盐城鑫源电子有限公司"];
        var valid = xinyuan.CreditCode;
        var invalid = valid[..17] + (valid[17] == '0' ? '1' : '0');
        await app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE enterprises SET \"CreditCode\" = {invalid} WHERE \"Id\" = {xinyuan.Id}"));
        using var hengda = await RoundTable.SeatAsync(app, "盐城恒达精密机械有限公司");
        var signed = await hengda.SignedAsync();
        await app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE rounds SET \"Signing_TermStartsOn\" = NULL WHERE \"Id\" = {signed}"));
        using var huatai = await RoundTable.SeatAsync(app, "盐城华泰纺织有限公司");
        var offered = await huatai.OfferedAsync();
        await app.AdvanceToAsync(app.Clock.GetUtcNow().AddDays(45));

        using var city = await CityAsync();
        var report = await QualityAsync(city);
        var yandu = Assert.Single(report.Units, u => u.OrganisationId == app.Yandu.Id);
        Assert.All(QualityIssues.Names.Keys, kind => Assert.True(yandu.Counts[kind] > 0, $"盐都区 has no {kind}"));
        Assert.Equal(report.Units.Sum(u => u.Total) + report.City.Counts[QualityIssues.UnionCodeMissing] - report.Units.Sum(u => u.Counts[QualityIssues.UnionCodeMissing]), report.City.Total);
        Assert.Empty(report.Items);

        Assert.Contains(await ItemsAsync(QualityIssues.CreditCodeInvalid), i => i.EnterpriseId == xinyuan.Id && i.Problem.Contains("校验位错误"));
        Assert.Contains(await ItemsAsync(QualityIssues.NoChairAccount), i => i.EnterpriseId == xinyuan.Id);
        Assert.DoesNotContain(await ItemsAsync(QualityIssues.NoChairAccount), i => i.EnterpriseId == hengda.Enterprise.Id);
        Assert.Contains(await ItemsAsync(QualityIssues.UnionCodeMissing), i => i.OrganisationId == app.Yandu.Id);
        Assert.Contains(await ItemsAsync(QualityIssues.ContractWithoutTerm), i => i.RoundId == signed);
        Assert.Contains(await ItemsAsync(QualityIssues.ContractNotFiled), i => i.RoundId == signed);
        Assert.Contains(await ItemsAsync(QualityIssues.StaleRound), i => i.RoundId == offered);
        var drilled = await QualityAsync(city, unit: app.Yandu.Id);
        Assert.All(drilled.Items, i => Assert.Equal(app.Yandu.Id, i.OrganisationId));
        Assert.Equal(yandu.Total, drilled.ItemsTotal);

        // Fixed: the code corrected, a chair account opened, the union's code entered, the term restored and the contract filed, the offer answered.
        await app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE enterprises SET \"CreditCode\" = {valid} WHERE \"Id\" = {xinyuan.Id}"));
        await app.AccountAsync(Role.UnionChair, app.Yandu.Id, xinyuan.Id);
        var unionCode = "81320903MC000000" + "1";
        await app.WithDbAsync(async db =>
        {
            (await db.Organisations.SingleAsync(o => o.Id == app.Yandu.Id)).SetCreditCode(unionCode + CreditCode.CheckCharacter(unionCode));
            return await db.SaveChangesAsync();
        });
        await app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE rounds SET \"Signing_TermStartsOn\" = {app.Today.AddDays(-15)} WHERE \"Id\" = {signed}"));
        await hengda.SignInAgainAsync();
        await (await hengda.Employer.PostJsonAsync($"/api/rounds/{signed}/filing", new Bargaining.Features.Rounds.Filing.FileContractCommand(signed, app.Today))).ExpectAsync(HttpStatusCode.OK);
        await huatai.SignInAgainAsync();
        await (await huatai.Employer.PostJsonAsync($"/api/rounds/{offered}/reply", new ReplyToOfferCommand(offered, Accept: true))).ExpectAsync(HttpStatusCode.NoContent);

        Assert.DoesNotContain(await ItemsAsync(QualityIssues.CreditCodeInvalid), i => i.EnterpriseId == xinyuan.Id);
        Assert.DoesNotContain(await ItemsAsync(QualityIssues.NoChairAccount), i => i.EnterpriseId == xinyuan.Id);
        Assert.DoesNotContain(await ItemsAsync(QualityIssues.UnionCodeMissing), i => i.OrganisationId == app.Yandu.Id);
        Assert.DoesNotContain(await ItemsAsync(QualityIssues.ContractWithoutTerm), i => i.RoundId == signed);
        Assert.DoesNotContain(await ItemsAsync(QualityIssues.ContractNotFiled), i => i.RoundId == signed);
        Assert.DoesNotContain(await ItemsAsync(QualityIssues.StaleRound), i => i.RoundId == offered);
    }

    [Fact]
    public async Task The_export_answers_its_cursor_in_a_header_and_a_county_may_not_export()
    {
        using var city = await CityAsync();
        var response = await city.GetAsync("/api/catalogue/changes?format=csv");
        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("type,changedAt,code,name", Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));
        var jsonl = await city.GetAsync("/api/catalogue/changes?since=2026-01-01T00:00:00Z");
        await jsonl.ExpectAsync(HttpStatusCode.OK);
        Assert.True(jsonl.Headers.Contains(CatalogueApi.CursorHeader), "the cursor of the next call");
        Assert.Contains("\"type\":\"organisation\"", await jsonl.Content.ReadAsStringAsync());

        Assert.Equal("导出格式应为 jsonl 或 csv", (await (await city.GetAsync("/api/catalogue/changes?format=xml")).ProblemAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("Format")[0].GetString());
        Assert.Equal("问题类别应为 credit-code-invalid、union-code-missing、no-chair-account、stale-round、contract-without-term、contract-not-filed 之一",
            (await (await city.GetAsync("/api/catalogue/quality?kind=bad")).ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("Kind")[0].GetString());
        using var county = await app.SignedInAsync(Role.CountyStaff, app.Yandu.Id);
        await (await county.GetAsync("/api/catalogue/changes")).ExpectAsync(HttpStatusCode.Forbidden);
        await (await county.GetAsync("/api/catalogue/quality")).ExpectAsync(HttpStatusCode.Forbidden);
    }
}
