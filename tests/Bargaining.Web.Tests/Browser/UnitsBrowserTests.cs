using Bargaining.Domain;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Bargaining.Web.Tests.Browser;

/// <summary>The city administrator sets a unit's labour department on 单位设置.</summary>
// Provider-independent (pages in a browser): SQLite only, see scripts/test.sh.
[Trait("Database", "SqliteOnly")]
public sealed class UnitsBrowserTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_city_administrator_renames_a_units_department_and_a_blank_abbreviation_is_refused_in_Chinese()
    {
        var page = await app.SignInPageAsync(await app.AccountAsync(Role.CityAdministrator, app.City.Id, displayName: "孙海"));
        await page.GotoAsync("/Admin/Units");
        var tinghu = $"#units input[form='unit-{app.Tinghu.Code}']";

        await page.FillAsync($"{tinghu}[name=abbreviation]", "");
        await page.ClickAsync($"#unit-{app.Tinghu.Code} button");
        Assert.Contains("简称", await page.InnerTextAsync("[role=alert]"));

        await page.FillAsync($"{tinghu}[name=name]", "盐城市亭湖区人力资源和社会保障局（劳动关系科）");
        await page.FillAsync($"{tinghu}[name=abbreviation]", "亭人社集备");
        await page.ClickAsync($"#unit-{app.Tinghu.Code} button");
        Assert.Contains("已设置：盐城市亭湖区人力资源和社会保障局（劳动关系科）", await page.InnerTextAsync(".notice"));
        output.WriteLine(await BrowserApp.ScreenshotAsync(page, "admin-units"));

        var saved = await app.WithDbAsync(db => db.Organisations.SingleAsync(o => o.Id == app.Tinghu.Id));
        Assert.Equal(("盐城市亭湖区人力资源和社会保障局（劳动关系科）", "亭人社集备"), (saved.LabourAuthority, saved.FilingAbbreviation));
        await page.Context.CloseAsync();
    }
}
