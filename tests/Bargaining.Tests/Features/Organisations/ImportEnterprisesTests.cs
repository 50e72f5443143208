using System.Text;
using Bargaining.Domain;
using Bargaining.Features.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Bargaining.Tests.Features.Organisations;

public sealed class ImportEnterprisesTests : IAsyncLifetime
{
    private const string Header = "企业名称,统一社会信用代码,行业,经济类型,职工人数,女职工人数,工会名称,工会主席";
    private BargainingHost _host = null!;
    private Organisation _yandu = null!;
    private Organisation _tinghu = null!;

    public async Task InitializeAsync()
    {
        _host = await BargainingHost.StartAsync(China.At(2026, 3, 2, 9));
        await _host.ImportOrganisationsAsync();
        _yandu = await _host.WithDbAsync(db => db.Organisations.SingleAsync(o => o.Code == "320903"));
        _tinghu = await _host.WithDbAsync(db => db.Organisations.SingleAsync(o => o.Code == "320902"));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private CurrentUser YanduStaff => new("u-yandu", "盐都区总工会 张敏", Role.CountyStaff, _yandu.Id);

    /// <summary>A valid code: 17 characters with the GB 32100 check character appended.</summary>
    private static string Code(string first17) => first17 + CreditCode.CheckCharacter(first17);

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. rows]));

    private Task<int> CountAsync() => _host.WithDbAsync(db => db.Enterprises.CountAsync());

    [Fact]
    public void The_check_character_of_the_standards_own_example_is_accepted_and_a_changed_one_refused()
    {
        Assert.Null(CreditCode.Problem("91350100M000100Y43"));
        Assert.Contains("第18位应为“3”", CreditCode.Problem("91350100M000100Y44"));
        Assert.Contains("第9位“O”", CreditCode.Problem("91350100O000100Y43"));
        Assert.Contains("18位", CreditCode.Problem("9135010"));
    }

    [Fact]
    public async Task A_clean_csv_imports_every_enterprise_into_the_county()
    {
        var report = await _host.SendAsync(new ImportEnterprisesCommand(_yandu.Id, "企业.csv", Csv(
            $"盐城恒达精密机械有限公司,{Code("91320903MA1XY0001")},制造业,私营企业,320,96,盐城恒达精密机械有限公司工会委员会,王建国",
            $"盐都区绿源食品有限公司,{Code("91320903MA1XY0002")},制造业,私营企业,85,51,,")), YanduStaff);

        Assert.Equal(2, report.Imported);
        Assert.Empty(report.Rejected);
        var stored = await _host.WithDbAsync(db => db.Enterprises.OrderBy(e => e.Employees).ToListAsync());
        Assert.Equal([85, 320], stored.Select(e => e.Employees));
        Assert.All(stored, e => Assert.Equal(_yandu.Id, e.OrganisationId));
        Assert.Null(stored[0].ChairName);
    }

    [Fact]
    public async Task A_file_with_bad_rows_imports_nothing_and_names_each_bad_row_and_why()
    {
        var report = await _host.SendAsync(new ImportEnterprisesCommand(_yandu.Id, "企业.csv", Csv(
            $"盐城恒达精密机械有限公司,{Code("91320903MA1XY0001")},制造业,私营企业,320,96,工会,王建国",
            "盐都区绿源食品有限公司,91320903MA1XY00020,制造业,私营企业,85,51,,",
            $",{Code("91320903MA1XY0003")},制造业,私营企业,八十,90,,",
            $"盐都区重复有限公司,{Code("91320903MA1XY0001")},制造业,私营企业,10,2,,")), YanduStaff);

        Assert.True(report.Refused);
        Assert.Equal(0, await CountAsync());
        Assert.Equal([3, 4, 5], report.Rejected.Select(r => r.Row));
        Assert.Contains("校验位错误", report.Rejected[0].Reason);
        Assert.Contains("缺少企业名称", report.Rejected[1].Reason);
        Assert.Contains("职工人数“八十”不是非负整数", report.Rejected[1].Reason);
        Assert.Contains("与第2行重复", report.Rejected[2].Reason);
    }

    [Fact]
    public async Task Asked_to_skip_bad_rows_it_imports_the_good_ones_and_still_reports_the_bad()
    {
        var report = await _host.SendAsync(new ImportEnterprisesCommand(_yandu.Id, "企业.csv", Csv(
            $"盐城恒达精密机械有限公司,{Code("91320903MA1XY0001")},制造业,私营企业,320,96,工会,王建国",
            $"盐都区绿源食品有限公司,{Code("91320903MA1XY0002")},制造业,私营企业,85,90,,"), SkipBadRows: true), YanduStaff);

        Assert.Equal(1, report.Imported);
        Assert.Equal(3, Assert.Single(report.Rejected).Row);
        Assert.Contains("女职工人数（90）多于职工人数（85）", report.Rejected[0].Reason);
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task A_text_wider_than_its_column_is_refused_naming_the_field_and_its_limit()
    {
        // On PostgreSQL a value over varchar(100) failed the whole save (found by ImportProperties); SQLite stored it.
        var report = await _host.SendAsync(new ImportEnterprisesCommand(_yandu.Id, "企业.csv", Csv(
            $"盐城恒达精密机械有限公司,{Code("91320903MA1XY0001")},{new string('制', 101)},私营企业,320,96,工会,{new string('王', 51)}")), YanduStaff);

        Assert.True(report.Refused);
        Assert.Equal("行业不能超过100个字；工会主席姓名不能超过50个字", Assert.Single(report.Rejected).Reason);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task An_enterprise_already_registered_is_refused_by_its_credit_code()
    {
        var code = Code("91320903MA1XY0001");
        await _host.SendAsync(new ImportEnterprisesCommand(_yandu.Id, "a.csv", Csv($"盐城恒达精密机械有限公司,{code},制造业,私营企业,320,96,,")), YanduStaff);

        var report = await _host.SendAsync(new ImportEnterprisesCommand(_yandu.Id, "b.csv", Csv($"恒达机械（更名）,{code},制造业,私营企业,320,96,,")), YanduStaff);

        Assert.Contains("已存在", Assert.Single(report.Rejected).Reason);
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task An_xlsx_file_imports_like_a_csv()
    {
        var report = await _host.SendAsync(new ImportEnterprisesCommand(_yandu.Id, "企业名单.xlsx", Xlsx(
            Header.Split(','),
            ["盐城恒达精密机械有限公司", Code("91320903MA1XY0001"), "制造业", "私营企业", "320", "96", "工会", "王建国"],
            ["盐都区绿源食品有限公司", "BAD", "制造业", "私营企业", "85", "51", "", ""])), YanduStaff);

        Assert.True(report.Refused);
        Assert.Equal(3, Assert.Single(report.Rejected).Row);
        Assert.Contains("18位", report.Rejected[0].Reason);
    }

    [Fact]
    public async Task A_file_missing_a_column_is_refused_naming_the_column()
    {
        var e = await Assert.ThrowsAsync<DomainException>(() => _host.SendAsync(
            new ImportEnterprisesCommand(_yandu.Id, "企业.csv", Encoding.UTF8.GetBytes("企业名称,行业\n某公司,制造业")), YanduStaff));

        Assert.Equal(FailureKind.Validation, e.Kind);
        Assert.Contains("统一社会信用代码", e.Message);
    }

    [Fact]
    public async Task Only_csv_and_xlsx_files_are_accepted()
    {
        var e = await Assert.ThrowsAsync<DomainException>(() => _host.SendAsync(new ImportEnterprisesCommand(_yandu.Id, "企业.xls", [1, 2, 3]), YanduStaff));

        Assert.Equal(("validation", "只能导入 .xlsx 或 .csv 文件"), (e.Code, e.Message));
    }

    [Fact]
    public async Task Staff_of_another_county_may_not_import_and_nothing_is_written()
    {
        var tinghuStaff = new CurrentUser("u-tinghu", "亭湖区总工会 李华", Role.CountyStaff, _tinghu.Id);

        var e = await Assert.ThrowsAsync<DomainException>(() => _host.SendAsync(
            new ImportEnterprisesCommand(_yandu.Id, "企业.csv", Csv($"盐城恒达精密机械有限公司,{Code("91320903MA1XY0001")},制造业,私营企业,320,96,,")), tinghuStaff));

        Assert.Equal(FailureKind.Forbidden, e.Kind);
        Assert.DoesNotContain("盐都区总工会", e.Message);   // a refusal does not name what the caller may not see
        Assert.Equal(0, await CountAsync());
    }

    private static byte[] Xlsx(params string[][] rows) =>
        ImportProperties.Workbook(rows.Select(row => ((uint?)null, row.Select(text => ((string?)null, text)).ToList())), sharedStrings: false);
}
