using System.Text;
using Bargaining.Domain;
using Bargaining.Features.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bargaining.Tests.Features.Organisations;

public sealed class ImportOrganisationsTests : IAsyncLifetime
{
    private BargainingHost _host = null!;
    private string _file = null!;

    private static readonly CurrentUser CityAdmin = new("u-city", "盐城市总工会 孙海", Role.CityAdministrator, Guid.Empty);

    public async Task InitializeAsync()
    {
        _host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));
        _file = _host.Services.GetRequiredService<BargainingOptions>().OrganisationsFile;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Repository => File.ReadAllText(_file);

    private Task<ImportOrganisationsReport> ImportAsync(string json, CurrentUser? user = null) =>
        _host.SendAsync(new ImportOrganisationsCommand("organisations.json", Encoding.UTF8.GetBytes(json)), user ?? CityAdmin);

    private Task<List<Organisation>> StoredAsync() => _host.WithDbAsync(db => db.Organisations.AsNoTracking().OrderBy(o => o.Code).ToListAsync());

    [Fact]
    public async Task The_first_import_creates_the_city_union_its_11_county_level_unions_and_their_labour_departments()
    {
        var report = await _host.SendAsync(ImportOrganisationsCommand.FromFile(_file), CityAdmin);

        Assert.Equal((12, 0, 0), (report.Created, report.Updated, report.Unchanged));
        var stored = await StoredAsync();
        var city = Assert.Single(stored, o => o.Kind == OrganisationKind.City);
        Assert.Equal(("3209", "盐城市总工会"), (city.Code, city.Name));
        var counties = stored.Where(o => o.Kind == OrganisationKind.County).ToList();
        Assert.Equal(11, counties.Count);
        Assert.All(counties, c => Assert.Equal(city.Id, c.ParentId));
        var tinghu = counties.Single(c => c.Code == "320902");
        Assert.Equal(("亭湖区总工会", "盐城市亭湖区人力资源和社会保障局", "亭人社集备"), (tinghu.Name, tinghu.LabourAuthority, tinghu.FilingAbbreviation));
        Assert.Equal(["3209", "320981", "320925"], report.Units.Take(3).Select(u => u.Code));   // the file's order, city first
    }

    [Fact]
    public async Task Importing_again_after_renaming_a_unit_and_adding_one_updates_and_adds_without_duplicates()
    {
        await ImportAsync(Repository);
        var before = await StoredAsync();
        var edited = Repository.Replace("\"射阳县总工会\"", "\"射阳县总工会（更名）\"", StringComparison.Ordinal)
            .Replace("\"units\": [", """
                "units": [
                    { "code": "3209A01", "name": "盐城市直属机关工会委员会", "kind": "cityDirect" },
                """, StringComparison.Ordinal);

        var report = await ImportAsync(edited);

        Assert.Equal((1, 1, 11), (report.Created, report.Updated, report.Unchanged));
        var after = await StoredAsync();
        Assert.Equal(13, after.Count);
        Assert.Equal(after.Count, after.Select(o => o.Code).Distinct().Count());
        var sheyang = after.Single(o => o.Code == "320924");
        Assert.Equal((before.Single(o => o.Code == "320924").Id, "射阳县总工会（更名）"), (sheyang.Id, sheyang.Name));
        var direct = after.Single(o => o.Code == "3209A01");
        Assert.Equal((OrganisationKind.CityDirect, after.Single(o => o.Kind == OrganisationKind.City).Id), (direct.Kind, direct.ParentId));

        var again = await ImportAsync(edited);
        Assert.Equal((0, 0, 13), (again.Created, again.Updated, again.Unchanged));
    }

    [Fact]
    public async Task A_unit_the_file_no_longer_lists_is_kept_with_its_enterprises_and_reported()
    {
        await ImportAsync(Repository);
        var yandu = (await StoredAsync()).Single(o => o.Code == "320903");
        await _host.WithDbAsync(db =>
        {
            db.Enterprises.Add(new Enterprise(yandu.Id, "盐城恒达精密机械有限公司", "91320903MA1XY0001" + CreditCode.CheckCharacter("91320903MA1XY0001"), "制造业", "私营企业",
                320, 96, null, null));
            return db.SaveChangesAsync();
        });

        var report = await ImportAsync("""{ "city": { "code": "3209", "name": "盐城市总工会" }, "units": [] }""");

        Assert.Equal(12, (await StoredAsync()).Count);
        Assert.Equal(11, report.KeptNotInFile.Count);
        Assert.Contains("320903 盐都区总工会", report.KeptNotInFile);
        Assert.Equal(1, await _host.WithDbAsync(db => db.Enterprises.CountAsync(e => e.OrganisationId == yandu.Id)));
    }

    [Fact]
    public async Task A_file_that_is_not_json_is_refused_in_chinese_and_nothing_is_written()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => ImportAsync(Repository[..200]));

        Assert.Equal(FailureKind.Validation, refused.Kind);
        Assert.Contains("不是有效的 JSON", refused.Message);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task A_file_with_bad_units_is_refused_whole_naming_every_problem_and_nothing_is_changed()
    {
        await ImportAsync(Repository);
        var renamed = Repository.Replace("\"射阳县总工会\"", "\"射阳县总工会（更名）\"", StringComparison.Ordinal);
        var bad = renamed.Replace("\"units\": [", """
            "units": [
                { "code": "3209A01", "kind": "cityDirect" },
                { "code": "3209A02", "name": "盐城市教育工会", "kind": "市直" },
                { "code": "320903", "name": "盐都区总工会（重复）", "kind": "county" },
                { "code": "3209A03", "name": "盐城市卫生健康工会", "kind": "cityDirect", "labourAuthority": "盐城市人力资源和社会保障局" },
            """, StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<DomainException>(() => ImportAsync(bad));

        Assert.Equal(FailureKind.Validation, refused.Kind);
        Assert.Contains("units[0]：缺少 name（名称）", refused.Message);
        Assert.Contains("units[1]（盐城市教育工会）：kind 应为 county（县级工会）或 cityDirect（市直单位），不是“市直”", refused.Message);
        Assert.Contains("代码 320903 重复", refused.Message);
        Assert.Contains("units[3]（盐城市卫生健康工会）：请填写备案编号所用的简称", refused.Message);
        var stored = await StoredAsync();
        Assert.Equal(12, stored.Count);
        Assert.Equal("射阳县总工会", stored.Single(o => o.Code == "320924").Name);
    }

    [Fact]
    public async Task A_county_level_union_cannot_become_a_city_direct_unit_by_import()
    {
        await ImportAsync(Repository);

        var refused = await Assert.ThrowsAsync<DomainException>(() => ImportAsync(Repository.Replace(
            "\"code\": \"320903\", \"name\": \"盐都区总工会\", \"kind\": \"county\"", "\"code\": \"320903\", \"name\": \"盐都区总工会\", \"kind\": \"cityDirect\"", StringComparison.Ordinal)));

        Assert.Equal(FailureKind.Conflict, refused.Kind);
        Assert.Contains("320903 盐都区总工会 在系统中是县级工会，文件中为市直单位", refused.Message);
    }

    [Fact]
    public async Task Only_the_city_union_imports_the_organisation_tree()
    {
        await ImportAsync(Repository);
        var yandu = (await StoredAsync()).Single(o => o.Code == "320903");

        var refused = await Assert.ThrowsAsync<DomainException>(() => ImportAsync(Repository, new CurrentUser("u-yandu", "盐都区总工会 张敏", Role.CountyStaff, yandu.Id)));

        Assert.Equal(FailureKind.Forbidden, refused.Kind);
    }

    [Fact]
    public void A_missing_file_is_refused_in_chinese()
    {
        var refused = Assert.Throws<DomainException>(() => ImportOrganisationsCommand.FromFile(Path.Combine(Path.GetTempPath(), "no-such-organisations.json")));

        Assert.Contains("找不到单位名册文件", refused.Message);
    }
}
